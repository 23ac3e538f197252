package com.pilimarket.forecasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.support.IntegrationTest;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What keeps settlement's row updates HOT (V270): no index of {@code forecasts} or {@code users} names
 * a column settlement writes (as a key, in an expression or in a partial index's WHERE), and both
 * tables leave room on their pages (V330: more on {@code users}, whose winners get two new versions).
 * An index added later that names one of them makes every settled forecast (or every winner's balance
 * and reputation) write an entry in each index of its table again. The same holds for {@code markets},
 * whose totals every group-commit round rewrites (V332).
 */
@IntegrationTest
class SettlementHotUpdatesIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void no_index_of_forecasts_names_a_column_settlement_writes() {
        assertThat(indexesNaming("forecasts", List.of("status", "payout", "settled_at", "updated_at")))
                .isEmpty();
    }

    @Test
    void no_index_of_users_names_a_column_payouts_or_scoring_write() {
        assertThat(indexesNaming("users", List.of("chips", "reputation", "updated_at")))
                .isEmpty();
    }

    @Test
    void no_index_of_markets_names_a_column_placements_write() {
        // Each group-commit round rewrites its markets' totals (V332: not one of those updates was HOT
        // while two indexes named them).
        assertThat(indexesNaming("markets", List.of("total_points", "forecaster_count", "updated_at")))
                .isEmpty();
        assertThat(fillfactor("markets")).isLessThan(100);
    }

    @Test
    void forecasts_and_users_leave_room_on_their_pages_for_new_row_versions() {
        assertThat(fillfactor("forecasts")).isLessThan(100);
        // A winner's row gets two new versions within seconds (payout, then reputation), and the first
        // cannot be pruned while other settlement transactions still run: at 85 only about half of
        // those updates were HOT, at 60 over 90 % (V330).
        assertThat(fillfactor("users")).isLessThanOrEqualTo(60);
    }

    /** The definitions of the table's indexes (keys, expressions, predicate) that name one of the columns. */
    private List<String> indexesNaming(String table, List<String> columns) {
        Pattern named = Pattern.compile("\\b(" + String.join("|", columns) + ")\\b");
        return jdbc
                .sql("SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = CAST(:t AS regclass)")
                .param("t", table)
                .query(String.class)
                .list()
                .stream()
                // What follows "USING method": the keys, expressions and WHERE, not the index's own name.
                .filter(definition -> named.matcher(definition.substring(definition.indexOf(" USING ")))
                        .find())
                .toList();
    }

    private int fillfactor(String table) {
        return jdbc.sql("""
                        SELECT coalesce((SELECT split_part(o, '=', 2)::int FROM unnest(reloptions) o
                                         WHERE o LIKE 'fillfactor=%'), 100)
                        FROM pg_class WHERE oid = CAST(:t AS regclass)
                        """).param("t", table).query(Integer.class).single();
    }
}
