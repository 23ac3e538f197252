package com.pilimarket.users;

import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.users.internal.FollowRecords;
import com.pilimarket.users.internal.UserRecords;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who follows whom. Following is public and one-way; nobody follows themself (422), and an account
 * follows at most {@code pilimarket.social.max-following} others, so a script cannot follow everyone.
 */
@Service
public class Follows {

    public static final String CANNOT_FOLLOW_SELF = "CANNOT_FOLLOW_SELF";
    public static final String FOLLOW_LIMIT_REACHED = "FOLLOW_LIMIT_REACHED";

    private final FollowRecords follows;
    private final UserRecords users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final long maxFollowing;

    Follows(
            FollowRecords follows,
            UserRecords users,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${pilimarket.social.max-following:5000}") long maxFollowing) {
        this.follows = follows;
        this.users = users;
        this.events = events;
        this.clock = clock;
        this.maxFollowing = maxFollowing;
    }

    /**
     * {@code follower} follows {@code followee}: 404 for an unknown user, 422 for oneself or past the
     * limit. Following again changes nothing.
     */
    @Transactional
    public FollowCounts follow(UUID follower, UUID followee) {
        // Suspended and banned accounts never get here (auth's AccountStatusFilter refuses their writes);
        // the lock makes the limit check and the insert one step for this follower.
        users.lockById(follower).orElseThrow(() -> ApiException.notFound("User"));
        if (follower.equals(followee)) {
            throw ApiException.unprocessable(CANNOT_FOLLOW_SELF, "You cannot follow yourself");
        }
        users.findById(followee).orElseThrow(() -> ApiException.notFound("User"));
        if (follows.followingCount(follower) >= maxFollowing) {
            throw ApiException.unprocessable(
                    FOLLOW_LIMIT_REACHED, "You follow " + maxFollowing + " people already; unfollow someone first");
        }
        if (follows.insert(follower, followee)) {
            events.publishEvent(new UserFollowed(follower, followee, OffsetDateTime.now(clock)));
        }
        return follows.counts(followee, follower);
    }

    /** {@code follower} stops following {@code followee}; not following is no error. */
    @Transactional
    public FollowCounts unfollow(UUID follower, UUID followee) {
        users.findById(followee).orElseThrow(() -> ApiException.notFound("User"));
        follows.delete(follower, followee);
        return follows.counts(followee, follower);
    }

    /** The counts of {@code userId} as {@code viewer} (null: a visitor) sees them. */
    @Transactional(readOnly = true)
    public FollowCounts counts(UUID userId, UUID viewer) {
        return follows.counts(userId, viewer);
    }

    @Transactional(readOnly = true)
    public Page<FollowedUser> followers(UUID userId, PageQuery page) {
        users.findById(userId).orElseThrow(() -> ApiException.notFound("User"));
        return follows.followers(userId, page);
    }

    @Transactional(readOnly = true)
    public Page<FollowedUser> following(UUID userId, PageQuery page) {
        users.findById(userId).orElseThrow(() -> ApiException.notFound("User"));
        return follows.following(userId, page);
    }

    /** The ids of everyone {@code userId} follows (for the activity module's following feed). */
    @Transactional(readOnly = true)
    public List<UUID> followeeIds(UUID userId) {
        return follows.followeeIds(userId);
    }
}
