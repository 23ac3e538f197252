/** Audit: the append-only, hash-chained log of every privileged action. */
@ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"shared"})
package com.pilimarket.audit;

import org.springframework.modulith.ApplicationModule;
