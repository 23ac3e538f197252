package com.pilimarket.reputation;

import java.util.List;

/**
 * Badges were awarded, all in one transaction (a settlement's scoring awards thousands at once): one
 * event, so one durable publication per listener instead of one per badge. Each badge is awarded
 * once per user, so each {@link BadgeEarned} in it is published once (at least once to listeners).
 */
public record BadgesEarned(List<BadgeEarned> badges) {}
