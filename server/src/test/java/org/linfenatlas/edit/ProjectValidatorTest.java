package org.linfenatlas.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linfenatlas.edit.EditFixtures.VALIDATOR;
import static org.linfenatlas.edit.EditFixtures.inside;
import static org.linfenatlas.edit.EditFixtures.json;
import static org.linfenatlas.edit.EditFixtures.project;
import static org.linfenatlas.edit.EditFixtures.validProject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linfenatlas.model.Feature;
import org.linfenatlas.store.StoreError;
import org.linfenatlas.store.StoreError.Problem;
import org.locationtech.jts.geom.Coordinate;

/** Whole-feature validation of a project write: what is accepted, and each rule's refusal. */
class ProjectValidatorTest {
    private static final String ID = "energy-jixian-solar";

    @Test
    void aValidProjectBecomesTheFeatureToStoreAtVersionOne() {
        Feature feature = VALIDATOR.validate(ID, validProject());
        assertEquals(ID, feature.id());
        assertEquals(1, feature.version());
        assertEquals("Point", feature.geometry().getGeometryType());
    }

    @Test
    void propertiesComeOutInTheLayersOrder() {
        Feature feature = VALIDATOR.validate(ID, project("""
                {"properties": {"progress_zh": "进展", "precision": "county", "name": "吉县光伏电站"}}"""));
        assertEquals(List.of("name", "name_en", "category", "counties", "belts", "kind", "status", "figures", "precision",
                "stage", "start_year", "completion_year", "investment_planned_yi_yuan", "progress_zh"),
                List.copyOf(feature.properties().keySet()));
    }

    @Test
    void integersAreStoredAsLongAndNumbersAsDouble() {
        Feature feature = VALIDATOR.validate(ID, project("{\"properties\": {\"investment_planned_yi_yuan\": 12}}"));
        assertEquals(2023L, feature.property("start_year"));
        assertEquals(12.0, feature.property("investment_planned_yi_yuan"));
    }

    @Test
    void beltsAreDerivedFromTheCountiesWhateverTheClientSends() {
        Feature feature = VALIDATOR.validate(ID, project("{\"properties\": {\"counties\": [\"吉县\", \"尧都区\"], \"belts\": [\"taiyue\"]}}"));
        assertEquals(List.of("fen", "yellow"), feature.property("belts"));
    }

    @Test
    void serverOwnedPropertiesFromTheClientAreIgnored() {
        Feature feature = VALIDATOR.validate(ID, project("{\"properties\": {\"updated_at\": \"1999-01-01T00:00:00Z\", \"updated_by\": 7}}"));
        assertEquals(null, feature.property("updated_at"));
        assertEquals(null, feature.property("updated_by"));
    }

    @Test
    void aNullPropertyIsLeftOut() {
        Feature feature = VALIDATOR.validate(ID, project("{\"properties\": {\"name_en\": null}}"));
        assertEquals(null, feature.property("name_en"));
    }

    @Test
    void theIdMayBeRepeatedAmongThePropertiesAsGisDataDoes() {
        Feature feature = VALIDATOR.validate(ID, project("{\"properties\": {\"id\": \"" + ID + "\"}}"));
        assertEquals(ID, feature.id());
    }

    @Test
    void aMultiPointFitsKindPoint() {
        Coordinate c = inside("吉县");
        Feature feature = VALIDATOR.validate(ID, project("{\"geometry\": {\"type\": \"MultiPoint\", \"coordinates\": [[%s, %s], [%s, %s]]}}"
                .formatted(c.x, c.y, c.x + 0.001, c.y)));
        assertEquals("MultiPoint", feature.geometry().getGeometryType());
    }

    @Test
    void aCityWideProjectNamesNoCountyAndMayLieAnywhereInTheCity() {
        Coordinate c = inside("侯马市");
        Feature feature = VALIDATOR.validate(ID, project("""
                {"properties": {"counties": [], "precision": "city"},
                 "geometry": {"type": "Point", "coordinates": [%s, %s]}}""".formatted(c.x, c.y)));
        assertEquals(List.of(), feature.property("belts"));
    }

    // ---- malformed (400)

