package com.pilimarket.moderation.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code multi_account_ip}: more than N accounts signed up from one IP within the window. Addresses
 * in {@code pilimarket.fraud.multi-account.ignored-ips} (loopback by default) never count.
 */
@Component
class MultiAccountIpRule extends SignupClusterRule {

    static final String NAME = "multi_account_ip";

    MultiAccountIpRule(JdbcClient jdbc, FraudProperties properties) {
        super(jdbc, properties, "signup_ip", "ip");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    boolean ignored(String ip) {
        return settings().ignoredIps().contains(ip);
    }
}
