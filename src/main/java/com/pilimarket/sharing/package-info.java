/**
 * Sharing: what a market link shows when it is pasted into Facebook, Messenger, X or Viber — Open
 * Graph and Twitter meta in the HTML of {@code /markets/{slug}} and a server-drawn card image.
 */
@ApplicationModule(
        displayName = "Sharing",
        allowedDependencies = {"shared", "markets"})
package com.pilimarket.sharing;

import org.springframework.modulith.ApplicationModule;