    @Test
    void aBodyThatIsNotAnObjectIsMalformed() {
        assertMalformed(json("[1, 2]"), new Problem("", "the body must be a JSON object: a GeoJSON Feature"));
    }

    @Test
    void aTypeOtherThanFeatureIsMalformed() {
        assertMalformed(project("{\"type\": \"FeatureCollection\"}"), new Problem("type", "must be \"Feature\""));
    }

    @Test
    void propertiesThatAreNotAnObjectAreMalformed() {
        assertMalformed(project("{\"properties\": [\"name\"]}"), new Problem("", "'properties' must be an object"));
    }

    @Test
    void aGeometryThatIsNeitherAnObjectNorNullIsMalformed() {
        assertMalformed(project("{\"geometry\": [111.5, 36.1]}"), new Problem("geometry", "must be a GeoJSON geometry object or null"));
    }

    @Test
    void aNullGeometryNeedsPrecisionNone() {
        assertInvalid(project("{\"geometry\": null}"),
                new Problem("geometry", "null only at precision 'none' (no position); at precision 'county' give the position"));
    }

    @Test
    void aProjectThatIsNotAPlaceHasNoGeometry() {
        Feature feature = VALIDATOR.validate(ID, project(
                "{\"geometry\": null, \"properties\": {\"precision\": \"none\", \"kind\": \"none\", \"counties\": []}}"));
        assertFalse(feature.hasGeometry());
        assertEquals(List.of(), feature.property("counties"));
    }

    @Test
    void precisionNoneHasNoGeometry() {
        assertInvalid(project("{\"properties\": {\"precision\": \"none\"}}"),
                new Problem("geometry", "must be null at precision 'none' (no position)"));
    }

    @Test
    void kindNoneGoesWithPrecisionNone() {
        assertInvalid(project("{\"properties\": {\"kind\": \"none\"}}"),
                new Problem("kind", "'none' (not a place) goes with precision 'none' and geometry null"));
    }

    @Test
    void countiesBasisIsFromItsVocabulary() {
        assertEquals("text", VALIDATOR.validate(ID, project("{\"properties\": {\"counties_basis\": \"text\"}}")).property("counties_basis"));
        assertInvalid(project("{\"properties\": {\"counties_basis\": \"guess\"}}"),
                new Problem("counties_basis", "'guess' is not one of name, text, inferred"));
    }

    @Test
    void nestingDeeperThanTwentyIsMalformed() {
        ObjectNode body = validProject();
        ArrayNode deep = ((ObjectNode) body.get("properties")).putArray("aliases");
        for (int i = 0; i < 20; i++) {
            deep = deep.addArray();
        }
        assertMalformed(body, new Problem("", "JSON nested deeper than 20"));
    }

    @Test
    void malformedShapesAreReportedTogether() {
        StoreError e = refusal(json("{\"type\": \"Point\", \"properties\": 1}"));
        assertEquals(List.of(new Problem("type", "must be \"Feature\""), new Problem("", "'properties' must be an object")), e.details());
    }

    // ---- invalid (422): identity and properties

    @Test
    void anIdOtherThanTheWrittenOneIsInvalid() {
        assertInvalid(project("{\"id\": \"other\"}"), new Problem("id", "'other' is not the id of the feature written, '" + ID + "'"));
    }

    @Test
    void anUnknownPropertyIsInvalid() {
        assertInvalid(project("{\"properties\": {\"colour\": \"red\"}}"), new Problem("colour", "unknown property"));
    }

    @Test
    void aStringPropertyMustBeAString() {
        assertInvalid(project("{\"properties\": {\"name_en\": 5}}"), new Problem("name_en", "must be a string"));
    }

    @Test
    void anIntegerPropertyMustBeAnInteger() {
        assertInvalid(project("{\"properties\": {\"start_year\": 2020.5}}"), new Problem("start_year", "must be an integer"));
    }

    @Test
    void aNumberPropertyMustBeANumber() {
        assertInvalid(project("{\"properties\": {\"investment_planned_yi_yuan\": \"12\"}}"),
                new Problem("investment_planned_yi_yuan", "must be a finite number"));
    }

