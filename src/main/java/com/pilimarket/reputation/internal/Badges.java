package com.pilimarket.reputation.internal;

import com.pilimarket.reputation.BadgeEarned;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Hands out badges: each at most once per user, each award publishing {@link BadgeEarned} in the same transaction. */
@Component
class Badges {

    private final ReputationRecords records;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Badges(ReputationRecords records, ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.events = events;
        this.clock = clock;
    }

    /** Awards those of {@code badges} the user does not hold yet. */
    void award(UUID userId, Collection<String> badges, String metadataJson) {
        awardAll(Map.of(userId, Set.copyOf(badges)), metadataJson);
    }

    /**
     * Awards each user those of their candidate badges they do not hold yet: one query reads what
     * they all hold, and only missing badges are inserted (usually none), each publishing
     * {@link BadgeEarned}.
     */
    void awardAll(Map<UUID, Set<String>> candidates, String metadataJson) {
        Map<UUID, Set<String>> held = records.badgesOf(candidates.keySet());
        Instant now = clock.instant();
        candidates.forEach((userId, badges) -> {
            Set<String> has = held.getOrDefault(userId, Set.of());
            for (String badge : badges) {
                if (!has.contains(badge) && records.award(userId, badge, now, metadataJson)) {
                    events.publishEvent(new BadgeEarned(userId, badge, now));
                }
            }
        });
    }
}
