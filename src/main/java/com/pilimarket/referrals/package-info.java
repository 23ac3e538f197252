/**
 * Referrals: invitations through a referral link, and the bonus both people earn once the invitee
 * places a first forecast (paid through the ledger, capped per month, refused for tied accounts).
 */
@ApplicationModule(
        displayName = "Referrals",
        allowedDependencies = {"shared", "users", "ledger", "forecasting"})
package com.pilimarket.referrals;

import org.springframework.modulith.ApplicationModule;