    @Test
    void aNumberPropertyMustBeFinite() {
        assertInvalid(project("{\"properties\": {\"investment_planned_yi_yuan\": 1e400}}"),
                new Problem("investment_planned_yi_yuan", "must be a finite number"));
    }

    @Test
    void anArrayPropertyMustHoldStrings() {
        assertInvalid(project("{\"properties\": {\"aliases\": [\"光伏\", 3]}}"), new Problem("aliases", "must be an array of strings"));
    }

    @Test
    void figuresMustBeAnObject() {
        assertInvalid(project("{\"properties\": {\"figures\": [100]}}"), new Problem("figures", "must be an object of numbers"));
    }

    @Test
    void figureKeysMustBeLowercaseAscii() {
        assertInvalid(project("{\"properties\": {\"figures\": {\"Capacity MW\": 100}}}"),
                new Problem("figures", "key 'Capacity MW' must be lowercase ascii: [a-z][a-z0-9_]{0,40}"));
    }

    @Test
    void figuresMustBeNumbers() {
        assertInvalid(project("{\"properties\": {\"figures\": {\"capacity_mw\": \"100\"}}}"),
                new Problem("figures", "'capacity_mw' must be a finite number"));
    }

    @Test
    void categoryMustBeInTheVocabulary() {
        assertInvalid(project("{\"properties\": {\"category\": \"mining\"}}"), new Problem("category",
                "'mining' is not one of energy, manufacturing, logistics, agriculture, culture_tourism, innovation, ecology, "
                        + "education_health, transport, new_infrastructure, urban"));
    }

    @Test
    void statusMustBeInTheVocabulary() {
        assertInvalid(project("{\"properties\": {\"status\": \"done\"}}"),
                new Problem("status", "'done' is not one of build, upgrade, plan, existing"));
    }

    @Test
    void precisionMustBeInTheVocabulary() {
        assertInvalid(project("{\"properties\": {\"precision\": \"exact\"}}"),
                new Problem("precision", "'exact' is not one of site, landmark, town, county, city, none"));
    }

    @Test
    void kindMustBeInTheVocabulary() {
        assertInvalid(project("{\"properties\": {\"kind\": \"zone\"}}"), new Problem("kind", "'zone' is not one of point, line, area, none"));
    }

    @Test
    void stageMustBeInTheVocabulary() {
        assertInvalid(project("{\"properties\": {\"stage\": \"在建\"}}"),
                new Problem("stage", "'在建' is not one of planning, preparation, construction, completed, suspended"));
    }

    @Test
    void nameIsRequired() {
        assertInvalid(project("{\"properties\": {\"name\": null}}"), new Problem("name", "required"));
    }

    @Test
    void countiesAreRequired() {
        assertInvalid(project("{\"properties\": {\"counties\": null}}"), new Problem("counties", "required"));
    }

    @Test
    void nameMustNotBeBlank() {
        assertInvalid(project("{\"properties\": {\"name\": \"  \"}}"),
                new Problem("name", "must not be blank (leave it out or send null instead)"));
    }

    @Test
    void nameHasAtMost200Characters() {
        assertInvalid(project("{\"properties\": {\"name\": \"" + "站".repeat(201) + "\"}}"),
                new Problem("name", "has 201 characters; at most 200"));
    }

    @Test
    void nameEnHasAtMost300Characters() {
        assertInvalid(project("{\"properties\": {\"name_en\": \"" + "a".repeat(301) + "\"}}"),
                new Problem("name_en", "has 301 characters; at most 300"));
    }

    @Test
    void summariesHaveAtMost2000Characters() {
        assertInvalid(project("{\"properties\": {\"summary_zh\": \"" + "概".repeat(2001) + "\"}}"),
                new Problem("summary_zh", "has 2001 characters; at most 2000"));
    }

    @Test
    void sourceHasAtMost2000Characters() {
        assertInvalid(project("{\"properties\": {\"source\": \"" + "s".repeat(2001) + "\"}}"),
                new Problem("source", "has 2001 characters; at most 2000"));
    }

    @Test
    void placeBasisHasAtMost2000Characters() {
        assertInvalid(project("{\"properties\": {\"place_basis\": \"" + "p".repeat(2001) + "\"}}"),
                new Problem("place_basis", "has 2001 characters; at most 2000"));
    }

