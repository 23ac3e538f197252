package com.pilimarket.shared.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Reads {@code .env} from the working directory when it exists: lines {@code NAME=value} (blank
 * lines, {@code #} comments, an {@code export } prefix and quotes around the value are allowed), the
 * same names as the environment variables of {@code .env.example}. Real environment variables and
 * command-line arguments win over the file; the file wins over application.yml. It is read before
 * the configuration files, so {@code SPRING_PROFILES_ACTIVE} works in it too.
 * {@code PILIMARKET_ENV_FILE} names another file, or {@code none} to read none (the tests do that).
 */
public class DotEnvFile implements EnvironmentPostProcessor, Ordered {

    static final String VARIABLE = "PILIMARKET_ENV_FILE";
    // Spring Boot maps NAME_LIKE_THIS to name.like-this only for sources named "systemEnvironment"
    // or ending in "-systemEnvironment".
    static final String SOURCE_NAME = "dotEnvFile-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

    @Override
    public int getOrder() {
        // After Spring Boot's own system environment source is in place, before the config files.
        return Ordered.HIGHEST_PRECEDENCE + 6;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String file = environment.getProperty(VARIABLE, ".env").strip();
        if (file.isEmpty() || file.equalsIgnoreCase("none")) {
            return;
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            return;
        }
        Map<String, Object> values = parse(read(path));
        var sources = environment.getPropertySources();
        var source = new SystemEnvironmentPropertySource(SOURCE_NAME, values);
        if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
        } else {
            sources.addLast(source);
        }
    }

    static Map<String, Object> parse(List<String> lines) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = line.substring(0, equals).strip();
            String value = line.substring(equals + 1).strip();
            if (value.length() >= 2
                    && (value.startsWith("\"") && value.endsWith("\"")
                            || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            values.put(name, value);
        }
        return values;
    }

    private static List<String> read(Path path) {
        try {
            return Files.readAllLines(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path.toAbsolutePath(), e);
        }
    }
}
