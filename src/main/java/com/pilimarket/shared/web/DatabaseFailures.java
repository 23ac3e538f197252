package com.pilimarket.shared.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.HashSet;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises a lost or unavailable database connection anywhere in an exception chain, so that it
 * becomes 503 (retry) instead of 500 (bug). Found by the chaos run: when PostgreSQL terminates a
 * connection mid-transaction the request fails with "JDBC rollback failed" whose cause is only Hikari's
 * "Connection is closed"; the real reason is the transaction's application exception.
 */
final class DatabaseFailures {

    private DatabaseFailures() {}

    static boolean connectionLost(Throwable e) {
        return connectionLost(e, new HashSet<>());
    }

    private static boolean connectionLost(Throwable e, Set<Throwable> seen) {
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof CannotGetJdbcConnectionException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 08: connection exception; 57P01-57P03: terminated by an administrator, crash shutdown, cannot connect
                // now.
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                if (state == null && "Connection is closed".equals(sql.getMessage())) {
                    return true; // Hikari's proxy after the server dropped the connection
                }
            }
            if (t instanceof TransactionSystemException tx
                    && tx.getApplicationException() != null
                    && connectionLost(tx.getApplicationException(), seen)) {
                return true;
            }
        }
        return false;
    }
}
