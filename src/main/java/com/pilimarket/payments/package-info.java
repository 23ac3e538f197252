/** Payments: chip purchases through Stripe, PayMongo (GCash, Maya) and the sandbox gateway, and their webhooks. */
@ApplicationModule(
        displayName = "Payments",
        allowedDependencies = {"shared", "ledger", "users"})
package com.pilimarket.payments;

import org.springframework.modulith.ApplicationModule;
