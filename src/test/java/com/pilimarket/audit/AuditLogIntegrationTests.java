package com.pilimarket.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import com.pilimarket.support.TestUsers;
import com.pilimarket.users.UserRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class AuditLogIntegrationTests {

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @Test
    void entries_form_a_chain_that_verifies() {
        UUID actor = UUID.randomUUID();
        AuditEntry first = audit.record(actor, "test.first", "user", "u1", Map.of("b", 2, "a", "x"));
        AuditEntry second = audit.record(null, "test.second", null, null, Map.of());

        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(first.details()).containsEntry("a", "x").containsEntry("b", 2);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void concurrent_appends_never_fork_the_chain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<AuditEntry>> jobs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                jobs.add(() -> audit.record(null, "test.concurrent", "n", Integer.toString(n), Map.of("n", n)));
            }
            for (Future<AuditEntry> f : pool.invokeAll(jobs)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        long distinctPrev = jdbc.sql("SELECT count(DISTINCT prev_hash) = count(*) FROM audit_log")
                        .query(Boolean.class)
                        .single()
                ? 1
                : 0;
        assertThat(distinctPrev).isEqualTo(1);
        AuditVerification verification = audit.verify();
        assertThat(verification.intact()).as(String.valueOf(verification)).isTrue();
        assertThat(verification.rowsChecked()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void the_database_refuses_to_change_or_delete_audit_rows() {
        AuditEntry entry = audit.record(null, "test.immutable", null, null, Map.of());

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET action = 'x' WHERE id = :id")
                        .param("id", entry.id())
                        .update())
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log WHERE id = :id")
                        .param("id", entry.id())
                        .update())
                .hasMessageContaining("immutable");
    }

    @Test
    void an_edited_row_is_detected() {
        audit.record(null, "test.before", null, null, Map.of());
        AuditEntry victim = audit.record(UUID.randomUUID(), "user.chips_granted", "user", "u", Map.of("chips", 100));
        audit.record(null, "test.after", null, null, Map.of());

        // A superuser with direct database access edits history, bypassing the trigger.
        jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_immutable").update();
        try {
            jdbc.sql("UPDATE audit_log SET details = '{\"chips\": 100000}' WHERE id = :id")
                    .param("id", victim.id())
                    .update();
        } finally {
            jdbc.sql("ALTER TABLE audit_log ENABLE TRIGGER audit_log_immutable").update();
        }

        AuditVerification verification = audit.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenId()).isEqualTo(victim.id());
        assertThat(verification.problem()).contains("edited");

        var admin = users.create(0, UserRole.ADMIN);
        Result report =
                http.get("/api/v1/admin/audit-log/verify").bearer(admin.token()).send();
        assertThat(report.data().get("intact").asBoolean()).isFalse();
        assertThat(report.data().get("first_broken_id").asLong()).isEqualTo(victim.id());

        // Put it back, so other tests in this database see an intact chain again.
        jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_immutable").update();
        try {
            jdbc.sql("UPDATE audit_log SET details = '{\"chips\": 100}' WHERE id = :id")
                    .param("id", victim.id())
                    .update();
        } finally {
            jdbc.sql("ALTER TABLE audit_log ENABLE TRIGGER audit_log_immutable").update();
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void admins_read_the_log_newest_first_and_others_cannot() {
        audit.record(null, "test.older", null, null, Map.of());
        audit.record(null, "test.newer", null, null, Map.of());
        var admin = users.create(0, UserRole.ADMIN);
        var moderator = users.create(0, UserRole.MODERATOR);

        Result page = http.get("/api/v1/admin/audit-log?limit=2")
                .bearer(admin.token())
                .send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.data().get(0).get("id").asLong())
                .isGreaterThan(page.data().get(1).get("id").asLong());
        assertThat(page.body().get("pagination").get("limit").asInt()).isEqualTo(2);

        assertThat(http.get("/api/v1/admin/audit-log")
                        .bearer(moderator.token())
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(http.get("/api/v1/admin/audit-log").send().status()).isEqualTo(401);
    }
}
