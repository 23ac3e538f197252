/** Markets: markets, outcomes, lifecycle, resolution and probability history. */
@ApplicationModule(
        displayName = "Markets",
        allowedDependencies = {"shared", "audit"})
package com.pilimarket.markets;

import org.springframework.modulith.ApplicationModule;
