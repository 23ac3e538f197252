package com.pilimarket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README and docs/ stand alone: every link in them points at a file of this repository that
 * exists (and at a heading of it that exists, for {@code #anchors}); none leaves the repository,
 * neither by a web address nor by a relative path above its root.
 */
class DocumentationLinksTests {

    private static final Path ROOT = Path.of("").toAbsolutePath().normalize();
    // [text](target) and [text](target "title"); images too.
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    // [label]: target
    private static final Pattern REFERENCE = Pattern.compile("(?m)^\\s*\\[[^\\]]+\\]:\\s*(\\S+)");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern LOCAL_ADDRESS = Pattern.compile("^https?://(localhost|127\\.0\\.0\\.1)([:/].*)?$");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");

    @Test
    void readme_and_docs_links_resolve_inside_the_repository() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path document : documents()) {
            String text = withoutCodeBlocks(Files.readString(document));
            for (String target : targets(text)) {
                String problem = check(document, target);
                if (problem != null) {
                    broken.add(ROOT.relativize(document) + ": (" + target + ") " + problem);
                }
            }
            if (text.contains("../shared")) {
                broken.add(ROOT.relativize(document) + ": mentions ../shared, which is not part of the repository");
            }
        }
        assertThat(broken).as("links in README.md and docs/").isEmpty();
    }

    @Test
    void the_checker_catches_what_it_should() throws IOException {
        Path readme = ROOT.resolve("README.md");
        assertThat(check(readme, "docs/PRODUCT.md")).isNull();
        assertThat(check(readme, "docs/PRODUCT.md#2-chip-economy")).isNull();
        assertThat(check(readme, "#configuration")).isNull();
        assertThat(check(readme, "http://localhost:8080/docs")).isNull();
        assertThat(check(readme, "docs/NOPE.md")).contains("no such file");
        assertThat(check(readme, "docs/PRODUCT.md#no-such-heading")).contains("no heading");
        assertThat(check(readme, "../shared/DESIGN.md")).contains("outside the repository");
        assertThat(check(readme, "https://example.com/")).contains("leaves the repository");
    }

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    private static List<String> targets(String text) {
        List<String> targets = new ArrayList<>();
        for (Pattern pattern : List.of(LINK, REFERENCE)) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                targets.add(m.group(1).replaceAll("^<|>$", ""));
            }
        }
        return targets;
    }

    /** Null when {@code target}, linked from {@code document}, resolves inside the repository. */
    static String check(Path document, String target) throws IOException {
        if (SCHEME.matcher(target).find()) {
            return LOCAL_ADDRESS.matcher(target).matches() ? null : "leaves the repository";
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path file =
                path.isEmpty() ? document : document.getParent().resolve(path).normalize();
        if (!file.startsWith(ROOT)) {
            return "points outside the repository";
        }
        if (!Files.exists(file)) {
            return "no such file";
        }
        if (anchor != null && file.toString().endsWith(".md") && !anchors(file).contains(anchor)) {
            return "no heading with anchor #" + anchor;
        }
        return null;
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
    private static Set<String> anchors(Path markdown) throws IOException {
        Matcher m = HEADING.matcher(withoutCodeBlocks(Files.readString(markdown)));
        List<String> headings = new ArrayList<>();
        while (m.find()) {
            headings.add(m.group(1));
        }
        return headings.stream()
                .map(h -> h.toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-'))
                .collect(Collectors.toSet());
    }

    private static String withoutCodeBlocks(String markdown) {
        return markdown.replaceAll("(?s)```.*?```", "");
    }
}
