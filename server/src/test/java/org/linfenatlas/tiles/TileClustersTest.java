package org.linfenatlas.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linfenatlas.model.Feature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** The clustering rule, on hand-made features in the z=8 tile over Linfen (8/100/207). */
class TileClustersTest {
    private static final GeometryFactory G = new GeometryFactory();
    private static final TileAddress TILE = new TileAddress(8, 100, 207);
    /** The tile's north-west corner and one cell's width in degrees (64 px at zoom 8). */
    private static final double WEST = TILE.envelope().getMinX();
    private static final double NORTH = TILE.envelope().getMaxY();
    private static final double CELL = TILE.pixelDegrees() * TileAddress.CELL_SIZE;

    private static Feature point(String id, double lon, double lat, String category) {
        return new Feature(id, G.createPoint(new Coordinate(lon, lat)), Map.of("category", category, "precision", "site"));
    }

    private static TileContent content(TileAddress tile, boolean clustered, Feature... features) {
        TileClusters clusters = new TileClusters(tile, clustered);
        for (Feature f : features) {
            clusters.offer(f);
        }
        return clusters.content();
    }

    @Test
    void aCellWithOnePointShowsTheFeature() {
        TileContent c = content(TILE, true, point("a", WEST + CELL / 2, NORTH - 0.01, "energy"));
        assertEquals(List.of(), c.clusters());
        assertEquals("a", c.features().get(0).id());
    }

    @Test
    void aCellWithMorePointsShowsOneClusterAtTheirMean() {
        TileContent c = content(TILE, true, point("a", WEST + 0.01, NORTH - 0.01, "energy"),
                point("b", WEST + 0.03, NORTH - 0.03, "energy"), point("c", WEST + 0.02, NORTH - 0.05, "transport"));
        assertEquals(List.of(), c.features());
        TileContent.Cluster cluster = c.clusters().get(0);
        assertEquals(3, cluster.count());
        assertEquals(Map.of("energy", 2, "transport", 1), cluster.categories());
        assertEquals(WEST + 0.02, cluster.lon(), 1e-9);
        assertEquals(NORTH - 0.03, cluster.lat(), 1e-9);
        assertEquals(WEST + 0.01, cluster.bbox()[0], 1e-12);
        assertEquals(NORTH - 0.05, cluster.bbox()[1], 1e-12);
        assertFalse(cluster.samePlace());
        assertEquals("cluster/8/100/207/0", cluster.id(TILE));
    }

    @Test
    void pointsInOnePlaceMakeASamePlaceCluster() {
        TileContent c = content(TILE, true, point("a", WEST + 0.01, NORTH - 0.01, "energy"), point("b", WEST + 0.01, NORTH - 0.01, "water"));
        assertTrue(c.clusters().get(0).samePlace());
    }

    @Test
    void pointsInDifferentCellsAreNotClusteredTogether() {
        TileContent c = content(TILE, true, point("a", WEST + CELL * 0.5, NORTH - 0.01, "energy"),
                point("b", WEST + CELL * 1.5, NORTH - 0.01, "energy"));
        assertEquals(List.of(), c.clusters());
        assertEquals(2, c.features().size());
    }

    @Test
    void aPointOutsideTheTileIsLeftOut() {
        TileContent c = content(TILE, true, point("a", WEST - 0.01, NORTH - 0.01, "energy"));
        assertEquals(List.of(), c.features());
    }

    @Test
    void fromTheMaxClusterZoomEveryFeatureIsShown() {
        TileAddress deep = new TileAddress(TileClusters.MAX_CLUSTER_ZOOM, 100 << 8, 207 << 8);
        double west = deep.envelope().getMinX();
        double north = deep.envelope().getMaxY();
        TileContent c = content(deep, true, point("a", west + 1e-5, north - 1e-5, "energy"), point("b", west + 1e-5, north - 1e-5, "energy"));
        assertEquals(List.of(), c.clusters());
        assertEquals(2, c.features().size());
    }

    @Test
    void aLineShorterThanACellCountsInTheCellOfItsRepresentativePointOnly() {
        Geometry line = G.createLineString(new Coordinate[] {new Coordinate(WEST + CELL * 0.55, NORTH - CELL * 0.5),
                new Coordinate(WEST + CELL * 1.1, NORTH - CELL * 0.6), new Coordinate(WEST + CELL * 1.4, NORTH - CELL * 0.5)});
        Feature road = new Feature("road", line, Map.of("category", "transport", "precision", "site"));
        int cell = TILE.cellOf(road.representativePoint());
        TileContent c = content(TILE, true, road, point("p", road.representativePoint().x, road.representativePoint().y, "energy"));
        assertEquals(1, c.clusters().size());
        assertEquals(cell, c.clusters().get(0).cell());
        assertEquals(2, c.clusters().get(0).count());
    }

    @Test
    void aLineLongerThanACellIsDrawnWholeInEveryTileItMeetsAndNeverClustered() {
        Geometry line = G.createLineString(new Coordinate[] {new Coordinate(WEST + 0.01, NORTH - 0.01),
                new Coordinate(WEST + CELL * 1.5, NORTH - 0.01), new Coordinate(WEST + CELL * 5.5, NORTH - 0.01)});
        Feature road = new Feature("road", line, Map.of("category", "transport", "precision", "site"));
        Feature near = point("p", road.representativePoint().x, road.representativePoint().y, "energy");
        TileContent here = content(TILE, true, road, near);
        assertEquals(List.of(), here.clusters(), "the point is alone in its cell: the road is not counted there");
        assertEquals(List.of("p", "road"), here.features().stream().map(Feature::id).toList());
        TileAddress east = new TileAddress(8, 100, 208);
        assertEquals(List.of("road"), content(east, true, road).features().stream().map(Feature::id).toList(),
                "the next tile, which the road reaches, draws it too");
    }

    @Test
    void anUnclusteredCollectionShowsEveryFeatureAtEveryZoom() {
        TileContent c = content(TILE, false, point("a", WEST + 0.01, NORTH - 0.01, "x"), point("b", WEST + 0.01, NORTH - 0.01, "x"));
        assertEquals(List.of(), c.clusters());
        assertEquals(2, c.features().size());
    }

    @Test
    void anApproximateAreaIsDrawnAsItsPointAndAnExactOneSimplified() {
        Geometry square = G.toGeometry(new org.locationtech.jts.geom.Envelope(111.0, 111.5, 36.0, 36.5));
        Feature county = new Feature("c", square, Map.of("precision", "county"));
        Feature site = new Feature("s", square, Map.of("precision", "site"));
        assertEquals("Point", TileGeometry.of(county, TILE).getGeometryType());
        assertTrue(TileGeometry.asPoint(county));
        assertEquals("Polygon", TileGeometry.of(site, TILE).getGeometryType());
        assertFalse(TileGeometry.asPoint(site));
    }

    @Test
    void aPointOnATileEdgeBelongsToOneTileOnly() {
        TileAddress east = new TileAddress(8, 100, 208);
        Coordinate onEdge = new Coordinate(TILE.envelope().getMaxX(), NORTH - 0.01);
        assertTrue(TILE.contains(onEdge) != east.contains(onEdge));
    }
}