    @Test
    void progressNotesHaveAtMost500Characters() {
        assertInvalid(project("{\"properties\": {\"progress_en\": \"" + "p".repeat(501) + "\"}}"),
                new Problem("progress_en", "has 501 characters; at most 500"));
    }

    @Test
    void parentHasAtMost200Characters() {
        assertInvalid(project("{\"properties\": {\"parent\": \"" + "p".repeat(201) + "\"}}"),
                new Problem("parent", "has 201 characters; at most 200"));
    }

    @Test
    void parentMustBeAString() {
        assertInvalid(project("{\"properties\": {\"parent\": 12}}"), new Problem("parent", "must be a string"));
    }

    @Test
    void atMostTwentyAliases() {
        assertInvalid(project("{\"properties\": {\"aliases\": [" + "\"a\",".repeat(20) + "\"b\"]}}"),
                new Problem("aliases", "has 21 names; at most 20"));
    }

    @Test
    void anAliasHasAtMost200Characters() {
        assertInvalid(project("{\"properties\": {\"aliases\": [\"" + "a".repeat(201) + "\"]}}"),
                new Problem("aliases", "each must have 1 to 200 characters, not blank"));
    }

    @Test
    void countiesMustExist() {
        assertInvalid(project("{\"properties\": {\"counties\": [\"吉县\", \"太原市\"]}}"),
                new Problem("counties", "'太原市' is not a county of Linfen"));
    }

    @Test
    void aCountyIsNamedOnce() {
        assertInvalid(project("{\"properties\": {\"counties\": [\"吉县\", \"吉县\"]}}"), new Problem("counties", "'吉县' is named twice"));
    }

    @Test
    void noCountyOnlyAtPrecisionCity() {
        assertInvalid(project("{\"properties\": {\"counties\": []}}"),
                new Problem("counties", "must name at least one county (only a project at precision city or none names none)"));
    }

    @Test
    void precisionCityNamesNoCounty() {
        assertInvalid(project("{\"properties\": {\"precision\": \"city\"}}"),
                new Problem("precision", "city is for projects that name no county; with counties it is county or finer"));
    }

    @Test
    void aPlacedPositionSaysWhereItComesFrom() {
        assertInvalid(project("{\"properties\": {\"precision\": \"site\"}}"),
                new Problem("place_basis", "required when precision is site: say where the position comes from"));
    }

    @Test
    void yearsStartIn1949() {
        assertInvalid(project("{\"properties\": {\"start_year\": 1948}}"), new Problem("start_year", "1948 is not a year from 1949 to 2100"));
    }

    @Test
    void yearsEndIn2100() {
        assertInvalid(project("{\"properties\": {\"investment_year\": 2101}}"),
                new Problem("investment_year", "2101 is not a year from 1949 to 2100"));
    }

    @Test
    void completionIsNotBeforeStart() {
        assertInvalid(project("{\"properties\": {\"start_year\": 2024, \"completion_year\": 2022}}"),
                new Problem("completion_year", "2022 is before start_year 2024"));
    }

    @Test
    void investmentsAreNotNegative() {
        assertInvalid(project("{\"properties\": {\"investment_completed_yi_yuan\": -1}}"),
                new Problem("investment_completed_yi_yuan", "must not be negative"));
    }

    // ---- invalid (422): geometry

    @Test
    void aGeometryMustBeGeoJson() {
        StoreError e = refusal(project("{\"geometry\": {\"type\": \"Blob\", \"coordinates\": [111, 36]}}"));
        assertEquals("geometry", e.details().get(0).property());
        assertTrue(e.details().get(0).problem().startsWith("not a GeoJSON geometry"), e.details().toString());
    }

    @Test
    void aGeometryMustNotBeEmpty() {
        assertInvalid(project("{\"geometry\": {\"type\": \"MultiPoint\", \"coordinates\": []}}"), new Problem("geometry", "must not be empty"));
    }

    @Test
    void positionsMustBeTwoDimensional() {
        Coordinate c = inside("吉县");
        assertInvalid(project("{\"geometry\": {\"type\": \"Point\", \"coordinates\": [%s, %s, 900]}}".formatted(c.x, c.y)),
                new Problem("geometry", "positions must be [longitude, latitude], without a third value"));
    }

