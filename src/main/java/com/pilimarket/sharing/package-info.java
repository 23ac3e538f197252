/**
 * Sharing: what a market or profile link shows when it is pasted into Facebook, Messenger, X or Viber
 * — Open Graph and Twitter meta in the HTML of {@code /markets/{slug}} and {@code /u/{handle}}, and
 * server-drawn card images.
 */
@ApplicationModule(
        displayName = "Sharing",
        allowedDependencies = {"shared", "markets", "users", "leaderboard"})
package com.pilimarket.sharing;

import org.springframework.modulith.ApplicationModule;
