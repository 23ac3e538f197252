package com.pilimarket.moderation.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code multi_account_device}: more than N accounts signed up on one device id within the window. */
@Component
class MultiAccountDeviceRule extends SignupClusterRule {

    static final String NAME = "multi_account_device";

    MultiAccountDeviceRule(JdbcClient jdbc, FraudProperties properties) {
        super(jdbc, properties, "signup_device_id", "device_id");
    }

    @Override
    public String name() {
        return NAME;
    }
}
