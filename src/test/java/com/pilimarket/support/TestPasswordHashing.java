package com.pilimarket.support;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Swaps the application's Argon2id encoder for one with the smallest cost (m = 256 KiB, t = 1) in test
 * contexts. At OWASP's baseline a hash took 0.1–0.4 s on the CI host, and the suite hashes on every
 * registration, login, password change and refused login (the equal-timing dummy hash): hundreds of
 * hashes that prove nothing about the cost. It is still Argon2id through the same encoder interface, and
 * a stored hash names its own parameters, so every path (encode, match, mismatch) runs as in production.
 *
 * <p>A test that is about the production parameters sets {@code pilimarket.test.password-hashing=production}
 * and gets the application's own encoder untouched ({@code AuthIntegrationTests} checks the stored hash).
 */
public class TestPasswordHashing implements BeanPostProcessor, EnvironmentAware {

    private boolean fast = true;

    @Override
    public void setEnvironment(Environment environment) {
        fast = !"production".equals(environment.getProperty("pilimarket.test.password-hashing"));
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (fast && bean instanceof Argon2PasswordEncoder) {
            return new Argon2PasswordEncoder(16, 32, 1, 256, 1);
        }
        return bean;
    }
}
