// Plan projects: category icons (clustered), routes as lines, areas as polygons.
// Positions known only to the county/city are hollow and dashed.
import { L } from '../leaflet.js';
import { category, isApproximate, token } from '../model.js';
import { createFeatureLayer } from './feature-layer.js';
import { isUnplaced } from './unplaced.js';

const classes = (p) => `cat-${token(p.category)} prec-${token(p.precision)}`;

// Fingers need a 40 px target; the visible badge stays small.
const markerSize = () => (window.matchMedia('(pointer: coarse)').matches ? 40 : 34);

function icon(p) {
  const cat = category(p.category);
  const size = markerSize();
  return L.divIcon({
    className: `project-marker ${classes(p)}${isApproximate(p.precision) ? ' is-approx' : ''}`,
    html: `<span class="pm-badge" style="--c:${cat.color}">${cat.icon}</span>`,
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
}

function clusterIcon(cluster) {
  const counts = new Map();
  for (const m of cluster.getAllChildMarkers()) {
    const c = m.feature?.properties.category;
    counts.set(c, (counts.get(c) || 0) + 1);
  }
  const total = cluster.getChildCount();
  let angle = 0;
  const stops = [...counts].map(([c, n]) => {
    const from = angle;
    angle += (n / total) * 360;
    return `${category(c).color} ${from.toFixed(1)}deg ${angle.toFixed(1)}deg`;
  });
  const size = Math.max(markerSize(), total < 10 ? 34 : total < 100 ? 40 : 46);
  return L.divIcon({
    className: 'project-cluster',
    html: `<span class="cl-ring" data-categories="${[...counts.keys()].map(token).join(',')}" style="background:conic-gradient(${stops.join(',')})"><span class="cl-count">${total}</span></span>`,
    iconSize: [size, size],
  });
}

/** A point inside the largest polygon of an area, for drawing an approximate area as an icon. */
function representativePoint(geometry) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const ringArea = (ring) => Math.abs(ring.reduce((a, [x1, y1], i) => {
    const [x2, y2] = ring[(i + 1) % ring.length];
    return a + x1 * y2 - x2 * y1;
  }, 0));
  const largest = polygons.reduce((best, poly) => (ringArea(poly[0]) > ringArea(best[0]) ? poly : best));
  return L.PolyUtil.polygonCenter(L.GeoJSON.coordsToLatLngs(largest[0]), L.CRS.EPSG3857);
}

/** Members of a cluster that all sit on one point (e.g. city-level projects), or null. */
function samePlace(markers) {
  const first = markers[0].getLatLng();
  return markers.every((m) => m.getLatLng().equals(first, 1e-7)) ? first : null;
}

/** Vertices of the river lines, "lng,lat" as the files write them (6 decimals). */
async function riverVertices(app) {
  const keys = new Set();
  try {
    for (const f of await app.api.collection('rivers')) {
      const lines = f.geometry?.type === 'LineString' ? [f.geometry.coordinates] : f.geometry?.coordinates || [];
      for (const line of lines) for (const [x, y] of line) keys.add(`${x},${y}`);
    }
  } catch {
    // without the rivers no line is recognised as one; the projects still load
  }
  return keys;
}

/** A line drawn by copying a river (most of its vertices are the river's): a corridor, not a course of its own. */
function followsRiver(geometry, rivers) {
  if (!rivers.size || !/LineString/.test(geometry?.type || '')) return false;
  const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
  let on = 0;
  let all = 0;
  for (const line of lines) for (const [x, y] of line) { all += 1; if (rivers.has(`${x},${y}`)) on += 1; }
  return all > 1 && on / all >= 0.8;
}

export function projectsLayer(app) {
  let rivers = new Set();
  const isCorridor = (f) => followsRiver(f.geometry, rivers);
  const style = (f) => {
    const p = f.properties;
    const cat = category(p.category);
    const approx = isApproximate(p.precision);
    const line = p.kind === 'line' || /Line/.test(f.geometry.type);
    if (isCorridor(f)) {
      return {
        className: `project-shape corridor ${classes(p)}`, color: cat.color, weight: 14, opacity: 0.2, dashArray: null, lineCap: 'round', lineJoin: 'round',
      };
    }
    return {
      className: `project-shape ${classes(p)}`,
      color: cat.color,
      weight: line ? (approx ? 2.5 : 4) : 2,
      opacity: approx ? 0.75 : 0.95,
      dashArray: approx ? '6 6' : null,
      fillColor: cat.color,
      fillOpacity: 0.2,
      lineCap: 'round',
    };
  };
  const title = (f) => app.i18n.name(f.properties);
  // Hovering an approximate project says so: its spot is not its site.
  const hoverText = (f) => (isCorridor(f) ? `${title(f)} · ${app.t('legend.corridorShort')}`
    : isApproximate(f.properties.precision) ? `${title(f)} · ${app.t(`precision.${f.properties.precision}`)}` : title(f));
  const marker = (f, latlng) => {
    const m = L.marker(latlng, { icon: icon(f.properties), riseOnHover: true, keyboard: true });
    // The hover tooltip shows the name; screen readers get it from aria-label (a title would duplicate it).
    m.on('add', () => {
      const el = m.getElement();
      el?.setAttribute('aria-label', title(f));
      if (el) el.dataset.id = String(f.id);
    });
    return m;
  };

  const layer = createFeatureLayer(app, {
    id: 'projects',
    collection: 'projects',
    pane: 'projectShapes',
    style,
    hoverStyle: (f) => ({ ...style(f), weight: style(f).weight + 2, opacity: 1 }),
    pointToLayer: marker,
    // An area known only as "these whole counties" would just repaint the counties: draw it as a hollow icon;
    // its extent is drawn when it is selected.
    toLayer: (f) => (isApproximate(f.properties.precision) && /Polygon/.test(f.geometry.type)
      ? marker(f, representativePoint(f.geometry)) : null),
    tooltip: hoverText,
    onRelabel: (f, l) => l.getElement?.()?.setAttribute('aria-label', title(f)),
    onClick: (f) => app.select({ type: 'project', id: String(f.id) }),
    filter: (f) => app.matches(f.properties) && (app.state.approxPoints || !isUnplaced(f)),
    cluster: {
      showCoverageOnHover: false,
      zoomToBoundsOnClick: false,
      maxClusterRadius: 56,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: clusterIcon,
      chunkedLoading: true,
    },
  });

  // Corridors are recognised against the rivers, so the rivers' features come first (the request is shared).
  const load = layer.load;
  layer.load = async () => {
    rivers = await riverVertices(app);
    return load();
  };

  // Many projects on one point cannot be separated by zooming: list them instead of a huge spiral.
  layer.clusters.on('clusterclick', (e) => {
    if (app.placing) return;
    const cluster = e.layer;
    const markers = cluster.getAllChildMarkers();
    const place = samePlace(markers);
    if (place && markers.length > 6) {
      app.select({ type: 'spot', id: `${place.lat.toFixed(5)},${place.lng.toFixed(5)}` }, { zoom: false });
    } else if (place || app.map.getZoom() >= app.map.getMaxZoom()) {
      cluster.spiderfy();
    } else {
      cluster.zoomToBounds({ padding: [30, 30] });
    }
  });
  return layer;
}
