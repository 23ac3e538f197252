/** Auth: registration, login, tokens, security configuration, CSRF and rate limiting. */
@ApplicationModule(displayName = "Auth")
package com.pilimarket.auth;

import org.springframework.modulith.ApplicationModule;
