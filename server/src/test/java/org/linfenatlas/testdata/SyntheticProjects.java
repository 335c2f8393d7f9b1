package org.linfenatlas.testdata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.Vocabulary;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Made-up projects for tests and measurements, never for the atlas: deterministic for a seed,
 * placed at random inside the bounding box of real counties, and saying so in place_basis.
 * They exercise what real data may hold: several counties and belts, missing optional values,
 * figures in non-alphabetical key order, integer and decimal investments, bundles (parent).
 */
public final class SyntheticProjects {
    public static final String PLACE_BASIS = "synthetic test fixture: random position in the county's bounding box, not a real place";
    private static final GeometryFactory G = new GeometryFactory();
    private static final String[][] WORDS = {
            {"光伏电站", "photovoltaic plant", "energy"},
            {"煤层气田", "coalbed methane field", "energy"},
            {"物流园", "logistics park", "logistics"},
            {"高速公路", "expressway", "transport"},
            {"铁路专用线", "railway siding", "transport"},
            {"产业园", "industrial park", "manufacturing"},
            {"现代农业示范区", "modern agriculture zone", "agriculture"},
            {"文旅小镇", "culture and tourism town", "culture_tourism"},
            {"数据中心", "data centre", "new_infrastructure"},
            {"人民医院", "people's hospital", "education_health"},
            {"生态修复工程", "ecological restoration", "ecology"},
            {"创新中心", "innovation centre", "innovation"},
            {"老旧小区改造", "old housing renewal", "urban"}};
    private static final String[] ORDINALS = {"一期", "二期", "三期", "北区", "南区", "东区", "西区"};

    private SyntheticProjects() {
    }

