/** Moderation: the admin console API, flags, fraud checks and operator overview. */
@ApplicationModule(displayName = "Moderation")
package com.pilimarket.moderation;

import org.springframework.modulith.ApplicationModule;
