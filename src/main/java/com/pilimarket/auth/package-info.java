/** Auth: registration, login, tokens, security configuration, CSRF and rate limiting. */
@ApplicationModule(
        displayName = "Auth",
        allowedDependencies = {"shared", "users", "ledger", "audit", "mail"})
package com.pilimarket.auth;

import org.springframework.modulith.ApplicationModule;
