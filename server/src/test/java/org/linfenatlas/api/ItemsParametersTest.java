package org.linfenatlas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linfenatlas.store.ItemsQuery;
import org.locationtech.jts.geom.Envelope;

/** How each items parameter reaches the store, and how each invalid one is refused. */
class ItemsParametersTest extends ApiTestSupport {
    private static final String ITEMS = "/api/collections/projects/items";

    @Test
    void defaultLimitIsOneHundred() {
        withServer((store, client) -> {
            assertEquals(200, client.get(ITEMS).code());
            assertEquals(100, store.lastQuery.limit());
            assertEquals(0, store.lastQuery.offset());
        });
    }

    @Test
    void limitAboveMaximumIsCappedNotRejected() {
        withServer((store, client) -> {
            assertEquals(200, client.get(ITEMS + "?limit=50000").code());
            assertEquals(10_000, store.lastQuery.limit());
        });
    }

    @Test
    void limitZeroIsRejected() {
        withServer((store, client) -> assertBadRequest(client.get(ITEMS + "?limit=0"), "limit"));
    }

    @Test
    void limitThatIsNotANumberIsRejected() {
        withServer((store, client) -> assertBadRequest(client.get(ITEMS + "?limit=ten"), "limit"));
    }

    @Test
    void negativeOffsetIsRejected() {
        withServer((store, client) -> assertBadRequest(client.get(ITEMS + "?offset=-1"), "offset"));
    }

    @Test
    void bboxReachesStoreAsCrs84Envelope() {
        withServer((store, client) -> {
            assertEquals(200, client.get(ITEMS + "?bbox=110.5,36.0,111.5,36.5").code());
            assertEquals(new Envelope(110.5, 111.5, 36.0, 36.5), store.lastQuery.bbox());
        });
    }

    @Test
    void bboxWithSixNumbersUsesTheHorizontalCorners() {
        withServer((store, client) -> {
            assertEquals(200, client.get(ITEMS + "?bbox=110.5,36.0,-10,111.5,36.5,900").code());
            assertEquals(new Envelope(110.5, 111.5, 36.0, 36.5), store.lastQuery.bbox());
        });
    }

    @Test
    void bboxAcrossTheAntimeridianReachesTheStoreAsTwoBoxesMeetingThere() {
        withServer((store, client) -> {
            assertEquals(200, client.get(ITEMS + "?bbox=177,65,-177,70").code());
            assertEquals(List.of(new Envelope(177, 180, 65, 70), new Envelope(-180, -177, 65, 70)), store.lastQuery.boxes());
        });
    }

    @Test
    void bboxWithSixNumbersAcrossTheAntimeridianIsSplitToo() {
        withServer((store, client) -> {
            assertEquals(200, client.get(ITEMS + "?bbox=177,65,0,-177,70,100").code());
            assertEquals(List.of(new Envelope(177, 180, 65, 70), new Envelope(-180, -177, 65, 70)), store.lastQuery.boxes());
        });
    }

    @Test
    void bboxAcrossTheAntimeridianInLatitudeFirstOrderIsSplitByItsLongitudes() {
        withServer((store, client) -> {
            assertEquals(200, client.get(ITEMS + "?bbox=65,177,70,-177&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4326").code());
            assertEquals(List.of(new Envelope(177, 180, 65, 70), new Envelope(-180, -177, 65, 70)), store.lastQuery.boxes());
        });
    }

    @Test
    void bboxNotAcrossTheAntimeridianIsOneBox() {
        withServer((store, client) -> {
            assertEquals(200, client.get(ITEMS + "?bbox=-177,65,177,70").code());
            assertEquals(List.of(new Envelope(-177, 177, 65, 70)), store.lastQuery.boxes());
        });
    }

    @Test
    void bboxWithALongitudePast180IsRejected() {
        withServer((store, client) -> assertBadRequest(client.get(ITEMS + "?bbox=177,65,183,70"), "outside"));
    }

    @Test
    void bboxWithThreeNumbersIsRejected() {
        withServer((store, client) -> assertBadRequest(client.get(ITEMS + "?bbox=1,2,3"), "bbox"));
    }

    @Test
    void bboxWithTextIsRejected() {
        withServer((store, client) -> assertBadRequest(client.get(ITEMS + "?bbox=a,2,3,4"), "bbox"));
    }

    @Test
    void bboxWithLowerCornerNorthOfUpperIsRejected() {
        withServer((store, client) -> assertBadRequest(client.get(ITEMS + "?bbox=110,37,111,36"), "bbox"));
    }

    @Test
    void bboxOutsideTheWorldIsRejected() {
        withServer((store, client) -> assertBadRequest(client.get(ITEMS + "?bbox=110,36,111,95"), "bbox"));
    }

    @Test
    void bboxCrsEpsg4490ReadsLatitudeFirst() {
        withServer((store, client) -> {
            assertEquals(200, client.get(ITEMS + "?bbox=36.0,110.5,36.5,111.5&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4490").code());
            assertEquals(new Envelope(110.5, 111.5, 36.0, 36.5), store.lastQuery.bbox());
        });
    }

    @Test
    void bboxCrsWebMercatorIsConvertedToDegrees() {
        withServer((store, client) -> {
            assertEquals(200, client.get(ITEMS + "?bbox=12300000,4300000,12400000,4400000&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/3857").code());
            Envelope e = store.lastQuery.bbox();
            assertEquals(110.493, e.getMinX(), 0.001);
            assertEquals(111.391, e.getMaxX(), 0.001);
            assertEquals(35.995, e.getMinY(), 0.001);
        });
    }

