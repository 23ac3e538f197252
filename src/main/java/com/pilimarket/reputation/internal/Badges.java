package com.pilimarket.reputation.internal;

import com.pilimarket.reputation.BadgeEarned;
import com.pilimarket.reputation.BadgesEarned;
import com.pilimarket.users.UserBadges;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Hands out badges: each at most once per user, the awards published as {@link BadgesEarned} in the same transaction. */
@Component
class Badges {

    private final UserBadges userBadges;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Badges(UserBadges userBadges, ApplicationEventPublisher events, Clock clock) {
        this.userBadges = userBadges;
        this.events = events;
        this.clock = clock;
    }

    /** Awards those of {@code badges} the user does not hold yet. */
    void award(UUID userId, Collection<String> badges, String metadataJson) {
        awardAll(Map.of(userId, Set.copyOf(badges)), metadataJson);
    }

    /**
     * Awards each user those of their candidate badges they do not hold yet, in one statement
     * whatever the number of users; the awards are published as one {@link BadgesEarned}.
     */
    void awardAll(Map<UUID, Set<String>> candidates, String metadataJson) {
        Instant now = clock.instant();
        List<BadgeEarned> awarded = userBadges.awardAll(candidates, now, metadataJson).stream()
                .map(award -> new BadgeEarned(award.userId(), award.badge(), now))
                .toList();
        if (!awarded.isEmpty()) {
            events.publishEvent(new BadgesEarned(awarded));
        }
    }
}