    @Test
    void positionsMustLieInLinfen() {
        StoreError e = refusal(project("{\"geometry\": {\"type\": \"Point\", \"coordinates\": [116.4, 39.9]}}"));
        assertEquals("geometry", e.details().get(0).property());
        assertTrue(e.details().get(0).problem().startsWith("position [116.4, 39.9] lies outside Linfen"), e.details().toString());
    }

    @Test
    void theGeometryMustBeValid() {
        Coordinate c = inside("吉县");
        double x = c.x;
        double y = c.y;
        String bowTie = "[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]".formatted(x, y, x + 0.01, y + 0.01, x + 0.01, y, x, y + 0.01, x, y);
        StoreError e = refusal(project("{\"properties\": {\"kind\": \"area\"}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": " + bowTie + "}}"));
        assertEquals("geometry", e.details().get(0).property());
        assertTrue(e.details().get(0).problem().startsWith("not valid: Self-intersection at ["), e.details().toString());
    }

    @Test
    void atMostTenThousandVertices() {
        Coordinate c = inside("吉县");
        StringBuilder line = new StringBuilder();
        for (int i = 0; i <= 10_000; i++) {
            line.append(i == 0 ? "" : ",").append('[').append(c.x + i * 1e-6).append(',').append(c.y).append(']');
        }
        assertInvalid(project("{\"properties\": {\"kind\": \"line\"}, \"geometry\": {\"type\": \"LineString\", \"coordinates\": [" + line + "]}}"),
                new Problem("geometry", "has 10001 vertices; at most 10000 are accepted"));
    }

    @Test
    void theGeometryTypeFitsTheKind() {
        Coordinate c = inside("吉县");
        assertInvalid(project("{\"geometry\": {\"type\": \"LineString\", \"coordinates\": [[%s, %s], [%s, %s]]}}"
                        .formatted(c.x, c.y, c.x + 0.01, c.y)),
                new Problem("geometry", "a LineString does not fit kind 'point' (allowed: MultiPoint, Point)"));
    }

    @Test
    void theGeometryLiesInItsCounties() {
        Coordinate elsewhere = inside("霍州市");
        assertInvalid(project("{\"geometry\": {\"type\": \"Point\", \"coordinates\": [%s, %s]}}".formatted(elsewhere.x, elsewhere.y)),
                new Problem("geometry", "lies more than 2000 m outside its counties 吉县"));
    }

    @Test
    void everyPartOfTheGeometryLiesInItsCounties() {
        Coordinate home = inside("吉县");
        Coordinate elsewhere = inside("霍州市");
        assertInvalid(project("{\"geometry\": {\"type\": \"MultiPoint\", \"coordinates\": [[%s, %s], [%s, %s]]}}"
                        .formatted(home.x, home.y, elsewhere.x, elsewhere.y)),
                new Problem("geometry", "lies more than 2000 m outside its counties 吉县"));
    }

    // ---- all at once

    @Test
    void everyProblemIsReportedAtOnce() {
        StoreError e = refusal(project("""
                {"properties": {"name": null, "category": "mining", "start_year": "2020", "colour": "red"},
                 "geometry": {"type": "Point", "coordinates": [116.4, 39.9]}}"""));
        assertEquals(StoreError.Kind.INVALID, e.kind());
        assertEquals(List.of("category", "colour", "geometry", "name", "start_year"),
                e.details().stream().map(Problem::property).sorted().toList());
    }

    private static StoreError refusal(JsonNode body) {
        return assertThrows(StoreError.class, () -> VALIDATOR.validate(ID, body));
    }

    private static void assertInvalid(JsonNode body, Problem expected) {
        StoreError e = refusal(body);
        assertEquals(StoreError.Kind.INVALID, e.kind(), e.details().toString());
        assertEquals(List.of(expected), e.details());
    }

    private static void assertMalformed(JsonNode body, Problem expected) {
        StoreError e = refusal(body);
        assertEquals(StoreError.Kind.MALFORMED, e.kind(), e.details().toString());
        assertEquals(List.of(expected), e.details());
    }
}
