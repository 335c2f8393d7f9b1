package org.linfenatlas.store.postgis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.linfenatlas.store.Stats;

/**
 * The project statistics computed by SQL, grouped as the in-memory StatsCalculator groups them:
 * a project counts once in total and in its category, and once in each belt and county it lists;
 * the investment is figures.investment_yi_yuan where that is a number, and the projects where it is
 * are counted apart (investment_count). Stages and statuses are counted per
 * stored value, null for projects without one.
 */
final class PostGisStats {
    private final Connection connection;
    /** Makes the WHERE clause (or nothing) that selects the projects counted: a new one for each statement. */
    private final java.util.function.Supplier<Sql> where;

    PostGisStats(Connection connection) {
        this(connection, () -> new Sql(""));
    }

    PostGisStats(Connection connection, java.util.function.Supplier<Sql> where) {
        this.connection = connection;
        this.where = where;
    }

    private Sql projects() {
        return new Sql("(SELECT category, belts, counties, "
                + "CASE WHEN json_typeof(figures -> 'investment_yi_yuan') = 'number' "
                + "THEN (figures ->> 'investment_yi_yuan')::double precision ELSE 0 END AS investment, "
                + "CASE WHEN json_typeof(figures -> 'investment_yi_yuan') = 'number' THEN 1 ELSE 0 END AS stated "
                + "FROM " + LayerTable.SCHEMA + ".projects").append(where.get()).append(") p");
    }

    Stats compute() throws SQLException {
        Tally total = new Tally();
        Map<String, Tally> categories = new TreeMap<>();
        for (Row row : rows(new Sql("SELECT category, category, count(*), sum(investment), sum(stated) FROM ").append(projects()).append(" GROUP BY category"))) {
            total.add(row);
            if (row.category != null) {
                categories.computeIfAbsent(row.category, k -> new Tally()).add(row);
            }
        }
        Map<String, Tally> belts = tallies(rows(grouped("belts")));
        Map<String, Tally> counties = tallies(rows(grouped("counties")));

        List<Stats.Group> beltGroups = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT id, name, name_en FROM " + LayerTable.SCHEMA + ".belt_names ORDER BY ordinal");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                beltGroups.add(tally(belts, rs.getString(1)).group(rs.getString(1), rs.getString(2), rs.getString(3), null));
            }
        }
        List<Stats.Group> countyGroups = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT id, name, name_en, belt FROM " + LayerTable.SCHEMA + ".counties ORDER BY id COLLATE \"C\"");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                countyGroups.add(tally(counties, rs.getString(2))
                        .group(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        List<Stats.Group> categoryGroups = new ArrayList<>();
        categories.forEach((id, tally) -> categoryGroups.add(tally.group(id, null, null, null)));
        return new Stats(total.count, round(total.investment), beltGroups, countyGroups, categoryGroups,
                Stats.stageCounts(countsBy("stage")), total.stated, Stats.statusCounts(countsBy("status")));
    }

    /** Project count per stored value of a text column (a constant name, never a parameter), null for none. */
    private Map<String, Long> countsBy(String column) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement s = new Sql("SELECT " + column + ", count(*) FROM " + LayerTable.SCHEMA + ".projects").append(where.get())
                .append(" GROUP BY " + column).prepare(connection);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    /** (list element, category) → count and investment, over the elements of a JSONB list column. */
    private Sql grouped(String listColumn) {
        return new Sql("SELECT e.value, p.category, count(*), sum(p.investment), sum(p.stated) FROM ").append(projects()).append(
                " CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(p." + listColumn
                + ") = 'array' THEN p." + listColumn + " ELSE '[]'::jsonb END) e GROUP BY e.value, p.category");
    }

    private static Tally tally(Map<String, Tally> tallies, String key) {
        return tallies.getOrDefault(key, new Tally());
    }

    private static Map<String, Tally> tallies(List<Row> rows) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        rows.forEach(row -> tallies.computeIfAbsent(row.key, k -> new Tally()).add(row));
        return tallies;
    }

    private List<Row> rows(Sql sql) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement s = sql.prepare(connection); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getDouble(4), rs.getLong(5)));
            }
        }
        return rows;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private record Row(String key, String category, long count, double investment, long stated) {
    }

    private static final class Tally {
        long count;
        double investment;
        long stated;
        final Map<String, Long> categories = new TreeMap<>();

        void add(Row row) {
            count += row.count;
            investment += row.investment;
            stated += row.stated;
            if (row.category != null) {
                categories.merge(row.category, row.count, Long::sum);
            }
        }

        Stats.Group group(String id, String name, String nameEn, String belt) {
            return new Stats.Group(id, name, nameEn, belt, count, round(investment), Map.copyOf(categories), stated);
        }
    }
}
