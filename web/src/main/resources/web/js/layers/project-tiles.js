// The projects of the visible area, tile by tile, from the server's OGC API tiles (GeoJSON encoding):
// clusters (count and category mix, computed by the server for the active filters) where projects are dense,
// the projects themselves where they are not. Tiles are cached per query; a new query or a saved edit drops them.
// The tile set follows the map's integer zoom, so a tile's clusters are drawn at the scale they were made for.

const TILE_PX = 256;
const MAX_ZOOM = 20;
const MAX_CACHED = 256;
const tilePath = (z, y, x) => `api/collections/projects/tiles/WebMercatorQuad/${z}/${y}/${x}`;

const lonOf = (x, n) => (x / n) * 360 - 180;
const latOf = (y, n) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI;

/** Whether tile x, y of a zoom with n × n tiles meets a box [west, south, east, north] (its edges included). */
export function tileMeets(x, y, n, [w, s, e, north]) {
  return lonOf(x, n) <= e && lonOf(x + 1, n) >= w && latOf(y + 1, n) <= north && latOf(y, n) >= s;
}

/**
 * The tiles that cover the map's view at the zoom the server cuts them for; with the collection's extent
 * ([w, s, e, n], every feature's bounding box), only those that meet it: the others hold nothing.
 */
export function visibleTiles(map, extent = null) {
  const zoom = map.getZoom();
  const z = Math.max(0, Math.min(MAX_ZOOM, Math.round(zoom)));
  const scale = map.getZoomScale(z, zoom);
  const bounds = map.getPixelBounds();
  const n = 2 ** z;
  const clamp = (v) => Math.max(0, Math.min(n - 1, v));
  const min = bounds.min.multiplyBy(scale).divideBy(TILE_PX).floor();
  const max = bounds.max.multiplyBy(scale).divideBy(TILE_PX).floor();
  const tiles = [];
  for (let y = clamp(min.y); y <= clamp(max.y); y += 1) {
    for (let x = clamp(min.x); x <= clamp(max.x); x += 1) {
      if (!extent || tileMeets(x, y, n, extent)) tiles.push({ z, y, x, key: `${z}/${y}/${x}` });
    }
  }
  return { z, tiles };
}

/** A box [w, s, e, n] grown to hold a GeoJSON geometry's coordinates. */
export function growExtent(extent, geometry) {
  if (!extent || !geometry) return extent;
  const out = [...extent];
  const visit = (c) => {
    if (typeof c[0] === 'number') {
      out[0] = Math.min(out[0], c[0]); out[1] = Math.min(out[1], c[1]);
      out[2] = Math.max(out[2], c[0]); out[3] = Math.max(out[3], c[1]);
    } else c.forEach(visit);
  };
  if (geometry.type === 'GeometryCollection') geometry.geometries.forEach((g) => visit(g.coordinates));
  else visit(geometry.coordinates);
  return out;
}

/**
 * Fetches tiles for one query string at a time; get(tiles, query) resolves to the tiles' features once all have
 * arrived (a query change aborts what the old one still waits for).
 */
export function createTileSource(fetchJson) {
  let query = null;
  let controller = new AbortController();
  const cache = new Map(); // key -> Promise<features>

  function reset(next) {
    controller.abort();
    controller = new AbortController();
    cache.clear();
    query = next;
  }

  function load(tile) {
    let entry = cache.get(tile.key);
    if (entry) { // most recently used last
      cache.delete(tile.key);
      cache.set(tile.key, entry);
      return entry;
    }
    const url = `${tilePath(tile.z, tile.y, tile.x)}?${query}`;
    entry = fetchJson(url, controller.signal).then((fc) => fc.features || []);
    entry.catch(() => cache.delete(tile.key)); // a failed tile is asked again next time
    cache.set(tile.key, entry);
    while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value);
    return entry;
  }

  return {
    async get(tiles, nextQuery) {
      if (nextQuery !== query) reset(nextQuery);
      const pages = await Promise.all(tiles.map(load));
      return pages.flat();
    },
    /** Forget every tile (a saved edit changed what they hold). */
    clear: () => reset(query),
  };
}
