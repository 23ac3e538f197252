package com.pilimarket.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseFailuresTests {

    @Test
    void a_failed_rollback_after_the_server_terminated_the_connection_is_an_outage() {
        TransactionSystemException rollback =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException(
                "FATAL: terminating connection due to administrator command",
                new SQLException("terminating connection due to administrator command", "57P01")));

        assertThat(DatabaseFailures.connectionLost(rollback)).isTrue();
    }

    @Test
    void connection_sqlstates_are_outages() {
        assertThat(DatabaseFailures.connectionLost(new RuntimeException(new SQLException("gone", "08006"))))
                .isTrue();
        assertThat(DatabaseFailures.connectionLost(new SQLException("admin shutdown", "57P01")))
                .isTrue();
    }

    @Test
    void bugs_and_constraint_violations_are_not_outages() {
        assertThat(DatabaseFailures.connectionLost(new IllegalStateException("bug")))
                .isFalse();
        assertThat(DatabaseFailures.connectionLost(
                        new DataIntegrityViolationException("dup", new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(DatabaseFailures.connectionLost(new TransactionSystemException("JDBC commit failed")))
                .isFalse();
    }
}
