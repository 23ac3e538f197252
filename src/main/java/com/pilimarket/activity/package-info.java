/** Activity: the public activity feed, a read model of past events. */
@ApplicationModule(displayName = "Activity")
package com.pilimarket.activity;

import org.springframework.modulith.ApplicationModule;
