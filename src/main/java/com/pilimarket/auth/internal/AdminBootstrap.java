package com.pilimarket.auth.internal;

import com.pilimarket.auth.Registrations;
import com.pilimarket.users.UserAccount;
import com.pilimarket.users.UserRole;
import com.pilimarket.users.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * On an empty users table, creates the superadmin from {@code pilimarket.admin.email/password}
 * (env {@code PILIMARKET_ADMIN_EMAIL}, {@code PILIMARKET_ADMIN_PASSWORD}). Runs before the demo
 * data seeder. The password is never logged; in {@code prod} the development default is refused.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    static final String DEV_PASSWORD = "pilimarket-admin-2026";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Users users;
    private final Registrations registrations;
    private final Environment environment;
    private final String email;
    private final String password;

    AdminBootstrap(
            Users users,
            Registrations registrations,
            Environment environment,
            @Value("${pilimarket.admin.email:admin@pilimarket.ph}") String email,
            @Value("${pilimarket.admin.password:" + DEV_PASSWORD + "}") String password) {
        this.users = users;
        this.registrations = registrations;
        this.environment = environment;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        boolean prod = environment.acceptsProfiles(Profiles.of("prod"));
        if (prod && DEV_PASSWORD.equals(password)) {
            throw new IllegalStateException(
                    "The users table is empty: set PILIMARKET_ADMIN_PASSWORD (not the development default) "
                            + "to create the first superadmin");
        }
        try {
            UserAccount admin = registrations.registerUser(email, password, "Pilimarket Admin", UserRole.SUPERADMIN);
            if (prod) {
                log.info("Created the superadmin {} with the password from PILIMARKET_ADMIN_PASSWORD", admin.email());
            } else {
                log.info(
                        "Created the superadmin {} (development password: see README, or PILIMARKET_ADMIN_PASSWORD)",
                        admin.email());
            }
        } catch (DuplicateKeyException | com.pilimarket.shared.ApiException e) {
            // Another instance created it first, or the configured email is invalid.
            log.warn("Did not create the superadmin {}: {}", email, e.getMessage());
        }
    }
}
