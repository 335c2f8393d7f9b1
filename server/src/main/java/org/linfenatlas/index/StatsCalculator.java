package org.linfenatlas.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.linfenatlas.data.BeltDissolver;
import org.linfenatlas.model.Feature;
import org.linfenatlas.store.Stats;

/** Counts and stated investment of projects per belt, county and category; counts per stage and status. */
public final class StatsCalculator {
    private StatsCalculator() {
    }

    public static Stats compute(List<Feature> projects, List<Feature> counties) {
        Map<String, Tally> belts = new LinkedHashMap<>();
        BeltDissolver.BELTS.forEach(b -> belts.put(b.id(), new Tally()));
        Map<String, Tally> byCounty = new LinkedHashMap<>();
        counties.stream().sorted((a, b) -> a.id().compareTo(b.id()))
                .forEach(c -> byCounty.put(c.text("name"), new Tally()));
        Map<String, Tally> categories = new TreeMap<>();
        Tally total = new Tally();
        Map<String, Long> stages = new HashMap<>();
        Map<String, Long> statuses = new HashMap<>();
        for (Feature p : projects) {
            stages.merge(p.text("stage"), 1L, Long::sum);
            statuses.merge(p.text("status"), 1L, Long::sum);
            String category = p.text("category");
            Double investment = investmentOf(p);
            total.add(category, investment);
            if (category != null) {
                categories.computeIfAbsent(category, k -> new Tally()).add(category, investment);
            }
            for (String belt : strings(p.property("belts"))) {
                belts.computeIfAbsent(belt, k -> new Tally()).add(category, investment);
            }
            for (String county : strings(p.property("counties"))) {
                byCounty.computeIfAbsent(county, k -> new Tally()).add(category, investment);
            }
        }
        List<Stats.Group> beltGroups = new ArrayList<>();
        for (BeltDissolver.Belt b : BeltDissolver.BELTS) {
            beltGroups.add(belts.get(b.id()).group(b.id(), b.name(), b.nameEn(), null));
        }
        List<Stats.Group> countyGroups = new ArrayList<>();
        for (Feature c : counties.stream().sorted((a, b) -> a.id().compareTo(b.id())).toList()) {
            countyGroups.add(byCounty.get(c.text("name")).group(c.id(), c.text("name"), c.text("name_en"), c.text("belt")));
        }
        List<Stats.Group> categoryGroups = new ArrayList<>();
        categories.forEach((id, tally) -> categoryGroups.add(tally.group(id, null, null, null)));
        return new Stats(total.count, round(total.investment), beltGroups, countyGroups, categoryGroups,
                Stats.stageCounts(stages), total.investmentCount, Stats.statusCounts(statuses));
    }

    /** figures.investment_yi_yuan, or null when the project states none. */
    private static Double investmentOf(Feature p) {
        if (p.property("figures") instanceof Map<?, ?> figures && figures.get("investment_yi_yuan") instanceof Number n) {
            return n.doubleValue();
        }
        return null;
    }

    private static List<String> strings(Object value) {
        return value instanceof Collection<?> c ? c.stream().map(String::valueOf).toList() : List.of();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static final class Tally {
        long count;
        double investment;
        long investmentCount;
        final Map<String, Long> categories = new TreeMap<>();

        void add(String category, Double amount) {
            count++;
            if (amount != null) {
                investment += amount;
                investmentCount++;
            }
            if (category != null) {
                categories.merge(category, 1L, Long::sum);
            }
        }

        Stats.Group group(String id, String name, String nameEn, String belt) {
            return new Stats.Group(id, name, nameEn, belt, count, round(investment), Map.copyOf(categories), investmentCount);
        }
    }
}
