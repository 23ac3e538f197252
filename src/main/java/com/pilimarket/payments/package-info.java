/** Payments: chip purchases through Stripe, PayMongo (GCash, Maya) and the sandbox gateway, and their webhooks. */
@ApplicationModule(displayName = "Payments")
package com.pilimarket.payments;

import org.springframework.modulith.ApplicationModule;
