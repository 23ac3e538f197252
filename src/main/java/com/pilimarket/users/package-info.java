/** Users: accounts, profiles, roles and status, and the admin console's user management. */
@ApplicationModule(
        displayName = "Users",
        allowedDependencies = {"shared", "ledger", "audit"})
package com.pilimarket.users;

import org.springframework.modulith.ApplicationModule;
