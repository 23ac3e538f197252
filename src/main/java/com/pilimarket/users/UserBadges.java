package com.pilimarket.users;

import com.pilimarket.users.internal.UserBadgeRecords;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The badges on users' profiles: the reputation module decides which are earned and awards them here. */
@Service
public class UserBadges {

    private final UserBadgeRecords records;

    UserBadges(UserBadgeRecords records) {
        this.records = records;
    }

    /**
     * Gives each user those of their badges they do not hold yet, in one statement, in the caller's
     * transaction; returns the badges this call awarded (one held already, or awarded by a concurrent
     * call, is not returned).
     */
    public List<Award> awardAll(Map<UUID, Set<String>> badges, Instant at, String metadataJson) {
        return records.awardAll(badges, at, metadataJson).stream()
                .map(a -> new Award(a.userId(), a.badge()))
                .toList();
    }

    /** A badge one call awarded to a user. */
    public record Award(UUID userId, String badge) {}
}
