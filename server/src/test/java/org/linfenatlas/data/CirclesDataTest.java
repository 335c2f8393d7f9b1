package org.linfenatlas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * gis-data/circles.json and regions.geojson against the plan's text (shared/seeds/000): every region the
 * 第一…第五圈层 paragraphs name is in its circle with its members, and every heading of every 差异化路径 column
 * (专栏1, 3, …, 15) has its path, parsed here from the seed.
 */
class CirclesDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLAN = "000_41a5e4892cbb372b.txt";
    private static final String[] CIRCLE = {"第一圈层", "第二圈层", "第三圈层", "第四圈层", "第五圈层"};
    /** The regions each circle's paragraph names, as the plan writes them (read from 第二章 五、发展策略). */
    private static final Map<Integer, List<String>> NAMED = Map.of(
            1, List.of("晋陕豫黄河金三角", "关中平原城市群", "郑洛西高质量发展合作带"),
            2, List.of("山西中部城市群", "太忻经济区", "山西转型综改示范区", "晋南", "晋东南", "省内地区"),
            3, List.of("京津冀地区", "长三角地区"),
            4, List.of("粤港澳大湾区", "成渝双城经济圈"),
            5, List.of("一带一路", "郑洛西高质量发展合作带", "成渝双城经济圈", "粤港澳大湾区", "京津冀地区", "长三角地区"));

    private static String plan;
    private static JsonNode circles;
    private static JsonNode outlines;
    private static Path outlinesFile;

    @BeforeAll
    static void load() throws IOException {
        Path file = Path.of(System.getProperty("seeds.dir", "../../shared/seeds")).resolve(PLAN);
        if (!Files.isRegularFile(file)) {
            fail("the plan's text " + file.toAbsolutePath() + " is missing (-Dseeds.dir=DIR names another place)");
        }
        plan = Files.readString(file, StandardCharsets.UTF_8);
        circles = JSON.readTree(GisDataFiles.dir().resolve("circles.json").toFile());
        outlinesFile = GisDataFiles.dir().resolve("regions.geojson");
        outlines = JSON.readTree(outlinesFile.toFile());
    }

    /** The paragraph of a circle: from ——第N圈层 to the next —— or chapter (page breaks inside are kept). */
    private static String paragraph(int n) {
        int start = plan.indexOf("——" + CIRCLE[n - 1]);
        assertTrue(start >= 0, "the plan has no paragraph " + CIRCLE[n - 1]);
        int end = n < 5 ? plan.indexOf("——" + CIRCLE[n], start) : plan.indexOf("第三章", start);
        return plan.substring(start, end);
    }

    private static Map<String, JsonNode> regions() {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        circles.path("regions").forEach(r -> assertEquals(null, byId.put(r.path("id").asText(), r), "repeated region id"));
        return byId;
    }

    @Test
    void everyRegionEachCircleNamesIsInItWithItsMembers() {
        Map<String, JsonNode> regions = regions();
        assertEquals(5, circles.path("circles").size());
        for (JsonNode c : circles.path("circles")) {
            int n = c.path("id").asInt();
            String text = paragraph(n);
            Set<String> listed = new LinkedHashSet<>();
            for (JsonNode id : c.path("regions")) {
                JsonNode r = regions.get(id.asText());
                assertTrue(r != null, CIRCLE[n - 1] + " lists an unknown region " + id);
                String asWritten = r.path("plan_names").path(0).asText();
                assertTrue(text.contains(asWritten), CIRCLE[n - 1] + "'s paragraph does not name " + asWritten);
                listed.add(asWritten);
            }
            for (String named : NAMED.get(n)) {
                assertTrue(text.contains(named), "the plan's " + CIRCLE[n - 1] + " names " + named);
                assertTrue(listed.contains(named), CIRCLE[n - 1] + " in circles.json misses " + named + ": " + listed);
            }
            assertFalse(c.path("summary").asText().isBlank() || c.path("summary_en").asText().isBlank(), "summary of " + n);
        }
        for (JsonNode r : regions.values()) {
            int primary = r.path("circle").asInt();
            boolean inIt = false;
            for (JsonNode id : circles.path("circles").get(primary - 1).path("regions")) {
                inIt |= id.asText().equals(r.path("id").asText());
            }
            assertTrue(inIt, r.path("id") + " is listed by its own circle " + primary);
            assertFalse(r.path("membership_source").asText().isBlank(), r.path("id") + " names the source of its membership");
            if (r.path("kind").asText().equals("area")) {
                assertTrue(r.path("members").size() > 0, r.path("id") + " has members");
            } else {
                assertEquals("direction", r.path("kind").asText());
                assertTrue(r.path("directions").size() > 0, r.path("id") + " has directions");
            }
        }
    }

    @Test
    void membersAreThoseTheDefiningPlansName() {
        Map<String, JsonNode> regions = regions();
        Map<String, Set<String>> expected = Map.of(
                "golden-triangle", Set.of("运城市", "临汾市", "渭南市", "三门峡市"),
                "shanxi-central", Set.of("太原市", "晋中市", "忻州市", "吕梁市", "阳泉市"),
                "jingjinji", Set.of("北京市", "天津市", "河北省"),
                "yangtze-delta", Set.of("上海市", "江苏省", "浙江省", "安徽省"),
                "gba", Set.of("香港特别行政区", "澳门特别行政区", "广州市", "深圳市", "珠海市", "佛山市", "惠州市", "东莞市", "中山市", "江门市", "肇庆市"),
                "zhengluoxi", Set.of("郑州市", "洛阳市", "西安市"));
        expected.forEach((id, members) -> assertEquals(new TreeSet<>(members), names(regions.get(id).path("members")), id));
        assertEquals(16, regions.get("chengyu").path("members").size(), "重庆 and 15 cities of Sichuan");
        assertEquals(11, regions.get("guanzhong").path("members").size());
    }

    @Test
    void everyAreaHasAnOutlineWithTheSameMembers() throws IOException {
        Map<String, JsonNode> byId = new HashMap<>();
        outlines.path("features").forEach(f -> byId.put(f.path("id").asText(), f));
        for (JsonNode r : circles.path("regions")) {
            String id = r.path("id").asText();
            if (!r.path("kind").asText().equals("area")) {
                assertFalse(byId.containsKey(id), id + " is a direction: no outline");
                continue;
            }
            JsonNode f = byId.remove(id);
            assertTrue(f != null, id + " has an outline");
            assertEquals(names(r.path("members")), new TreeSet<>(strings(f.path("properties").path("members"))), id);
            assertEquals(r.path("circle").asInt(), f.path("properties").path("circle").asInt(), id);
            String type = f.path("geometry").path("type").asText();
            assertTrue(type.equals("Polygon") || type.equals("MultiPolygon"), id + " " + type);
            JsonNode anchor = f.path("properties").path("anchor");
            assertTrue(anchor.get(0).asDouble() > 73 && anchor.get(0).asDouble() < 136 && anchor.get(1).asDouble() > 18
                    && anchor.get(1).asDouble() < 54, id + " anchor in China");
        }
        assertTrue(byId.isEmpty(), "outlines of no region: " + byId.keySet());
        assertTrue(Files.size(outlinesFile) < 300_000, "regions.geojson stays under 300 KB");
    }

    /** Each 差异化路径 column of the seed: its headings (the text before the colon of each paragraph). */
    @Test
    void everyHeadingOfEverySectorColumnHasItsPath() {
        assertEquals(8, circles.path("sectors").size());
        Map<String, JsonNode> regions = regions();
        for (JsonNode sector : circles.path("sectors")) {
            String title = sector.path("title").asText();
            int start = plan.indexOf(title);
            assertTrue(start >= 0 && title.contains("差异化路径"), "the plan has the column " + title);
            int end = plan.indexOf("专栏", start + title.length());
            List<String> headings = new ArrayList<>();
            for (String line : plan.substring(start + title.length(), end).split("\n")) {
                int colon = line.indexOf(':') >= 0 ? line.indexOf(':') : line.indexOf('：');
                if (colon > 0 && colon < 30) {
                    headings.add(line.substring(0, colon).strip());
                }
            }
            assertTrue(headings.size() >= 3, title + ": " + headings);
            Set<String> labels = new TreeSet<>();
            for (JsonNode p : circles.path("paths")) {
                if (!p.path("sector").asText().equals(sector.path("id").asText())) {
                    continue;
                }
                labels.add(p.path("label").asText());
                assertTrue(p.path("regions").size() > 0, title + " " + p.path("label"));
                p.path("regions").forEach(id -> assertTrue(regions.containsKey(id.asText()), "unknown region " + id));
                String text = p.path("text").asText();
                assertFalse(text.isBlank() || p.path("text_en").asText().isBlank(), title + " " + p.path("label") + " has zh and en");
                assertFalse(plan.contains(text), title + " " + p.path("label") + ": the summary is the plan's own sentence, not a paraphrase");
            }
            assertEquals(new TreeSet<>(headings), labels, title);
        }
    }

    private static Set<String> names(JsonNode members) {
        Set<String> out = new TreeSet<>();
        members.forEach(m -> out.add(m.path("name").asText()));
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(s -> out.add(s.asText()));
        return out;
    }
}
