package com.pilimarket.forecasting.internal;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.springframework.jdbc.core.PreparedStatementCreator;

/**
 * Statements of the batch paths (group commit, settlement): their rows travel as parallel PostgreSQL
 * arrays that the SQL unnests, so a batch of any size is one statement and one round trip.
 */
final class BatchStatements {

    /** An array parameter: its SQL element type ({@code uuid}, {@code bigint}, …) and its values. */
    record SqlArray(String type, Object[] values) {}

    private BatchStatements() {}

    static SqlArray array(String type, Object[] values) {
        return new SqlArray(type, values);
    }

    /** One field of every row, as the array a {@link SqlArray} carries. */
    static <R, T> T[] column(List<R> rows, Function<R, T> field, IntFunction<T[]> newArray) {
        return rows.stream().map(field).toArray(newArray);
    }

    /** A statement with positional parameters bound in order, each {@link SqlArray} as an array. */
    static PreparedStatementCreator of(String sql, Object... params) {
        return con -> {
            PreparedStatement ps = con.prepareStatement(sql);
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof SqlArray array) {
                    ps.setArray(i + 1, con.createArrayOf(array.type(), array.values()));
                } else {
                    ps.setObject(i + 1, params[i]);
                }
            }
            return ps;
        };
    }
}
