package com.pilimarket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code .env.example} lists every setting with its default: each variable application.yml reads
 * (with the same default), each other {@code pilimarket.*} setting of application.yml, and each
 * {@code pilimarket.*} setting the code reads with {@code @Value} or a scheduling placeholder.
 */
class EnvExampleTests {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    private static final Pattern CODE_SETTING = Pattern.compile("\\$\\{(pilimarket\\.[a-z0-9.-]+)[:}]");

    @Test
    void env_example_lists_every_setting_with_its_default() throws IOException {
        Map<String, String> example = example();
        Map<String, Object> yaml =
                flatten("", new Yaml().load(Files.readString(Path.of("src/main/resources/application.yml"))));
        List<String> problems = new ArrayList<>();

        for (var entry : yaml.entrySet()) {
            String value = String.valueOf(entry.getValue());
            Matcher m = PLACEHOLDER.matcher(value);
            if (m.find()) {
                String variable = m.group(1);
                String fallback = m.group(2) == null ? "" : m.group(2);
                if (!example.containsKey(variable)) {
                    problems.add(variable + " (application.yml " + entry.getKey() + ") is missing");
                } else if (value.equals("${" + variable + (m.group(2) == null ? "" : ":" + fallback) + "}")
                        && !example.get(variable).equals(fallback)) {
                    problems.add(
                            variable + "=" + example.get(variable) + " but application.yml's default is " + fallback);
                }
            } else if (entry.getKey().startsWith("pilimarket.")
                    && !entry.getKey().startsWith("pilimarket.payments.packages")
                    && !example.containsKey(variableOf(entry.getKey()))) {
                problems.add(variableOf(entry.getKey()) + " (application.yml " + entry.getKey() + ") is missing");
            }
        }
        for (String setting : codeSettings()) {
            boolean inYaml = yaml.keySet().stream().anyMatch(k -> k.equals(setting) || k.startsWith(setting + "["));
            if (!inYaml && !example.containsKey(variableOf(setting))) {
                problems.add(variableOf(setting) + " (read by the code as " + setting + ") is missing");
            }
        }
        assertThat(problems).as(".env.example").isEmpty();
    }

    /** Spring Boot's environment variable for a property: dots and dashes to underscores, upper case. */
    private static String variableOf(String property) {
        return property.replaceAll("\\[\\d+]$", "")
                .replace('.', '_')
                .replace('-', '_')
                .toUpperCase(Locale.ROOT);
    }

    private static Map<String, String> example() throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(".env.example"))) {
            int equals = line.indexOf('=');
            if (!line.startsWith("#") && equals > 0) {
                values.put(
                        line.substring(0, equals).strip(),
                        line.substring(equals + 1).strip());
            }
        }
        return values;
    }

    private static List<String> codeSettings() throws IOException {
        List<String> settings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = CODE_SETTING.matcher(Files.readString(file));
                while (m.find()) {
                    settings.add(m.group(1));
                }
            }
        }
        return settings;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> flatten(String prefix, Object node) {
        Map<String, Object> flat = new LinkedHashMap<>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flat.putAll(flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v)));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flat.putAll(flatten(prefix + "[" + i + "]", list.get(i)));
            }
        } else {
            flat.put(prefix, node);
        }
        return flat;
    }
}