    @Test
    void unsupportedBboxCrsIsRejected() {
        withServer((store, client) -> assertBadRequest(client.get(ITEMS + "?bbox=1,2,3,4&bbox-crs=EPSG:9999"), "bbox-crs"));
    }

    @Test
    void datetimeInstantIsAccepted() {
        withServer((store, client) -> assertEquals(200, client.get(ITEMS + "?datetime=2023-01-01T00:00:00Z").code()));
    }

    @Test
    void datetimeHalfOpenIntervalIsAccepted() {
        withServer((store, client) -> assertEquals(200, client.get(ITEMS + "?datetime=2021-01-01/..").code()));
    }

    @Test
    void datetimeThatIsNotADateIsRejected() {
        withServer((store, client) -> assertBadRequest(client.get(ITEMS + "?datetime=yesterday"), "datetime"));
    }

    @Test
    void datetimeIntervalOpenAtBothEndsIsRejected() {
        withServer((store, client) -> assertBadRequest(client.get(ITEMS + "?datetime=../.."), "datetime"));
    }

    @Test
    void datetimeIntervalEndingBeforeItStartsIsRejected() {
        withServer((store, client) -> assertBadRequest(client.get(ITEMS + "?datetime=2022-01-01/2021-01-01"), "datetime"));
    }

    @Test
    void unknownParameterIsRejected() {
        withServer((store, client) -> assertBadRequest(client.get(ITEMS + "?colour=red"), "colour"));
    }

    @Test
    void repeatedParameterIsRejected() {
        withServer((store, client) -> assertBadRequest(client.get(ITEMS + "?limit=1&limit=2"), "more than once"));
    }

    @Test
    void tooManyParametersAreRejected() {
        StringBuilder path = new StringBuilder(ITEMS + "?limit=1");
        for (int i = 0; i < 25; i++) {
            path.append("&p").append(i).append("=1");
        }
        withServer((store, client) -> assertBadRequest(client.get(path.toString()), "too many"));
    }

    @Test
    void overlongValueIsRejected() {
        withServer((store, client) -> assertBadRequest(client.get(ITEMS + "?q=" + "a".repeat(1200)), "longer"));
    }

    @Test
    void categoryCommaListReachesStoreAsFilter() {
        withServer((store, client) -> {
            assertEquals(200, client.get(ITEMS + "?category=energy,transport").code());
            assertEquals(Map.of("category", Set.of("energy", "transport")), store.lastQuery.filters());
        });
    }

    @Test
    void countyAndBeltFiltersTargetTheirArrayProperties() {
        withServer((store, client) -> {
            assertEquals(200, client.get(ITEMS + "?county=%E6%B0%B8%E5%92%8C%E5%8E%BF&belt=yellow").code());
            assertEquals(Map.of("counties", Set.of("永和县"), "belts", Set.of("yellow")), store.lastQuery.filters());
        });
    }

    @Test
    void unknownCategoryIsRejected() {
        withServer((store, client) -> assertBadRequest(client.get(ITEMS + "?category=mining"), "category"));
    }

    @Test
    void unknownStatusIsRejected() {
        withServer((store, client) -> assertBadRequest(client.get(ITEMS + "?status=done"), "status"));
    }

    @Test
    void projectFiltersAreNotAcceptedOnCounties() {
        withServer((store, client) -> assertBadRequest(client.get("/api/collections/counties/items?category=energy"), "category"));
    }

    @Test
    void qIsSplitIntoLowerCaseTerms() {
        withServer((store, client) -> {
            assertEquals(200, client.get(ITEMS + "?q=Hu%20Kou%20Waterfall").code());
            assertEquals(List.of("hukou", "waterfall"), store.lastQuery.terms(), "syllables typed apart are one term");
        });
    }

    @Test
    void blankQIsRejected() {
        withServer((store, client) -> assertBadRequest(client.get(ITEMS + "?q=%20"), "q"));
    }

    @Test
    void qIsNotAcceptedOnRivers() {
        withServer((store, client) -> assertBadRequest(client.get("/api/collections/rivers/items?q=fen"), "q"));
    }

    @Test
    void sortbyDescendingReachesStore() {
        withServer((store, client) -> {
            assertEquals(200, client.get(ITEMS + "?sortby=-name,category").code());
            assertEquals(List.of(new ItemsQuery.SortKey("name", true), new ItemsQuery.SortKey("category", false)),
                    store.lastQuery.sortBy());
        });
    }

    @Test
    void sortbyUnknownPropertyIsRejected() {
        withServer((store, client) -> assertBadRequest(client.get(ITEMS + "?sortby=summary_zh"), "sort"));
    }

    @Test
    void unknownPropertyInPropertiesIsRejected() {
        withServer((store, client) -> assertBadRequest(client.get(ITEMS + "?properties=name,secret"), "secret"));
    }

    @Test
    void unsupportedFormatIsRejected() {
        withServer((store, client) -> assertBadRequest(client.get(ITEMS + "?f=xml"), "f"));
    }

    @Test
    void noSearchMeansNoTermsAndNoBbox() {
        withServer((store, client) -> {
            client.get(ITEMS);
            assertTrue(store.lastQuery.terms().isEmpty());
            assertNull(store.lastQuery.bbox());
        });
    }

    @Test
    void skipGeometryThatIsNotABooleanIsRejected() {
        withServer((store, client) -> assertBadRequest(client.get(ITEMS + "?skipGeometry=yes"), "skipGeometry"));
    }
}
