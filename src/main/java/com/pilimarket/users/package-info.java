/** Users: accounts, profiles, roles and status. */
@ApplicationModule(displayName = "Users")
package com.pilimarket.users;

import org.springframework.modulith.ApplicationModule;
