/**
 * Comments: discussion on markets with one level of replies, likes, the author's position at the time
 * of writing, reports into the moderators' queue, and moderator hiding. Live on the market's stream.
 */
@ApplicationModule(
        displayName = "Comments",
        allowedDependencies = {"shared", "users", "markets", "audit"})
package com.pilimarket.comments;

import org.springframework.modulith.ApplicationModule;
