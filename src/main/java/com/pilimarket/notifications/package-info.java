/** Notifications: per-user notifications, preferences and the SSE stream. */
@ApplicationModule(displayName = "Notifications")
package com.pilimarket.notifications;

import org.springframework.modulith.ApplicationModule;
