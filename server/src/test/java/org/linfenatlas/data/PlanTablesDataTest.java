package org.linfenatlas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * gis-data/indicators.json (表2 区域融合发展指标表) and gis-data/economy.json (表1 2015-2020年临汾市经济合作总体情况)
 * against the plan's own text in shared/seeds/000: the tables are parsed here from the seed, cell by cell, so
 * that the check does not depend on how the files were transcribed.
 */
class PlanTablesDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLAN = "000_41a5e4892cbb372b.txt";
    private static final Pattern LABEL = Pattern.compile("(.*)\\(([^()]*)\\)");
    /** A 2025 target as written: an optional comparison, a number, an optional per cent sign; or a range a–b. */
    private static final Pattern TARGET = Pattern.compile("(>=|<=|>|<|≥|≤)?(\\d+(?:\\.\\d+)?)(%?)");
    private static final Pattern RANGE = Pattern.compile("(\\d+(?:\\.\\d+)?)%?\\s*[-~–—]\\s*(\\d+(?:\\.\\d+)?)(%?)");

    private static List<String> plan;
    private static JsonNode indicators;
    private static JsonNode economy;

    /** One row of 表2 as the seed has it. */
    private record Row(String field, String label, String baseline, String target) {
    }

    @BeforeAll
    static void load() throws IOException {
        String dir = System.getProperty("seeds.dir", "../../shared/seeds");
        Path file = Path.of(dir).resolve(PLAN);
        if (!Files.isRegularFile(file)) {
            fail("the plan's text " + file.toAbsolutePath() + " is missing: the data tests check gis-data against it "
                    + "(shared/ lies beside the repository; -Dseeds.dir=DIR names another place)");
        }
        plan = Files.readAllLines(file, StandardCharsets.UTF_8);
        indicators = JSON.readTree(GisDataFiles.dir().resolve("indicators.json").toFile());
        economy = JSON.readTree(GisDataFiles.dir().resolve("economy.json").toFile());
    }

    /** The lines of a table: from the line after its caption to the first blank line after its first row. */
    private static List<String> table(String caption, String firstCell) {
        int start = plan.indexOf(caption);
        assertTrue(start >= 0, "the plan has no line '" + caption + "'");
        List<String> lines = new ArrayList<>();
        int i = start + 1;
        while (plan.get(i).isBlank()) {
            i++;
        }
        assertTrue(plan.get(i).startsWith(firstCell), "the table starts with its header: " + plan.get(i));
        for (; i < plan.size(); i++) {
            String line = plan.get(i);
            if (line.isBlank() && !lines.isEmpty() && !caption.startsWith("表1")) {
                break;
            }
            if (line.isBlank()) {
                // 表1 breaks across a page: its header repeats after a blank line; it ends with 年均增速
                if (!lines.isEmpty() && lines.get(lines.size() - 1).startsWith("年均增速")) {
                    break;
                }
                continue;
            }
            lines.add(line);
        }
        return lines;
    }

    private static List<Row> table2() {
        List<String> lines = table("表2 区域融合发展指标表", "领域");
        assertEquals(List.of("领域", "指 标", "2020", "2025"), List.of(lines.get(0).split("\t", -1)), "header of 表2");
        List<Row> rows = new ArrayList<>();
        String field = null;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            assertEquals(4, cells.length, "four cells in " + line);
            if (!cells[0].isEmpty()) {
                field = cells[0];
            }
            rows.add(new Row(field, cells[1], cells[2], cells[3]));
        }
        return rows;
    }

    @Test
    void everyIndicatorOfTable2InOrderWithItsFieldLabelAndBothCellsAsWritten() {
        List<Row> rows = table2();
        assertEquals(28, rows.size(), "表2 has 28 indicators");
        JsonNode list = indicators.path("indicators");
        assertEquals(rows.size(), list.size(), "one indicator per row of 表2");
        Set<String> fieldsInTable = new LinkedHashSet<>();
        rows.forEach(r -> fieldsInTable.add(r.field()));
        List<String> fieldNames = new ArrayList<>();
        indicators.path("fields").forEach(f -> fieldNames.add(f.path("name").asText()));
        assertEquals(List.copyOf(fieldsInTable), fieldNames, "the seven fields, in the table's order");
        assertEquals(List.of("产业合作", "创新合作", "教育合作", "医疗合作", "生态合作", "人才合作", "营商环境"), fieldNames);
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            JsonNode ind = list.get(i);
            String where = "row " + (i + 1) + " (" + row.label() + ")";
            assertEquals(row.field(), fieldName(ind.path("field").asText()), where + ": field");
            assertEquals(row.label(), ind.path("label").asText(), where + ": label exactly as in the table");
            assertEquals(row.baseline(), ind.path("baseline").path("text").asText(), where + ": 2020 cell as written");
            assertEquals(row.target(), ind.path("target").path("text").asText(), where + ": 2025 cell as written");
        }
    }

    @Test
    void namesAndUnitsAreTheLabelsOwnAndEveryIndicatorIsNamedInEnglish() {
        Set<String> ids = new HashSet<>();
        for (JsonNode ind : indicators.path("indicators")) {
            Matcher m = LABEL.matcher(ind.path("label").asText());
            assertTrue(m.matches(), "a label ends with its unit in brackets: " + ind.path("label"));
            assertEquals(m.group(1), ind.path("name").asText(), "name = label without the unit");
            assertEquals(m.group(2), ind.path("unit").asText(), "unit = the label's last brackets");
            assertFalse(ind.path("name_en").asText().isBlank(), "English name of " + ind.path("id"));
            assertFalse(ind.path("unit_en").asText().isBlank(), "English unit of " + ind.path("id"));
            String id = ind.path("id").asText();
            assertTrue(id.matches("[a-z0-9]+(-[a-z0-9]+)*"), "id " + id);
            assertTrue(id.startsWith(ind.path("field").asText() + "-"), "an id starts with its field: " + id);
            assertTrue(ids.add(id), "unique id " + id);
            assertTrue(Set.of("higher", "lower").contains(ind.path("better").asText()), "better of " + id);
            assertTrue(ind.path("integer").isBoolean(), "integer of " + id);
        }
        List<String> english = new ArrayList<>();
        indicators.path("fields").forEach(f -> english.add(f.path("name_en").asText()));
        assertTrue(english.stream().noneMatch(String::isBlank), "English field names");
        assertEquals(2020, indicators.path("baseline_year").asInt());
        assertEquals(2025, indicators.path("target_year").asInt());
        assertEquals("[2021,2022,2023,2024,2025]", indicators.path("actual_years").toString());
    }

    /** 2020: a number where the table has one; null where it is blank or a dash (kept apart by the text). */
    @Test
    void baselinesAreTheTablesNumbersOrNullWhereItStatesNone() {
        List<Row> rows = table2();
        int blank = 0;
        int dash = 0;
        for (int i = 0; i < rows.size(); i++) {
            String cell = rows.get(i).baseline();
            JsonNode value = indicators.path("indicators").get(i).path("baseline").path("value");
            if (cell.isEmpty() || cell.equals("-")) {
                assertTrue(value.isNull(), rows.get(i).label() + ": no 2020 value in the table");
                blank += cell.isEmpty() ? 1 : 0;
                dash += cell.equals("-") ? 1 : 0;
            } else {
                assertNumber(new BigDecimal(cell), value, rows.get(i).label() + ": 2020");
            }
        }
        assertEquals(10, blank, "blank 2020 cells");
        assertEquals(2, dash, "2020 cells with a dash");
    }

    /** 2025: value, comparator and unit as the cell means them ("3%" is 3 per cent, ">300" more than 300 days). */
    @Test
    void targetsKeepTheirComparisonAndUnit() {
        List<Row> rows = table2();
        int inequalities = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            JsonNode target = indicators.path("indicators").get(i).path("target");
            Matcher label = LABEL.matcher(row.label());
            assertTrue(label.matches());
            String unit = label.group(2);
            String where = row.label() + ": 2025 '" + row.target() + "'";
            assertEquals(unit, target.path("unit").asText(), where + ": unit");
            Matcher range = RANGE.matcher(row.target());
            Matcher m = TARGET.matcher(row.target());
            if (range.matches()) {
                assertEquals("range", target.path("comparator").asText(), where);
                assertNumber(new BigDecimal(range.group(1)), target.path("value"), where + ": lower bound");
                assertNumber(new BigDecimal(range.group(2)), target.path("max"), where + ": upper bound");
                continue;
            }
            assertTrue(m.matches(), where + " is a number, an inequality or a range");
            String comparator = m.group(1) == null ? "=" : switch (m.group(1)) {
                case "≥" -> ">=";
                case "≤" -> "<=";
                default -> m.group(1);
            };
            assertEquals(comparator, target.path("comparator").asText(), where + ": comparator");
            inequalities += comparator.equals("=") ? 0 : 1;
            assertNumber(new BigDecimal(m.group(2)), target.path("value"), where + ": value");
            if (!m.group(3).isEmpty()) {
                assertEquals("%", unit, where + ": a per cent sign only where the unit is %");
            }
        }
        assertEquals(2, inequalities, "表2 has two inequalities: >25 (持证率) and >300 (优良天数)");
    }

    // ---------- 表1 ----------

    private static final List<String> TABLE1_COLUMNS = List.of("gdp", "primary", "secondary", "tertiary", "imports", "exports",
            "foreign_investment");

    @Test
    void everyCellOfTable1ByYear() {
        List<String> lines = table("表1 2015-2020年临汾市经济合作总体情况", "年份");
        List<String[]> years = lines.stream().map(l -> l.split("\t", -1)).filter(c -> c[0].matches("\\d{4}")).toList();
        assertEquals(List.of("2015", "2016", "2017", "2018", "2019", "2020"), years.stream().map(c -> c[0]).toList());
        JsonNode rows = economy.path("rows");
        assertEquals(years.size(), rows.size(), "one row per year");
        List<String> columns = new ArrayList<>();
        economy.path("columns").forEach(c -> columns.add(c.path("id").asText()));
        assertEquals(TABLE1_COLUMNS, columns, "the table's columns in its order");
        for (int i = 0; i < years.size(); i++) {
            String[] cells = years.get(i);
            assertEquals(8, cells.length, "year and seven values: " + String.join("|", cells));
            JsonNode row = rows.get(i);
            assertEquals(Integer.parseInt(cells[0]), row.path("year").asInt());
            for (int c = 0; c < TABLE1_COLUMNS.size(); c++) {
                assertNumber(new BigDecimal(cells[c + 1]), row.path(TABLE1_COLUMNS.get(c)), cells[0] + " " + TABLE1_COLUMNS.get(c));
            }
            assertEquals(8, row.size(), "no other values in " + cells[0]);
        }
        String[] growth = lines.stream().filter(l -> l.startsWith("年均增速")).findFirst().orElseThrow().split("\t", -1);
        assertEquals(economy.path("growth").path("label").asText(), growth[0]);
        JsonNode values = economy.path("growth").path("values");
        for (int c = 0; c < TABLE1_COLUMNS.size(); c++) {
            String cell = c + 1 < growth.length ? growth[c + 1] : "";
            JsonNode value = values.path(TABLE1_COLUMNS.get(c));
            if (cell.isEmpty()) {
                assertTrue(value.isNull(), "no growth rate for " + TABLE1_COLUMNS.get(c));
            } else {
                assertEquals(cell, value.path("text").asText(), "growth of " + TABLE1_COLUMNS.get(c) + " as written");
                assertNumber(new BigDecimal(cell.replace("%", "")), value.path("value"), "growth of " + TABLE1_COLUMNS.get(c));
            }
        }
        int footnote = plan.indexOf("#增速按不变价格计算");
        assertTrue(footnote > plan.indexOf("表1 2015-2020年临汾市经济合作总体情况"), "the table's footnote");
        assertEquals("#增速按不变价格计算", economy.path("notes").get(0).path("zh").asText());
    }

    @Test
    void table1HeadersNameTheColumnsAndUnits() {
        List<String> lines = table("表1 2015-2020年临汾市经济合作总体情况", "年份");
        String header = String.join("\t", lines.stream().filter(l -> !l.matches("^(\\d{4}|年均增速)\t.*")).toList());
        for (JsonNode column : economy.path("columns")) {
            assertTrue(header.contains(column.path("header").asText()), "header '" + column.path("header").asText() + "' in " + header);
            if (!column.path("group").isNull()) {
                assertTrue(header.contains(column.path("group").asText()), "group " + column.path("group"));
                assertTrue(column.path("group").asText().endsWith("(" + column.path("unit").asText() + ")"), "unit of " + column.path("id"));
            } else {
                assertTrue(column.path("header").asText().endsWith("(" + column.path("unit").asText() + ")"), "unit of " + column.path("id"));
            }
            assertFalse(column.path("name_en").asText().isBlank());
            assertFalse(column.path("unit_en").asText().isBlank());
        }
    }

    /** The table is consistent with itself: GDP is the sum of the three sectors, to the table's 0.1. */
    @Test
    void gdpIsTheSumOfTheThreeSectors() {
        for (JsonNode row : economy.path("rows")) {
            BigDecimal sum = row.path("primary").decimalValue().add(row.path("secondary").decimalValue())
                    .add(row.path("tertiary").decimalValue());
            assertTrue(sum.subtract(row.path("gdp").decimalValue()).abs().compareTo(new BigDecimal("0.15")) <= 0,
                    row.path("year") + ": " + sum + " vs " + row.path("gdp"));
        }
    }

    private static void assertNumber(BigDecimal expected, JsonNode actual, String what) {
        assertNotNull(actual, what);
        assertTrue(actual.isNumber(), what + ": a number, got " + actual);
        assertEquals(0, expected.compareTo(actual.decimalValue()), what + ": expected " + expected + ", got " + actual);
    }

    private static String fieldName(String id) {
        for (JsonNode f : indicators.path("fields")) {
            if (f.path("id").asText().equals(id)) {
                return f.path("name").asText();
            }
        }
        throw new AssertionError("no field " + id);
    }
}