    /** @param counties real county features (name, name_en, belt and geometry are used) */
    public static List<Feature> generate(int count, long seed, List<Feature> counties) {
        if (counties.isEmpty()) {
            throw new IllegalArgumentException("synthetic projects are placed in counties; none given");
        }
        Random random = new Random(seed);
        List<Feature> projects = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            projects.add(project(i, random, counties));
        }
        return projects;
    }

    private static Feature project(int i, Random random, List<Feature> counties) {
        String[] word = WORDS[random.nextInt(WORDS.length)];
        Feature home = counties.get(random.nextInt(counties.size()));
        Set<Feature> places = new LinkedHashSet<>(List.of(home));
        while (random.nextInt(5) == 0 && places.size() < 3) {
            places.add(counties.get(random.nextInt(counties.size())));
        }
        List<String> countyNames = places.stream().map(c -> c.text("name")).toList();
        List<String> belts = places.stream().map(c -> c.text("belt")).distinct().toList();
        String ordinal = ORDINALS[random.nextInt(ORDINALS.length)];
        String kind = Vocabulary.KINDS.get(random.nextInt(Vocabulary.KINDS.size()));
        String id = String.format("syn-%06d", i);

        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", home.text("name").replaceAll("[县区市]$", "") + word[0] + ordinal);
        if (random.nextInt(10) > 0) {
            p.put("name_en", home.text("name_en") + " " + word[1] + " " + (i % 7 + 1));
        }
        if (random.nextInt(6) == 0) {
            p.put("aliases", List.of(word[0] + "项目" + (i % 50)));
        }
        p.put("category", random.nextInt(8) == 0
                ? Vocabulary.CATEGORIES.get(random.nextInt(Vocabulary.CATEGORIES.size())) : word[2]);
        p.put("counties", countyNames);
        p.put("belts", belts);
        p.put("kind", kind);
        p.put("status", Vocabulary.STATUSES.get(random.nextInt(Vocabulary.STATUSES.size())));
        Map<String, Object> figures = new LinkedHashMap<>();
        if (kind.equals("line")) {
            figures.put("length_km", random.nextInt(2000) / 10.0);
        }
        int investment = random.nextInt(4);
        if (investment == 1) {
            figures.put("investment_yi_yuan", random.nextInt(300));
        } else if (investment >= 2) {
            figures.put("investment_yi_yuan", random.nextInt(100_000) / 100.0);
        }
        if (random.nextBoolean()) {
            figures.put("capacity_mw", random.nextInt(500));
        }
        if (!figures.isEmpty()) {
            p.put("figures", figures);
        }
        p.put("source", "synthetic");
        p.put("summary_zh", String.join("、", countyNames) + word[0] + "，合成测试数据。");
        p.put("summary_en", "Synthetic " + word[1] + " in " + String.join(", ", places.stream().map(c -> c.text("name_en")).toList()));
        p.put("precision", random.nextInt(3) == 0 ? "site" : "county");
        if (i > 0 && random.nextInt(12) == 0) {
            p.put("parent", String.format("syn-%06d", random.nextInt(Math.min(i, 50))));
        }
        p.put("place_basis", PLACE_BASIS);
        putProgress(i, p);
        return new Feature(id, geometry(kind, home.geometry().getEnvelopeInternal(), random), p);
    }

    /** Progress an editor might have reported, for two in three projects; from i, so the random sequence stays as it was. */
    private static void putProgress(int i, Map<String, Object> p) {
        if (i % 3 == 0) {
            return;
        }
        p.put("stage", Vocabulary.STAGES.get(i % Vocabulary.STAGES.size()));
        p.put("start_year", 2018L + i % 6);
        if (i % 4 != 0) {
            p.put("completion_year", 2024L + i % 5);
            p.put("investment_planned_yi_yuan", (i % 97) * 1.25);
            p.put("investment_completed_yi_yuan", (i % 97) * 0.5);
            p.put("investment_year", 2024L);
        }
        p.put("progress_zh", "合成测试数据：第" + i + "号项目进展。");
        p.put("progress_en", "Synthetic progress note " + i + ".");
        p.put("updated_at", String.format("2025-%02d-%02dT08:00:00Z", i % 12 + 1, i % 28 + 1));
        p.put("updated_by", (long) (i % 7 + 1));
    }

    private static Geometry geometry(String kind, Envelope county, Random random) {
        Coordinate a = inside(county, random);
        return switch (kind) {
            case "point" -> G.createPoint(a);
            case "line" -> G.createLineString(new Coordinate[] {a, inside(county, random), inside(county, random)});
            default -> {
                double w = 0.005 + random.nextDouble() * 0.05;
                double h = 0.005 + random.nextDouble() * 0.05;
                double east = round(a.x + w);
                double north = round(a.y + h);
                yield G.createPolygon(new Coordinate[] {a, new Coordinate(east, a.y), new Coordinate(east, north),
                        new Coordinate(a.x, north), a});
            }
        };
    }

    private static Coordinate inside(Envelope e, Random random) {
        return new Coordinate(round(e.getMinX() + random.nextDouble() * e.getWidth()),
                round(e.getMinY() + random.nextDouble() * e.getHeight()));
    }

    private static final String[] BENCH_PLACES = {"壶口", "乾坤湾", "云丘山", "大槐树", "陶寺", "丁村", "尧庙", "龙祠", "七里峪",
            "姑射山", "汾河", "黄河", "霍山", "太岳", "浍河", "沁河", "昕水河", "芝河", "鄂河", "州川河"};
    private static final String[] BENCH_THINGS = {"产业园", "物流中心", "光伏电站", "储气库", "旅游区", "医院", "学校",
            "污水处理厂", "数据中心", "公路", "湿地公园", "科创中心"};

    /**
     * Points inside their county's polygon, with the properties of scripts/bench/synthetic-projects.mjs
     * (so pages weigh what bench.sh's pages weigh): the shape of the load benchmarks' data, for the
     * in-process benchmarks. Deterministic for a seed; not the same features as the script's.
     */
    public static List<Feature> benchPoints(int count, long seed, List<Feature> counties) {
        Random random = new Random(seed);
        List<org.locationtech.jts.geom.prep.PreparedGeometry> shapes = counties.stream()
                .map(c -> org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(c.geometry())).toList();
        List<Feature> projects = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int k = random.nextInt(counties.size());
            Feature county = counties.get(k);
            Envelope box = county.geometry().getEnvelopeInternal();
            Coordinate at;
            do {
                at = inside(box, random);
            } while (!shapes.get(k).contains(G.createPoint(at)));
            String name = county.text("name");
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", name.replaceAll("[县区市]$", "") + BENCH_PLACES[random.nextInt(BENCH_PLACES.length)]
                    + BENCH_THINGS[random.nextInt(BENCH_THINGS.length)] + i);
            p.put("name_en", "Synthetic project " + i);
            p.put("aliases", List.of());
            p.put("category", Vocabulary.CATEGORIES.get(random.nextInt(Vocabulary.CATEGORIES.size())));
            p.put("counties", List.of(name));
            p.put("belts", List.of(county.text("belt")));
            p.put("kind", "point");
            p.put("status", Vocabulary.STATUSES.get(random.nextInt(Vocabulary.STATUSES.size())));
            p.put("figures", Map.of("investment_yi_yuan", random.nextInt(10_000) / 10.0));
            p.put("source", "synthetic");
            p.put("summary_zh", "用于性能测试的虚构项目，位于" + name + "。");
            p.put("summary_en", "A made-up project for benchmarks.");
            p.put("precision", "county");
            projects.add(new Feature(String.format("synthetic-%06d", i), G.createPoint(at), p));
        }
        return projects;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
