/**
 * Mail: a durable outbox sent by a scheduled job with retries, over SMTP (SPRING_MAIL_HOST) or, in
 * development, to an embedded mail server whose captured mail the dev mail page shows.
 */
@ApplicationModule(
        displayName = "Mail",
        allowedDependencies = {"shared"})
package com.pilimarket.mail;

import org.springframework.modulith.ApplicationModule;
