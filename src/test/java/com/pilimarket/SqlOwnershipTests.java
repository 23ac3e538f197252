package com.pilimarket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;

/**
 * SQL stays in its module (docs/ARCHITECTURE.md, "Data"): Spring Modulith sees Java dependencies,
 * not SQL, so this test reads every string literal of every module under {@code src/main/java} and
 * fails when one names a table another module owns. Another module's data is read through a view its
 * owner publishes ({@code *_view}, created in the owner's migration), and only by a module allowed to
 * depend on that owner; writes go through the owner's facade. Every table and view the migrations
 * create must have an owner below, so a new table cannot slip past unowned.
 */
class SqlOwnershipTests {

    static final Path SOURCES = Path.of("src/main/java/com/pilimarket");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Who owns each table and published view the migrations create. */
    static final Map<String, String> OWNERS = owners(
            "activity", "activities",
            "audit", "audit_log",
            "auth", "auth_account_changes auth_email_tokens auth_session_cutoffs login_throttle refresh_tokens",
            "comments", "comments comment_likes comment_market_endings comment_reports",
            "discovery", "discovery_stakes",
            "forecasting", "forecasts forecast_view placement_feed",
            "leaderboard", "leaderboard_entries",
            "ledger", "ledger_accounts ledger_entries ledger_transactions ledger_balance_view ledger_posting_view",
            "mail", "mail_outbox",
            "markets", "markets outcomes resolutions market_history watchlist market_view outcome_view watchlist_view",
            "moderation", "flags",
            "notifications",
                    "notifications notification_shared notification_interests notification_preferences push_subscriptions push_outbox",
            "payments", "purchases payment_events purchase_view",
            "referrals", "referrals",
            "reputation", "rep_forecasts settled_forecasts monthly_awards rank_totals board_pending scoring_progress",
            "shared", "idempotency_keys event_publication event_publication_archive shedlock",
            "users", "users user_signals follows admin_grants user_badges user_view user_signal_view");

    /**
     * The one deliberate exception, with its reason. {@code users.chips} is the cached balance of a
     * user's ledger account: the ledger alone writes it, in the same statement as the entries
     * (PRODUCT.md, chip economy), and checks it against them.
     */
    static final Map<String, Set<String>> ALLOWED = Map.of("ledger", Set.of("users"));

    private static final Pattern TABLE_REFERENCE =
            Pattern.compile("(?i)\\b(?:from|join|into|update|table|exists)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)\\b");
    private static final Pattern CREATED = Pattern.compile(
            "(?i)\\bcreate\\s+(?:or\\s+replace\\s+)?(table|view)\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");

    @Test
    void no_module_names_another_modules_table_in_its_sql() throws IOException {
        assertThat(violations(SOURCES)).isEmpty();
    }

    @Test
    void every_table_and_view_of_the_migrations_has_an_owner() throws IOException {
        Set<String> created = new TreeSet<>();
        Set<String> views = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATED.matcher(Files.readString(file));
                while (m.find()) {
                    String name = m.group(2).toLowerCase(Locale.ROOT);
                    created.add(name);
                    if (m.group(1).equalsIgnoreCase("view")) {
                        views.add(name);
                    }
                }
            }
        }
        assertThat(OWNERS.keySet()).containsAll(created);
        assertThat(views).allMatch(v -> v.endsWith("_view"), "published views are named *_view");
    }

    @Test
    void the_check_fails_on_a_module_that_reads_another_modules_table() {
        // Proof that the check can fail: moderation joining forecasting's and markets' tables, as
        // FlagRecords once did, and a module using a view of a module it may not depend on.
        String joined = "SELECT fl.id FROM flags fl LEFT JOIN forecasts fc ON fc.id = fl.subject_id"
                + " LEFT JOIN markets m ON m.id = fc.market_id";
        assertThat(violationsOf("moderation", "FlagRecords.java", "String sql = \"\"\"\n" + joined + "\n\"\"\";"))
                .containsExactly(
                        "moderation/FlagRecords.java names forecasts (owned by forecasting)",
                        "moderation/FlagRecords.java names markets (owned by markets)");
        assertThat(violationsOf("markets", "X.java", "jdbc.sql(\"SELECT 1 FROM forecast_view\")"))
                .containsExactly("markets/X.java reads forecast_view, but markets may not depend on forecasting");
        assertThat(violationsOf("moderation", "Y.java", "// FROM forecasts, only in a comment\nString s = \"x\";"))
                .isEmpty();
        assertThat(violationsOf("forecasting", "Z.java", "jdbc.sql(\"SELECT * FROM forecasts JOIN market_view m\")"))
                .isEmpty();
    }

    static List<String> violations(Path sources) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> modules = Files.list(sources)) {
            for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.walk(module)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                            .sorted()
                            .toList()) {
                        found.addAll(violationsOf(
                                module.getFileName().toString(),
                                module.relativize(file).toString(),
                                Files.readString(file)));
                    }
                }
            }
        }
        return found;
    }

    static List<String> violationsOf(String module, String file, String source) {
        Set<String> named = new TreeSet<>();
        for (String literal : stringLiterals(source)) {
            Matcher m = TABLE_REFERENCE.matcher(literal);
            while (m.find()) {
                String name = m.group(1).toLowerCase(Locale.ROOT);
                if (OWNERS.containsKey(name)) {
                    named.add(name);
                }
            }
        }
        List<String> found = new ArrayList<>();
        for (String name : named) {
            String owner = OWNERS.get(name);
            if (owner.equals(module) || ALLOWED.getOrDefault(module, Set.of()).contains(name)) {
                continue;
            }
            if (!name.endsWith("_view")) {
                found.add(module + "/" + file + " names " + name + " (owned by " + owner + ")");
            } else if (!mayDependOn(module, owner)) {
                found.add(module + "/" + file + " reads " + name + ", but " + module + " may not depend on " + owner);
            }
        }
        return found;
    }

    /** As the module's {@code package-info.java} declares (no list: any module, as Modulith reads it). */
    static boolean mayDependOn(String module, String owner) {
        try {
            Class<?> info = Class.forName("com.pilimarket." + module + ".package-info");
            ApplicationModule declared = info.getAnnotation(ApplicationModule.class);
            return declared == null
                    || declared.allowedDependencies().length == 0
                    || Arrays.stream(declared.allowedDependencies())
                            .anyMatch(d -> d.equals(owner) || d.startsWith(owner + " ::"));
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The contents of the string literals and text blocks of a Java source, comments skipped. */
    static List<String> stringLiterals(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i);
                i = i < 0 ? n : i;
            } else if (source.startsWith("/*", i)) {
                i = source.indexOf("*/", i + 2);
                i = i < 0 ? n : i + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end;
                literals.add(source.substring(i + 3, end));
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                StringBuilder literal = new StringBuilder();
                i++;
                while (i < n && source.charAt(i) != c) {
                    if (source.charAt(i) == '\\') {
                        i++;
                    }
                    if (i < n) {
                        literal.append(source.charAt(i));
                    }
                    i++;
                }
                i++;
                if (c == '"') {
                    literals.add(literal.toString());
                }
            } else {
                i++;
            }
        }
        return literals;
    }

    private static Map<String, String> owners(String... moduleThenNames) {
        Map<String, String> owners = new TreeMap<>();
        for (int i = 0; i < moduleThenNames.length; i += 2) {
            for (String name : moduleThenNames[i + 1].split(" ")) {
                owners.put(name, moduleThenNames[i]);
            }
        }
        return owners;
    }
}
