package org.linfenatlas.store.postgis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** SQL text built from trusted fragments, with the values it binds, in order; request values only ever bind. */
final class Sql {
    private final StringBuilder text;
    private final List<Object> values = new ArrayList<>();

    Sql(String text, Object... values) {
        this.text = new StringBuilder(text);
        this.values.addAll(Arrays.asList(values));
    }

    Sql append(String more, Object... moreValues) {
        text.append(more);
        values.addAll(Arrays.asList(moreValues));
        return this;
    }

    Sql append(Sql more) {
        text.append(more.text);
        values.addAll(more.values);
        return this;
    }

    PreparedStatement prepare(Connection c) throws SQLException {
        PreparedStatement s = c.prepareStatement(text.toString());
        try {
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                int index = i + 1;
                if (value instanceof byte[] bytes) {
                    s.setBytes(index, bytes);
                } else if (value instanceof String[] strings) {
                    s.setArray(index, c.createArrayOf("text", strings));
                } else if (value instanceof String string) {
                    s.setString(index, string);
                } else if (value instanceof Long number) {
                    s.setLong(index, number);
                } else if (value instanceof Double number) {
                    s.setDouble(index, number);
                } else if (value instanceof Boolean bool) {
                    s.setBoolean(index, bool);
                } else {
                    throw new IllegalArgumentException("cannot bind a " + value.getClass().getSimpleName());
                }
            }
            return s;
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
