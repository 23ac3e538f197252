package com.pilimarket.reputation.internal;

import com.pilimarket.reputation.BadgeEarned;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
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

    /**
     * {@link #award} for many users at once: one query reads what they all hold, and only badges
     * they lack are inserted (usually none).
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

    /** Awards those of {@code badges} the user does not hold yet; returns the newly awarded ones. */
    Set<String> award(UUID userId, Collection<String> badges, String metadataJson) {
        Set<String> held = records.badgesOf(List.of(userId)).getOrDefault(userId, Set.of());
        Set<String> awarded = new HashSet<>();
        Instant now = clock.instant();
        for (String badge : badges) {
            if (!held.contains(badge) && records.award(userId, badge, now, metadataJson)) {
                awarded.add(badge);
                events.publishEvent(new BadgeEarned(userId, badge, now));
            }
        }
        return awarded;
    }
}
