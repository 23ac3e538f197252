package com.pilimarket.forecasting.internal;

import static com.pilimarket.support.TestMarkets.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pilimarket.forecasting.Forecasts;
import com.pilimarket.forecasting.PlaceForecast;
import com.pilimarket.markets.MarketDetail;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestEvents;
import com.pilimarket.support.TestMarkets;
import com.pilimarket.support.TestUsers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The placement feed: placements wait in the feed until a drain publishes them (a feeder that is down,
 * as after a crash, loses nothing), the placements of several commits on several markets become ONE
 * {@code ForecastsPlaced}, the read models get every placement of it, and they commit with the drain:
 * one that fails leaves every placement in the feed and nothing written, and the retry writes each once.
 */
@IntegrationTest
class PlacementFeedIntegrationTests {

    @Autowired
    PlacementFeed feed;

    @Autowired
    Forecasts forecasts;

    @Autowired
    TestMarkets markets;

    @Autowired
    TestUsers users;

    @Autowired
    TestEvents events;

    @Autowired
    JdbcClient jdbc;

    @Test
    void placements_of_several_commits_and_markets_wait_in_the_feed_and_reach_the_read_models_as_one_event() {
        events.awaitListeners();
        MarketDetail rain = markets.open("Feed: will it rain in Baguio?", "Yes", "No");
        MarketDetail jeep = markets.open("Feed: will jeepney fares rise?", "Yes", "No");
        UUID ana = users.create(1_000).id();
        UUID ben = users.create(1_000).id();

        feed.stop(); // no drains until this test asks for one: the rows stay, as they would after a crash
        try {
            forecasts.place(ana, new PlaceForecast(rain.id(), outcome(rain, 0), 10));
            forecasts.place(ben, new PlaceForecast(jeep.id(), outcome(jeep, 1), 20));
            forecasts.place(ana, new PlaceForecast(rain.id(), outcome(rain, 0), 5)); // a top-up, its own commit

            assertThat(waiting()).isEqualTo(3);
            assertThat(placementsInTheActivityFeed(ana, ben)).isZero();

            assertThat(feed.drainOnce()).as("one event for all three commits").isEqualTo(3);
            assertThat(waiting()).isZero();
            assertThat(feed.drainOnce()).as("nothing left to publish").isZero();
        } finally {
            feed.start();
        }
        events.awaitListeners();

        assertThat(placementsInTheActivityFeed(ana, ben)).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM notification_interests WHERE user_id IN (:ana, :ben)")
                        .param("ana", ana)
                        .param("ben", ben)
                        .query(Long.class)
                        .single())
                .as("one interest per user and category")
                .isEqualTo(2);
    }

    @Test
    void the_feeder_publishes_placements_on_its_own_after_they_commit() {
        MarketDetail market = markets.open("Feed: will the ferry sail on time?", "Yes", "No");
        UUID cora = users.create(1_000).id();

        forecasts.place(cora, new PlaceForecast(market.id(), outcome(market, 0), 10));
        events.awaitListeners();

        assertThat(waiting()).isZero();
        assertThat(placementsInTheActivityFeed(cora, cora)).isEqualTo(1);
    }

    @Test
    void a_read_model_that_fails_rolls_the_drain_back_and_the_retry_writes_each_placement_once() {
        events.awaitListeners();
        MarketDetail market = markets.open("Feed: will the bridge open by June?", "Yes", "No");
        UUID dina = users.create(1_000).id();
        UUID eli = users.create(1_000).id();
        // Notification interests refuse Dina's rows, as a broken read model would.
        jdbc.sql("CREATE FUNCTION feed_test_refuse() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$BEGIN RAISE EXCEPTION 'read model down'; END$$")
                .update();
        jdbc.sql("CREATE TRIGGER feed_test_refuse BEFORE INSERT ON notification_interests FOR EACH ROW"
                        + " WHEN (NEW.user_id = '" + dina + "') EXECUTE FUNCTION feed_test_refuse()")
                .update();
        feed.stop();
        try {
            forecasts.place(dina, new PlaceForecast(market.id(), outcome(market, 0), 10));
            forecasts.place(eli, new PlaceForecast(market.id(), outcome(market, 1), 20));

            assertThatThrownBy(feed::drainOnce).hasMessageContaining("read model down");
            assertThat(waiting()).as("both placements still wait").isEqualTo(2);
            assertThat(placementsInTheActivityFeed(dina, eli))
                    .as("no read model kept anything of the failed drain")
                    .isZero();
            assertThat(stakedInTheReputationModel(dina, eli)).isZero();

            jdbc.sql("DROP TRIGGER feed_test_refuse ON notification_interests").update();
            assertThat(feed.drainOnce()).isEqualTo(2);
        } finally {
            jdbc.sql("DROP TRIGGER IF EXISTS feed_test_refuse ON notification_interests")
                    .update();
            jdbc.sql("DROP FUNCTION feed_test_refuse()").update();
            feed.start();
        }
        events.awaitListeners();

        assertThat(waiting()).isZero();
        assertThat(placementsInTheActivityFeed(dina, eli))
                .as("each placement once")
                .isEqualTo(2);
        assertThat(stakedInTheReputationModel(dina, eli)).isEqualTo(30);
    }

    private long stakedInTheReputationModel(UUID one, UUID other) {
        return jdbc.sql("SELECT coalesce(sum(total_points), 0) FROM rep_forecasts WHERE user_id IN (:one, :other)")
                .param("one", one)
                .param("other", other)
                .query(Long.class)
                .single();
    }

    private long waiting() {
        return jdbc.sql("SELECT count(*) FROM placement_feed").query(Long.class).single();
    }

    private long placementsInTheActivityFeed(UUID one, UUID other) {
        return jdbc.sql("SELECT count(*) FROM activities WHERE activity_type = 'forecast_placed'"
                        + " AND user_id IN (:one, :other)")
                .param("one", one)
                .param("other", other)
                .query(Long.class)
                .single();
    }
}
