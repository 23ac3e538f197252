package com.pilimarket;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The read models that every placement and every settlement write keep no foreign key (V291, V331):
 * each key cost a lookup and a {@code FOR KEY SHARE} lock per inserted row, on user and market rows the
 * placements and payouts are updating at that moment. A key added back to one of them (by a migration
 * that recreates a table, say) fails here, not only in the benchmark. They also keep no index no
 * statement reads.
 */
@IntegrationTest
class ReadModelConstraintsIntegrationTests {

    /** Filled from other modules' events, one row per placement, settled forecast, badge or notification. */
    static final List<String> READ_MODELS = List.of(
            "activities",
            "discovery_stakes",
            "rep_forecasts",
            "notification_interests",
            "notifications",
            "settled_forecasts");

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_read_models_written_per_placement_or_settled_forecast_have_no_foreign_key() {
        List<String> keys = jdbc.sql("""
                        SELECT conrelid::regclass::text || ': ' || pg_get_constraintdef(oid)
                        FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text = ANY(:tables)
                        ORDER BY 1
                        """)
                .param("tables", READ_MODELS.toArray(String[]::new))
                .query(String.class)
                .list();
        assertThat(keys).isEmpty();
    }

    @Test
    void activities_have_no_index_by_type_alone() {
        List<String> indexes = jdbc.sql("SELECT indexname FROM pg_indexes WHERE tablename = 'activities'")
                .query(String.class)
                .list();
        assertThat(indexes).isNotEmpty().doesNotContain("idx_activities_type");
    }
}
