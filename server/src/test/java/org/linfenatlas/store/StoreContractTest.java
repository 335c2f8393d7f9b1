package org.linfenatlas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.linfenatlas.filter.Cql2Json;
import org.linfenatlas.filter.Cql2Text;
import org.linfenatlas.filter.Filter;
import org.linfenatlas.filter.FilterEvaluator;
import org.linfenatlas.filter.Queryables;
import org.linfenatlas.index.IndexedStore;
import org.linfenatlas.index.SearchText;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.model.Layers;
import org.linfenatlas.model.Vocabulary;
import org.linfenatlas.store.ItemsQuery.SortKey;
import org.linfenatlas.testdata.TestLayers;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The contract every FeatureStore keeps, whatever holds the data: for the same request it gives
 * the same answer as the in-memory index built straight from the source layers (the reference):
 * the same collections, extents and counts, the same ids in the same order with the same
 * numberMatched, the same property JSON (key order included) and geometries, the same single
 * features and statistics. Subclasses supply the store under test, loaded with the same layers:
 * the real gis-data plus seeded synthetic projects. A few checks also hold the store under test
 * to brute force over its own full answer, so the reference itself is not taken on trust.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StoreContractTest {
    protected static final int SYNTHETIC_PROJECTS = 600;
    protected static final long SEED = 20240501L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory G = new GeometryFactory();

    private FeatureStore reference;
    private FeatureStore store;

    /** Opens the store under test holding exactly these layers (in whatever way it stores them). */
    protected abstract FeatureStore open(Map<LayerSpec, List<Feature>> layers) throws Exception;

    /** Whether two geometries of a collection count as the same answer; exact unless a subclass says why not. */
    protected boolean sameGeometry(String collection, Geometry expected, Geometry actual) {
        return expected.equalsExact(actual);
    }

    /** Projects far from Linfen, near the antimeridian: two inside the box 177,65,-177,70 (one either side), one just west of it. */
    static final List<String> ACROSS_THE_ANTIMERIDIAN = List.of("zz-antimeridian-east", "zz-antimeridian-west");
    static final String WEST_OF_THE_BOX = "zz-antimeridian-outside";

    @BeforeAll
    void load() throws Exception {
        Map<LayerSpec, List<Feature>> layers = withProjectsNearTheAntimeridian(TestLayers.withSyntheticProjects(SYNTHETIC_PROJECTS, SEED));
        reference = IndexedStore.of(TestLayers.byId(layers));
        store = open(layers);
    }

    /** The layers plus three copies of a synthetic project moved next to the antimeridian (ids after every other). */
    private static Map<LayerSpec, List<Feature>> withProjectsNearTheAntimeridian(Map<LayerSpec, List<Feature>> layers) {
        Map<LayerSpec, List<Feature>> more = new LinkedHashMap<>(layers);
        List<Feature> projects = new ArrayList<>(layers.get(Layers.PROJECTS_SPEC));
        Feature model = projects.stream().filter(f -> f.geometry().getGeometryType().equals("Point")).findFirst().orElseThrow();
        projects.add(new Feature(ACROSS_THE_ANTIMERIDIAN.get(0), G.createPoint(new org.locationtech.jts.geom.Coordinate(179.5, 66.0)),
                model.properties()));
        projects.add(new Feature(ACROSS_THE_ANTIMERIDIAN.get(1), G.createPoint(new org.locationtech.jts.geom.Coordinate(-178.2, 68.5)),
                model.properties()));
        projects.add(new Feature(WEST_OF_THE_BOX, G.createPoint(new org.locationtech.jts.geom.Coordinate(176.5, 66.0)), model.properties()));
        more.put(Layers.PROJECTS_SPEC, List.copyOf(projects));
        return more;
    }

    @AfterAll
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    protected FeatureStore store() {
        return store;
    }

    @Test
    void collectionsAgree() {
        List<CollectionInfo> expected = reference.collections();
        List<CollectionInfo> actual = store.collections();
        assertEquals(expected.stream().map(CollectionInfo::id).toList(), actual.stream().map(CollectionInfo::id).toList());
        for (int i = 0; i < expected.size(); i++) {
            CollectionInfo e = expected.get(i);
            CollectionInfo a = actual.get(i);
            assertEquals(e.spec(), a.spec(), e.id());
            assertEquals(e.count(), a.count(), e.id() + " count");
            assertEquals(e.extent(), a.extent(), e.id() + " extent");
            assertTrue(e.count() > 0, e.id() + " holds features: the fixture exercises every collection");
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (LayerSpec spec : Layers.ALL) {
            String c = spec.id();
            cases.add(q(c, "all"));
            cases.add(q(c, "first 5").page(0, 5));
            cases.add(q(c, "offset 3 limit 4").page(3, 4));
            cases.add(q(c, "offset past the end").page(100_000, 10));
            cases.add(q(c, "bbox around Linfen city").bbox(111.4, 35.95, 111.65, 36.2));
            cases.add(q(c, "bbox over everything").bbox(100, 30, 120, 40));
            cases.add(q(c, "bbox far away").bbox(100, 20, 101, 21));
            cases.add(q(c, "bbox is a point").bbox(111.5, 36.1, 111.5, 36.1));
            cases.add(q(c, "bbox is a north-south line").bbox(111.2, 35.4, 111.2, 36.8));
            cases.add(q(c, "bbox west strip, sorted by name desc, paged").bbox(110.0, 35.0, 110.9, 37.0).sort("name", true).page(2, 6));
            cases.add(q(c, "bbox across the antimeridian, all but a strip of Linfen").bbox(111.5, 30, 111.0, 40));
            cases.add(q(c, "sort by id desc").sort("id", true));
            cases.add(q(c, "sort by name").sort("name", false));
        }
        cases.add(q(Layers.COUNTIES, "belt fen").filter("belt", "fen"));
        cases.add(q(Layers.COUNTIES, "two names").filter("name", "吉县", "尧都区"));
        cases.add(q(Layers.COUNTIES, "sort by belt then adcode desc").sort("belt", false).sort("adcode", true));
        cases.add(q(Layers.COUNTIES, "belt yellow in a bbox").filter("belt", "yellow").bbox(110.5, 36.0, 111.0, 36.5));
        cases.add(q(Layers.RIVERS, "the Yellow River").filter("name", "黄河"));
        cases.add(q(Layers.BELTS, "sort by name desc").sort("name", true));
        cases.add(q(Layers.PLACES, "places of 襄汾县").filter("county", "襄汾县"));
        cases.add(q(Layers.PLACES, "county seats, sorted by county").filter("kind", "county_seat").sort("county", false));
        cases.add(q(Layers.PLACES, "search place 龙马").search("龙马"));
        cases.add(q(Layers.PLACES, "search place pinyin taosi").search("taosi"));
        cases.add(q(Layers.PROJECTS, "no position").filter("precision", "none"));
        cases.add(q(Layers.PROJECTS, "no position, in a bbox over everything").filter("precision", "none").bbox(100, 30, 120, 40));
        String p = Layers.PROJECTS;
        cases.add(q(p, "bbox across the antimeridian").bbox(177, 65, -177, 70));
        cases.add(q(p, "bbox across the antimeridian, paged").bbox(177, -90, 176, 90).page(5, 20));
        cases.add(q(p, "category energy").filter("category", "energy"));
        cases.add(q(p, "category energy or transport, paged").filter("category", "energy", "transport").page(10, 25));
        cases.add(q(p, "county 尧都区").filter("counties", "尧都区"));
        cases.add(q(p, "counties 吉县 or 永和县").filter("counties", "吉县", "永和县"));
        cases.add(q(p, "belt yellow").filter("belts", "yellow"));
        cases.add(q(p, "belt taiyue and status plan").filter("belts", "taiyue").filter("status", "plan"));
        cases.add(q(p, "status and precision and kind").filter("status", "build", "upgrade").filter("precision", "site").filter("kind", "line"));
        cases.add(q(p, "parent").filter("parent", "syn-000003", "syn-000010"));
        cases.add(q(p, "unknown value").filter("category", "no-such-category"));
        cases.add(q(p, "search 光伏").search("光伏"));
        cases.add(q(p, "search pinyin guangfu").search("guangfu"));
        cases.add(q(p, "search pinyin place name").search("yaodu"));
        cases.add(q(p, "search English").search("Logistics Park"));
        cases.add(q(p, "search two terms").search("尧都 物流"));
        cases.add(q(p, "search matching summaries only").search("合成测试"));
        cases.add(q(p, "search alias").search("项目1"));
        cases.add(q(p, "search no match").search("zzzzqqq"));
        cases.add(q(p, "search pinyin from mid-syllable finds nothing there").search("uangfu"));
        cases.add(q(p, "search name prefix ranks first").search("yaodu dianzhan"));
        cases.add(q(p, "search same terms, other order").search("dianzhan yaodu"));
        cases.add(q(p, "search punctuation is literal").search("光伏.电站"));
        cases.add(q(p, "search regex characters").search("(a|b)*"));
        cases.add(q(p, "search sorted by name").search("hospital").sort("name", false));
        cases.add(q(p, "search, filter, bbox, page").search("park").filter("belts", "fen").bbox(111.0, 35.5, 112.0, 36.5).page(3, 7));
        // The search issue's examples: pinyin by whole words of the text, place names read as they are
        // (洪洞 hongtong, 尧都 yaodu), a county by its name in any form first, spaced syllables as one term.
        for (String example : List.of("yonghe", "hongtong", "洪洞", "yaodu", "尧都", "jixian", "xixian", "puxian", "guxian",
                "jixian county", "吉县", "ji xian", "hu kou", "hukou")) {
            cases.add(q(p, "search example " + example).search(example));
        }
        cases.add(q(p, "search example jixian, paged").search("jixian").page(5, 10));
        cases.add(q(p, "sort name_en (has nulls)").sort("name_en", false));
        cases.add(q(p, "sort name_en desc (nulls first)").sort("name_en", true).page(0, 80));
        cases.add(q(p, "sort category, then name desc").sort("category", false).sort("name", true));
        cases.add(q(p, "sort status desc, precision").sort("status", true).sort("precision", false).page(50, 50));
        cases.add(q(p, "deep page").page(550, 100));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void itemsAgree(Case c) {
        ItemsQuery query = c.query();
        FeaturePage expected = reference.items(query);
        FeaturePage actual = store.items(query);
        assertEquals(expected.numberMatched(), actual.numberMatched(), "numberMatched");
        assertEquals(ids(expected.features()), ids(actual.features()), "ids in order");
        for (int i = 0; i < expected.features().size(); i++) {
            assertSameFeature(query.collection(), expected.features().get(i), actual.features().get(i));
        }
    }

    @Test
    void casesAreNotTrivial() {
        long empty = cases().filter(c -> reference.items(c.query()).numberMatched() == 0).count();
        // 3 per layer match nothing by design (past the end, far away, a point), and one more case below
        assertTrue(empty <= 3 * Layers.ALL.size() + 1, "most cases match something; " + empty + " match nothing");
        assertTrue(reference.items(q(Layers.PROJECTS, "").search("guangfu").query()).numberMatched() > 10);
    }

    @Test
    void everyFeatureAgreesOneByOne() {
        for (LayerSpec spec : Layers.ALL) {
            for (Feature expected : reference.items(ItemsQuery.all(spec.id())).features()) {
                Feature actual = store.item(spec.id(), expected.id()).orElseThrow(() -> new AssertionError(spec.id() + "/" + expected.id()));
                assertSameFeature(spec.id(), expected, actual);
            }
            assertTrue(store.item(spec.id(), "no-such-id").isEmpty());
        }
    }

    @Test
    void statsAgree() {
        Stats expected = reference.stats();
        Stats actual = store.stats();
        assertEquals(expected, actual);
        assertEquals(store.items(ItemsQuery.all(Layers.PROJECTS)).numberMatched(), actual.total());
        assertTrue(actual.investmentYiYuan() > 0);
        assertTrue(actual.stages().get("construction") > 0, "the synthetic projects report stages: " + actual.stages());
        assertEquals(Vocabulary.STATUSES, List.copyOf(actual.statuses().keySet()), "every status code, in order");
    }

    /** The project cases that select (paging and sorting aside): what /api/stats takes. */
    static Stream<Case> selections() {
        return cases().filter(c -> c.query().collection().equals(Layers.PROJECTS) && FeatureStore.selects(c.query()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selections")
    void statsOfASelectionAgree(Case c) {
        ItemsQuery query = c.query();
        Stats expected = reference.stats(query);
        Stats actual = store.stats(query);
        assertEquals(expected, actual);
        long matched = store.items(query).numberMatched();
        assertEquals(matched, actual.total(), "total is numberMatched");
        assertEquals(matched, actual.stages().values().stream().mapToLong(Long::longValue).sum(), "stages add up");
        assertEquals(matched, actual.statuses().values().stream().mapToLong(Long::longValue).sum(), "statuses add up");
        assertEquals(matched, actual.categories().stream().mapToLong(Stats.Group::count).sum(), "categories add up");
    }

    @Test
    void statsOfEverythingAreTheStats() {
        assertEquals(reference.stats(), store.stats(ItemsQuery.all(Layers.PROJECTS)));
    }

    @Test
    void unknownCollectionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> store.items(ItemsQuery.all("nope")));
        assertThrows(IllegalArgumentException.class, () -> store.item("nope", "x"));
    }

    @Test
    void revisionIsStableWithoutWrites() {
        String revision = store.revision();
        assertFalse(revision.isBlank());
        store.items(ItemsQuery.all(Layers.PROJECTS));
        assertEquals(revision, store.revision());
    }

    /**
     * The collection-level history, on every store alike. The writes leave the layer as the reference holds
     * it (a new project created, renamed and deleted; a seeded one deleted and restored as it was), so the
     * other checks hold whichever order they run in. Times: two changes 0.5 s apart (text and time order differ
     * there) and three in one second, which the order they were committed in breaks.
     */
    @Test
    void recentHistoryIsNewestFirstAcrossFeaturesAndDeletedOnlyListsWhatIsDeletedNow() {
        String p = Layers.PROJECTS;
        Feature seeded = store.items(ItemsQuery.all(p)).features().get(0);
        Map<String, Object> props = new LinkedHashMap<>(seeded.properties());
        props.put("name", "合同历史");
        Feature fresh = new Feature("contract-history-1", seeded.geometry(), props);
        props.put("name", "合同历史 改");
        Author author = new Author(7, "contract");
        java.time.Instant t = java.time.Instant.parse("2030-01-01T00:00:00Z");
        HistoryEntry created = store.write(new Change(p, HistoryEntry.Operation.CREATE, fresh.id(), 0, fresh, author, t));
        store.write(new Change(p, HistoryEntry.Operation.UPDATE, fresh.id(), created.version(),
                new Feature(fresh.id(), fresh.geometry(), props), author, t.plusMillis(500)));
        java.time.Instant second = t.plusSeconds(1);
        store.write(new Change(p, HistoryEntry.Operation.DELETE, seeded.id(), seeded.version(), null, author, second));
        store.write(new Change(p, HistoryEntry.Operation.RESTORE, seeded.id(), 0, seeded, author, second));
        long renamed = store.item(p, fresh.id()).orElseThrow().version();
        store.write(new Change(p, HistoryEntry.Operation.DELETE, fresh.id(), renamed, null, author, second));

        List<HistoryEntry> recent = store.recentHistory(p, 10, false);
        assertEquals(List.of(fresh.id() + " delete", seeded.id() + " restore", seeded.id() + " delete", fresh.id() + " update",
                fresh.id() + " create"), recent.stream().map(e -> e.featureId() + " " + e.operation().code()).toList());
        assertEquals(List.of(second, second, second, t.plusMillis(500), t), recent.stream().map(HistoryEntry::time).toList());
        assertEquals("合同历史 改", recent.get(0).before().text("name"));
        assertEquals(author, recent.get(0).author());
        assertEquals(recent.subList(0, 2).stream().map(HistoryEntry::version).toList(),
                store.recentHistory(p, 2, false).stream().map(HistoryEntry::version).toList());
        List<HistoryEntry> deleted = store.recentHistory(p, 10, true);
        assertEquals(List.of(fresh.id() + " delete"), deleted.stream().map(e -> e.featureId() + " " + e.operation().code()).toList());
        assertEquals(List.of(), store.recentHistory(Layers.COUNTIES, 10, false));
        assertEquals(List.of(), store.recentHistory(Layers.BELTS, 10, false));
    }

    /**
     * CQL2 filters (OGC API – Features Part 3): each operator, missing values (three-valued logic), lists,
     * every spatial relation, literals of each geometry type, combinations with bbox, search, the older filter
     * parameters, sorting and paging, both encodings; and the CQL2 standard's own examples with this atlas's
     * property names. Every store must give the reference's answer.
     */
    static Stream<Case> filterCases() {
        String p = Layers.PROJECTS;
        String c = Layers.COUNTIES;
        List<Case> cases = new ArrayList<>();
        // comparisons
        cases.add(q(p, "= string").cql("category = 'energy'"));
        cases.add(q(p, "<> string").cql("category <> 'energy'"));
        cases.add(q(p, "< string, code-point order").cql("name < '吉县'"));
        cases.add(q(p, ">= string with nulls").cql("name_en >= 'Linfen'"));
        cases.add(q(p, "> integer").cql("start_year > 2020"));
        cases.add(q(p, "<= integer given as decimal").cql("start_year <= 2019.0"));
        cases.add(q(p, ">= number").cql("investment_planned_yi_yuan >= 50.5"));
        cases.add(q(p, "= integer").cql("investment_year = 2024"));
        cases.add(q(p, "< id").cql("id < 'syn-000100'"));
        cases.add(q(p, "literal on the left").cql("2020 < start_year"));
        cases.add(q(p, "property against property, numbers").cql("completion_year > start_year"));
        cases.add(q(p, "property against property, numbers <").cql("investment_completed_yi_yuan < investment_planned_yi_yuan"));
        cases.add(q(p, "property against property, strings").cql("name_en <> summary_en"));
        cases.add(q(p, "literal against literal, true").cql("'a' < 'b' AND category = 'energy'"));
        cases.add(q(p, "literal against literal, false").cql("1 > 2 OR category = 'energy'"));
        cases.add(q(p, "TRUE").cql("TRUE"));
        cases.add(q(p, "FALSE").cql("FALSE"));
        cases.add(q(p, "IN and <> with a county: the page's projects without a known site").cql(
                "precision IN ('county','city') AND kind <> 'line'").filter("counties", "吉县"));
        // missing values
        cases.add(q(p, "IS NULL").cql("stage IS NULL"));
        cases.add(q(p, "IS NOT NULL").cql("stage IS NOT NULL"));
        cases.add(q(p, "NOT over a missing value stays unknown").cql("NOT stage = 'planning'"));
        cases.add(q(p, "NOT over a comparison").cql("NOT (start_year > 2020)"));
        cases.add(q(p, "OR with unknown").cql("name_en IS NULL OR name_en LIKE '%Park%'"));
        cases.add(q(p, "AND with unknown").cql("NOT (start_year = 2020 AND category = 'energy')"));
        cases.add(q(p, "parent IS NOT NULL").cql("parent IS NOT NULL"));
        cases.add(q(p, "a list IS NULL").cql("aliases IS NULL"));
        cases.add(q(p, "geometry IS NOT NULL (clause6_03)").cql("geometry IS NOT NULL"));
        // LIKE, CASEI, ACCENTI
        cases.add(q(p, "LIKE prefix (clause7_01)").cql("name LIKE '尧都%'"));
        cases.add(q(p, "LIKE with _").cql("name_en LIKE '%park _'"));
        cases.add(q(p, "NOT LIKE").cql("name_en NOT LIKE '%park%'"));
        cases.add(q(p, "LIKE escaped %: literal, so nothing ends with one").cql("name_en LIKE '%\\%'"));
        cases.add(q(p, "LIKE escaped _: literal, not the space").cql("name_en LIKE 'Yaodu\\_District%' OR source LIKE '%\\\\%'"));
        cases.add(q(p, "NOT LIKE escaped _").cql("name_en NOT LIKE 'Yaodu\\_District%'"));
        cases.add(q(p, "CASEI LIKE").cql("CASEI(name_en) LIKE CASEI('%PARK%')"));
        cases.add(q(p, "CASEI =").cql("CASEI(category) = CASEI('ENERGY')"));
        cases.add(q(p, "ACCENTI and CASEI").cql("ACCENTI(CASEI(name_en)) LIKE ACCENTI(CASEI('YÁODÙ%'))"));
        cases.add(q(c, "ACCENTI on the literal").cql("ACCENTI(name_en) = ACCENTI('Jí Cóunty') OR name_en = ACCENTI('Xī County')"));
        cases.add(q(c, "CASEI IN (clause7_04)").cql("CASEI(name_en) IN (CASEI('JI COUNTY'), CASEI('Straße'), CASEI('yonghe county'))"));
        // BETWEEN, IN
        cases.add(q(p, "BETWEEN").cql("start_year BETWEEN 2019 AND 2021"));
        cases.add(q(p, "NOT BETWEEN").cql("investment_planned_yi_yuan NOT BETWEEN 10 AND 100"));
        cases.add(q(c, "BETWEEN computed areas (clause7_02)").cql("area_km2 BETWEEN 1000.0 and 1500.0"));
        cases.add(q(p, "IN strings").cql("status IN ('build', 'plan')"));
        cases.add(q(p, "IN numbers").cql("start_year IN (2018, 2023)"));
        cases.add(q(p, "NOT IN").cql("category NOT IN ('energy', 'transport')"));
        cases.add(q(c, "IN (clause7_03a)").cql("name IN ('吉县','乡宁县','大宁县','永和县')"));
        cases.add(q(c, "= (clause6_02a)").cql("name='吉县'"));
        // lists
        cases.add(q(p, "A_CONTAINS one").cql("A_CONTAINS(counties, ('尧都区'))"));
        cases.add(q(p, "A_CONTAINS two").cql("A_CONTAINS(counties, ('安泽县', '浮山县'))"));
        cases.add(q(p, "A_CONTAINS empty: every list, not the missing").cql("A_CONTAINS(aliases, ())"));
        cases.add(q(p, "A_CONTAINEDBY").cql("A_CONTAINEDBY(belts, ('fen'))"));
        cases.add(q(p, "A_EQUALS as sets").cql("A_EQUALS(belts, ('yellow', 'fen', 'fen'))"));
        cases.add(q(p, "A_EQUALS empty").cql("A_EQUALS(aliases, ())"));
        cases.add(q(p, "A_OVERLAPS").cql("A_OVERLAPS(counties, ('吉县', '永和县'))"));
        cases.add(q(p, "A_OVERLAPS literal first").cql("A_OVERLAPS(('吉县', '永和县'), counties)"));
        cases.add(q(p, "A_OVERLAPS two properties").cql("A_OVERLAPS(aliases, aliases)"));
        cases.add(q(p, "A_CONTAINS two properties").cql("A_CONTAINS(counties, counties) AND NOT A_CONTAINS(belts, ('fen'))"));
        cases.add(q(p, "A_CONTAINS two belts (clause7_15)").cql("A_CONTAINS(belts, ('fen','yellow'))"));
        cases.add(q(Layers.BELTS, "belts: A_CONTAINS").cql("A_CONTAINS(counties, ('吉县'))"));
        // spatial
        cases.add(q(p, "S_INTERSECTS BBOX").cql("S_INTERSECTS(geometry, BBOX(111.3, 35.7, 111.9, 36.3))"));
        cases.add(q(c, "S_INTERSECTS POINT (clause7_07)").cql("S_INTERSECTS(geometry,POINT(111.52 36.08))"));
        cases.add(q(c, "S_CONTAINS POINT").cql("S_CONTAINS(geometry, POINT(111.52 36.08))"));
        cases.add(q(p, "S_WITHIN POLYGON").cql("S_WITHIN(geometry, POLYGON((111 35.5, 112 35.5, 111.5 36.5, 111 35.5)))"));
        cases.add(q(c, "S_WITHIN BBOX").cql("S_WITHIN(geometry, BBOX(110, 35.5, 111.5, 37))"));
        cases.add(q(p, "S_DISJOINT").cql("S_DISJOINT(geometry, BBOX(110, 35, 111.5, 37))"));
        cases.add(q(c, "S_OVERLAPS").cql("S_OVERLAPS(geometry, BBOX(111.3, 35.7, 111.9, 36.3))"));
        cases.add(q(c, "S_CROSSES a line").cql("S_CROSSES(geometry, LINESTRING(110.5 36, 112.5 36.2))"));
        cases.add(q(Layers.RIVERS, "rivers S_CROSSES a line").cql("S_CROSSES(geometry, LINESTRING(110.2 35.8, 112.5 36.2))"));
        cases.add(q(p, "S_CROSSES on lines").cql("S_CROSSES(geometry, LINESTRING(110.5 36, 112.5 36.2))"));
        cases.add(q(p, "S_INTERSECTS MULTIPOINT").cql("S_INTERSECTS(geometry, MULTIPOINT((111.52 36.08), (110.7 36.7)))"));
        cases.add(q(c, "S_INTERSECTS MULTILINESTRING").cql("S_INTERSECTS(geometry, MULTILINESTRING((110.5 35.5, 110.9 35.9), (111.9 36.5, 112.2 36.6)))"));
        cases.add(q(p, "S_WITHIN MULTIPOLYGON").cql("S_WITHIN(geometry, MULTIPOLYGON(((111 35.5, 112 35.5, 112 36, 111 35.5)), ((110.5 36.5, 111 36.5, 111 37, 110.5 36.5))))"));
        cases.add(q(p, "S_INTERSECTS GEOMETRYCOLLECTION").cql("S_INTERSECTS(geometry, GEOMETRYCOLLECTION(POINT(111.52 36.08), LINESTRING(110.5 35.5, 110.9 35.9), POLYGON((111.5 36.5, 111.8 36.5, 111.8 36.8, 111.5 36.5))))"));
        cases.add(q(c, "S_CONTAINS with the literal first").cql("S_CONTAINS(BBOX(110, 35, 112, 36.4), geometry)"));
        cases.add(q(p, "BBOX across the antimeridian").cql("S_INTERSECTS(geometry, BBOX(170, -10, -170, 10))"));
        cases.add(q(p, "BBOX with heights (example45)").cql("S_INTERSECTS(\"geometry\", BBOX(-128.098193, -1.1, -99999.0, 180.0, 90.0, 100000.0))"));
        cases.add(q(p, "two spatial predicates AND-ed, far apart").cql("S_INTERSECTS(geometry, BBOX(110.5, 35.5, 111.5, 36.5)) AND S_INTERSECTS(geometry, BBOX(111, 36, 112, 37))"));
        cases.add(q(p, "spatial OR").cql("S_INTERSECTS(geometry, BBOX(110.5, 35.5, 110.8, 36)) OR S_INTERSECTS(geometry, POINT(111.52 36.08))"));
        cases.add(q(p, "literal against literal, spatial").cql("S_INTERSECTS(POINT(1 1), BBOX(0, 0, 2, 2)) AND kind = 'line'"));
        // combinations
        cases.add(q(p, "filter and bbox").cql("category = 'energy'").bbox(111.0, 35.5, 112.0, 36.5));
        cases.add(q(p, "spatial filter and a bbox apart").cql("S_INTERSECTS(geometry, BBOX(110, 35, 110.5, 35.5))").bbox(111.0, 35.5, 112.0, 36.5));
        cases.add(q(p, "filter and search").cql("status IN ('build', 'upgrade')").search("park"));
        cases.add(q(p, "filter, search, sorted").cql("start_year >= 2019").search("guangfu").sort("name", true));
        cases.add(q(p, "filter and parameters").cql("NOT A_CONTAINS(counties, ('尧都区'))").filter("category", "energy", "logistics").filter("belts", "fen"));
        cases.add(q(p, "filter, bbox, parameters, paged").cql("stage IS NOT NULL").bbox(110.0, 35.0, 112.5, 37.0).filter("status", "plan", "build").page(5, 10));
        cases.add(q(p, "filter sorted and paged").cql("category <> 'transport'").sort("name_en", false).page(20, 30));
        cases.add(q(p, "filter, deep page").cql("kind IN ('point', 'area')").page(300, 50));
        cases.add(q(p, "filter, page past the end").cql("category = 'energy'").page(5000, 10));
        // the standard's examples (cql2/standard/schema/examples/text), with this atlas's names
        cases.add(q(p, "example08").cql("category='energy'\nAND status='build'\nAND precision='site'\nAND s_intersects(geometry,POLYGON((111 35.5,112 35.5,112 36.5,111 36.5,111 35.5)))"));
        cases.add(q(p, "example15").cql("start_year>2019 AND investment_year=2024"));
        cases.add(q(p, "example29").cql("\"id\" = 'syn-000042'"));
        cases.add(q(p, "example37").cql("\"start_year\" BETWEEN 2019 AND 2021"));
        // the JSON encoding
        cases.add(q(p, "JSON: and, like, a_overlaps").cqlJson("""
                {"op": "and", "args": [
                  {"op": "like", "args": [{"op": "casei", "args": [{"property": "name_en"}]}, {"op": "casei", "args": ["%PARK%"]}]},
                  {"op": "a_overlaps", "args": [{"property": "belts"}, ["fen", "taiyue"]]}]}"""));
        cases.add(q(p, "JSON: s_intersects GeoJSON, not isNull").cqlJson("""
                {"op": "and", "args": [
                  {"op": "s_intersects", "args": [{"property": "geometry"},
                    {"type": "Polygon", "coordinates": [[[111, 35.5], [112, 35.5], [112, 36.5], [111, 35.5]]]}]},
                  {"op": "not", "args": [{"op": "isNull", "args": [{"property": "stage"}]}]}]}"""));
        cases.add(q(c, "JSON: between, in, bbox").cqlJson("""
                {"op": "or", "args": [
                  {"op": "between", "args": [{"property": "area_km2"}, 1000, 1500]},
                  {"op": "in", "args": [{"property": "belt"}, ["taiyue"]]},
                  {"op": "s_within", "args": [{"property": "geometry"}, {"bbox": [110, 35.5, 111.5, 37]}]}]}"""));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filterCases")
    void filteredItemsAgree(Case c) {
        itemsAgree(c);
    }

    @Test
    void filterCasesAreNotTrivial() {
        long empty = filterCases().filter(c -> reference.items(c.query()).numberMatched() == 0).count();
        long everything = filterCases().filter(c -> c.bbox() == null && c.filters().isEmpty() && c.terms().isEmpty()
                && reference.items(c.query()).numberMatched() == reference.items(ItemsQuery.all(c.collection())).numberMatched()).count();
        assertTrue(empty <= 8, "most filter cases match something; " + empty + " match nothing");
        assertTrue(everything <= 6, "most filter cases leave something out; " + everything + " keep everything");
    }

    /** Relations with real geometries as literals: a county's shape (its neighbours touch it) and a project's. */
    @Test
    void spatialRelationsWithTheDataAsLiteralsAgree() {
        Feature county = reference.item(Layers.COUNTIES, "141002").orElseThrow();
        Feature project = reference.items(ItemsQuery.all(Layers.PROJECTS)).features().stream()
                .filter(f -> f.geometry().getGeometryType().equals("Polygon")).findFirst().orElseThrow();
        int touching = 0;
        for (String op : List.of("S_INTERSECTS", "S_EQUALS", "S_DISJOINT", "S_TOUCHES", "S_WITHIN", "S_OVERLAPS", "S_CROSSES", "S_CONTAINS")) {
            for (Feature literal : List.of(county, project)) {
                for (String collection : List.of(Layers.COUNTIES, Layers.PROJECTS, Layers.RIVERS)) {
                    Case c = q(collection, op + " " + literal.id()).cql(op + "(geometry, " + literal.geometry().toText() + ")");
                    itemsAgree(c);
                    if (op.equals("S_TOUCHES") && collection.equals(Layers.COUNTIES) && literal == county) {
                        touching = (int) reference.items(c.query()).numberMatched();
                    }
                }
            }
        }
        assertTrue(touching >= 3, "尧都区 has neighbours that touch it: " + touching);
    }

    @Test
    void filtersMatchTheEvaluatorOverTheStoresOwnFeatures() {
        for (Case c : filterCases().filter(c -> c.bbox() == null && c.filters().isEmpty() && c.terms().isEmpty()
                && c.offset() == 0 && c.sortBy().isEmpty()).toList()) {
            ItemsQuery query = c.query();
            FilterEvaluator evaluator = new FilterEvaluator(query.filter());
            List<String> expected = store.items(ItemsQuery.all(c.collection())).features().stream().filter(evaluator::test)
                    .map(Feature::id).toList();
            assertEquals(expected, ids(store.items(query).features()), c.toString());
        }
    }

    // The store under test against brute force over its own full answer, independent of the reference.

    @Test
    void pagesConcatenateToTheWhole() {
        for (String collection : List.of(Layers.PROJECTS, Layers.COUNTIES)) {
            Case base = q(collection, "").sort("name", false);
            List<String> whole = ids(store.items(base.query()).features());
            List<String> paged = new ArrayList<>();
            for (int offset = 0; offset < whole.size() + 7; offset += 7) {
                FeaturePage page = store.items(base.page(offset, 7).query());
                assertEquals(whole.size(), page.numberMatched());
                paged.addAll(ids(page.features()));
            }
            assertEquals(whole, paged, collection);
        }
    }

    @Test
    void bboxMatchesBruteForceIntersection() {
        Envelope box = new Envelope(111.3, 111.9, 35.7, 36.3);
        for (LayerSpec spec : Layers.ALL) {
            Geometry boxGeometry = G.toGeometry(box);
            Set<String> expected = new TreeSet<>();
            for (Feature f : store.items(ItemsQuery.all(spec.id())).features()) {
                if (f.geometry().intersects(boxGeometry)) {
                    expected.add(f.id());
                }
            }
            Set<String> actual = new TreeSet<>(ids(store.items(q(spec.id(), "").bbox(111.3, 35.7, 111.9, 36.3).query()).features()));
            assertEquals(expected, actual, spec.id());
        }
    }

    @Test
    void bboxAcrossTheAntimeridianFindsWhatLiesOnEitherSideOfItAndNothingOfLinfen() {
        FeaturePage page = store.items(q(Layers.PROJECTS, "").bbox(177, 65, -177, 70).query());
        assertEquals(ACROSS_THE_ANTIMERIDIAN, ids(page.features()));
        assertEquals(2, page.numberMatched());
        for (LayerSpec spec : Layers.ALL) {
            if (!spec.id().equals(Layers.PROJECTS)) {
                assertEquals(0, store.items(q(spec.id(), "").bbox(177, 65, -177, 70).query()).numberMatched(), spec.id());
            }
        }
    }

    @Test
    void bboxAcrossTheAntimeridianAroundTheWorldLeavesOutOnlyWhatLiesBetweenItsEdges() {
        // west edge 177, east edge 176: every longitude but those between 176 and 177, where only the project west of the small box lies
        List<String> found = ids(store.items(q(Layers.PROJECTS, "").bbox(177, -90, 176, 90).query()).features());
        long placed = store.items(ItemsQuery.all(Layers.PROJECTS)).features().stream()
                .filter(f -> f.geometry() != null && !f.geometry().isEmpty()).count(); // a project without position is in no box
        assertEquals(placed, found.size() + 1);
        assertFalse(found.contains(WEST_OF_THE_BOX));
    }

    @Test
    void filtersMatchBruteForce() {
        List<Feature> all = store.items(ItemsQuery.all(Layers.PROJECTS)).features();
        List<String> expected = all.stream()
                .filter(f -> Set.of("energy", "ecology").contains(f.text("category")))
                .filter(f -> f.property("counties") instanceof Collection<?> c && (c.contains("洪洞县") || c.contains("古县")))
                .map(Feature::id).toList();
        List<String> actual = ids(store.items(q(Layers.PROJECTS, "")
                .filter("category", "energy", "ecology").filter("counties", "洪洞县", "古县").query()).features());
        assertFalse(expected.isEmpty());
        assertEquals(expected, actual);
    }

    @Test
    void searchFindsWhatScoresAndOnlyThat() {
        List<String> terms = SearchText.terms("guangfu");
        Set<String> expected = new TreeSet<>();
        for (Feature f : store.items(ItemsQuery.all(Layers.PROJECTS)).features()) {
            if (SearchText.of(f).score(terms) > 0) {
                expected.add(f.id());
            }
        }
        FeaturePage page = store.items(q(Layers.PROJECTS, "").search("guangfu").query());
        assertEquals(expected, new TreeSet<>(ids(page.features())));
        assertFalse(page.features().isEmpty());
        for (Feature f : page.features()) {
            assertTrue(json(f.properties()).contains("光伏"), f.id() + ": guangfu is the pinyin of 光伏");
        }
    }

    /**
     * The search issue's examples, on the store under test itself (the cases above hold it to the reference):
     * what each finds and in which order, on the real gis-data (and the synthetic projects, named alike).
     */
    @Test
    void searchMatchesWholeWordsReadsPlaceNamesAndPutsANamedCountyFirst() {
        List<Feature> yonghe = found("yonghe");
        assertFalse(names(yonghe).contains("花卉商品集群"), "食用和观赏 is shi-yong he: yong is inside the word 食用");
        assertTrue(names(yonghe).contains("乾坤湾"), "乾坤湾 lies in 永和县");
        // the same projects (their order may differ: an English name with Hongtong is a name match for hongtong only)
        assertEquals(idSet("洪洞"), idSet("hongtong"), "洪洞 is read Hongtong");
        assertEquals(List.of(), found("hongdong"));
        assertEquals(idSet("尧都"), idSet("yaodu"), "尧都 is read Yaodu");
        assertFalse(names(found("jixian")).contains("临汾市休闲农业及乡村旅游示范区"), "及乡 is ji-xiang: xian is not a whole syllable");
        for (String[] county : new String[][] {{"吉县", "jixian", "ji xian", "jixian county", "Ji County"}, {"隰县", "xixian"},
                {"蒲县", "puxian"}, {"古县", "guxian"}, {"洪洞县", "hongtong", "hongtongxian", "洪洞"}}) {
            long inCounty = store.items(q(Layers.PROJECTS, "").filter("counties", county[0]).query()).numberMatched();
            assertTrue(inCounty > 0, county[0]);
            for (String query : county) {
                List<Feature> page = found(query);
                for (int i = 0; i < page.size(); i++) {
                    assertEquals(i < inCounty, ((Collection<?>) page.get(i).property("counties")).contains(county[0]),
                            query + ": the projects of " + county[0] + " first, then the others; at " + i + " " + page.get(i).id());
                }
            }
        }
        assertEquals(idSet("吉县"), idSet("jixian"));
        assertEquals(idSet("隰县"), idSet("xixian"));
        assertEquals(idSet("蒲县"), idSet("puxian"));
        assertEquals(ids(found("jixian")), ids(found("ji xian")));
        for (String query : List.of("jixian", "jixian county", "Ji County")) {
            List<String> same = ids(found(query)).stream().filter(idSet("吉县")::contains).toList();
            assertEquals(ids(found("吉县")).stream().filter(same::contains).toList(), same, query + " is ordered as 吉县 is");
        }
        List<Feature> hukou = found("hukou");
        assertEquals(ids(hukou), ids(found("hu kou")), "syllables typed apart are one word");
        assertEquals(idSet("壶口"), new TreeSet<>(ids(hukou)), "壶口 only: not 出口, 隘口, 口岸");
        assertFalse(hukou.isEmpty());
    }

    private List<Feature> found(String q) {
        return store.items(q(Layers.PROJECTS, "").search(q).query()).features();
    }

    private Set<String> idSet(String q) {
        return new TreeSet<>(ids(found(q)));
    }

    private static List<String> names(List<Feature> features) {
        return features.stream().map(f -> f.text("name")).toList();
    }

    private void assertSameFeature(String collection, Feature expected, Feature actual) {
        assertEquals(expected.id(), actual.id());
        assertEquals(json(expected.properties()), json(actual.properties()), collection + "/" + expected.id() + " properties");
        assertTrue(sameGeometry(collection, expected.geometry(), actual.geometry()),
                collection + "/" + expected.id() + " geometry differs");
    }

    private static String json(Map<String, Object> properties) {
        try {
            return JSON.writeValueAsString(properties);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static List<String> ids(List<Feature> features) {
        return features.stream().map(Feature::id).toList();
    }

    static Case q(String collection, String name) {
        return new Case(name, collection, null, new LinkedHashMap<>(), List.of(), List.of(), 0, Integer.MAX_VALUE, null, false);
    }

    /** A named request, built the way ItemsRequestParser builds one; cql is a CQL2 filter (text, or JSON when json). */
    record Case(String name, String collection, Envelope bbox, Map<String, Set<String>> filters, List<String> terms,
                List<SortKey> sortBy, long offset, int limit, String cql, boolean json) {
        /** West, south, east, north, as the bbox parameter gives them (west > east: across the antimeridian). */
        Case bbox(double minX, double minY, double maxX, double maxY) {
            return new Case(name, collection, ItemsQuery.bbox(minX, minY, maxX, maxY), filters, terms, sortBy, offset, limit, cql, json);
        }

        Case filter(String property, String... values) {
            Map<String, Set<String>> more = new LinkedHashMap<>(filters);
            more.put(property, Set.of(values));
            return new Case(name, collection, bbox, more, terms, sortBy, offset, limit, cql, json);
        }

        Case search(String q) {
            return new Case(name, collection, bbox, filters, SearchText.terms(q), sortBy, offset, limit, cql, json);
        }

        Case sort(String property, boolean descending) {
            List<SortKey> more = new ArrayList<>(sortBy);
            more.add(new SortKey(property, descending));
            return new Case(name, collection, bbox, filters, terms, more, offset, limit, cql, json);
        }

        Case page(long newOffset, int newLimit) {
            return new Case(name, collection, bbox, filters, terms, sortBy, newOffset, newLimit, cql, json);
        }

        Case cql(String text) {
            return new Case(name, collection, bbox, filters, terms, sortBy, offset, limit, text, false);
        }

        Case cqlJson(String text) {
            return new Case(name, collection, bbox, filters, terms, sortBy, offset, limit, text, true);
        }

        ItemsQuery query() {
            Filter filter = null;
            if (cql != null) {
                Queryables queryables = Queryables.of(Layers.byId(collection).orElseThrow());
                filter = json ? Cql2Json.parse(cql, queryables, g -> g) : Cql2Text.parse(cql, queryables, g -> g);
            }
            return new ItemsQuery(collection, bbox, filters, terms, sortBy, offset, limit, filter);
        }

        @Override
        public String toString() {
            return collection + ": " + name;
        }
    }
}
