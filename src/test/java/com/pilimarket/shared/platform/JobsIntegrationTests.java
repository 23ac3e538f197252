package com.pilimarket.shared.platform;

import static com.pilimarket.support.TestEvents.win;
import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.PilimarketApplication;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestEvents;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.test.Scenario;

@IntegrationTest
class JobsIntegrationTests {

    @Autowired
    EventResubmissionJob job;

    @Autowired
    Jobs jobs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestUsers users;

    @Autowired
    TestEvents events;

    @Autowired
    TestHttp http;

    @Autowired
    IncompleteEventPublications incomplete;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Test
    void two_instances_sharing_one_database_run_a_scheduled_job_once() throws Exception {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(PilimarketApplication.class)
                .profiles("test")
                .properties(
                        "spring.datasource.url=" + databaseUrl,
                        "spring.datasource.username=postgres",
                        "spring.datasource.hikari.maximum-pool-size=4",
                        "server.port=0")
                .run()) {
            EventResubmissionJob otherJob = second.getBean(EventResubmissionJob.class);
            Jobs otherJobs = second.getBean(Jobs.class);
            double before = jobs.runs("events-resubmit", "success");
            double otherBefore = otherJobs.runs("events-resubmit", "success");

            // Both instances' schedulers fire at the same moment.
            CompletableFuture.allOf(
                            CompletableFuture.runAsync(job::resubmit), CompletableFuture.runAsync(otherJob::resubmit))
                    .get();
            job.resubmit(); // and again within the lock's minimum hold: still skipped

            double runs = (jobs.runs("events-resubmit", "success") - before)
                    + (otherJobs.runs("events-resubmit", "success") - otherBefore);
            assertThat(runs).isEqualTo(1);
            assertThat(jdbc.sql("SELECT count(*) FROM shedlock WHERE name = 'events-resubmit'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    @Test
    void a_listener_that_failed_finishes_its_event_when_publications_are_resubmitted(Scenario scenario) {
        TestUser user = users.create(0);
        // The reputation listener's first attempt fails (a sequence is not rolled back with it).
        jdbc.sql("CREATE SEQUENCE fail_once_seq").update();
        jdbc.sql("""
                        CREATE FUNCTION fail_once() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            IF nextval('fail_once_seq') = 1 THEN
                                RAISE EXCEPTION 'simulated outage';
                            END IF;
                            RETURN NEW;
                        END $$
                        """).update();
        jdbc.sql(
                        "CREATE TRIGGER fail_once BEFORE INSERT ON settled_forecasts FOR EACH ROW EXECUTE FUNCTION fail_once()")
                .update();
        try {
            scenario.publish(events.settlement(UUID.randomUUID(), Instant.now(), win(user.id(), 0.25)))
                    .andWaitAtMost(Duration.ofSeconds(20))
                    .andWaitForStateChange(() -> failedReputationPublications("FAILED") == 1);
            assertThat(reputation(user)).isZero();

            incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);

            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> failedReputationPublications(null) == 0);
            assertThat(reputation(user)).isEqualTo(75.0);
            assertThat(jobs.runs("reputation-market-settled", "failure")).isGreaterThanOrEqualTo(1);
        } finally {
            jdbc.sql("DROP TRIGGER fail_once ON settled_forecasts").update();
            jdbc.sql("DROP FUNCTION fail_once()").update();
            jdbc.sql("DROP SEQUENCE fail_once_seq").update();
        }
    }

    /** Incomplete publications of SettledBatch to the reputation listener (in {@code status}, or any). */
    private long failedReputationPublications(String status) {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL "
                        + "AND listener_id LIKE '%ReputationListeners%' AND event_type LIKE '%SettledBatch%'"
                        + (status == null ? "" : " AND status = '" + status + "'"))
                .query(Long.class)
                .single();
    }

    private double reputation(TestUser user) {
        return http.get("/api/v1/users/" + user.id())
                .send()
                .data()
                .get("reputation")
                .asDouble();
    }
}
