package org.linfenatlas.store;

import java.sql.Connection;
import java.sql.SQLException;

/** The one way the stores beside the layers (users, indicator values) run a unit of JDBC work as a transaction. */
public final class Jdbc {
    private Jdbc() {
    }

    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs work in one transaction on c: committed when it returns, rolled back when it throws; auto-commit after. */
    public static <T> T inTransaction(Connection c, Work<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
