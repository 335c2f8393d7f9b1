// Small planar geometry helpers for the data build (lon/lat treated as plane coordinates,
// which is what RFC 7946 ring orientation and GeoJSON validity are defined on).

export const round6 = (v) => Math.round(v * 1e6) / 1e6;

/** Twice the signed shoelace area; > 0 means counter-clockwise. */
export function signedArea2(ring) {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return s;
}

export function dropRepeatedPoints(line) {
  return line.filter((p, i) => i === 0 || p[0] !== line[i - 1][0] || p[1] !== line[i - 1][1]);
}

const key = (p) => `${p[0]},${p[1]}`;

function orient(a, b, c) {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(a, b, p) {
  return Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0])
      && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
}

/** True when segments ab and cd meet anywhere other than at an endpoint they share. */
function segmentsConflict(a, b, c, d) {
  const shared = [a, b].filter((p) => key(p) === key(c) || key(p) === key(d)).length;
  const o1 = orient(a, b, c), o2 = orient(a, b, d), o3 = orient(c, d, a), o4 = orient(c, d, b);
  if (shared === 2) return false; // the same edge seen twice (a border shared by two counties)
  if (shared === 1) {
    // Sharing one endpoint is fine unless the segments are collinear and overlap.
    return o1 === 0 && o2 === 0 && (
      (key(a) !== key(c) && key(a) !== key(d) && onSegment(c, d, a)) ||
      (key(b) !== key(c) && key(b) !== key(d) && onSegment(c, d, b)) ||
      (key(c) !== key(a) && key(c) !== key(b) && onSegment(a, b, c)) ||
      (key(d) !== key(a) && key(d) !== key(b) && onSegment(a, b, d)));
  }
  if (o1 !== o2 && o3 !== o4) return true;
  return (o1 === 0 && onSegment(a, b, c)) || (o2 === 0 && onSegment(a, b, d))
      || (o3 === 0 && onSegment(c, d, a)) || (o4 === 0 && onSegment(c, d, b));
}

/**
 * Finds every pair of edges, across all given rings, that cross, touch or overlap other than at a
 * common vertex. Such a pair means a self-intersection or two polygons crossing each other.
 * Returns a list of human-readable descriptions (empty when the linework is clean).
 */
export function findEdgeConflicts(rings) {
  const edges = new Map();
  for (const { label, ring } of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i], b = ring[i + 1];
      const k = key(a) < key(b) ? `${key(a)};${key(b)}` : `${key(b)};${key(a)}`;
      if (!edges.has(k)) edges.set(k, { a, b, labels: [] });
      edges.get(k).labels.push(label);
    }
  }
  const list = [...edges.values()];
  const cell = 0.05;
  const grid = new Map();
  list.forEach((e, idx) => {
    for (let gx = Math.floor(Math.min(e.a[0], e.b[0]) / cell); gx <= Math.floor(Math.max(e.a[0], e.b[0]) / cell); gx++) {
      for (let gy = Math.floor(Math.min(e.a[1], e.b[1]) / cell); gy <= Math.floor(Math.max(e.a[1], e.b[1]) / cell); gy++) {
        const g = `${gx},${gy}`;
        if (!grid.has(g)) grid.set(g, []);
        grid.get(g).push(idx);
      }
    }
  });
  const conflicts = new Set();
  for (const members of grid.values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const e = list[members[i]], f = list[members[j]];
        if (segmentsConflict(e.a, e.b, f.a, f.b)) {
          conflicts.add(`${e.labels.join('/')} edge ${key(e.a)}-${key(e.b)} meets ${f.labels.join('/')} edge ${key(f.a)}-${key(f.b)}`);
        }
      }
    }
  }
  for (const e of list) {
    if (e.labels.length > 2 || new Set(e.labels).size < e.labels.length) {
      conflicts.add(`edge ${key(e.a)}-${key(e.b)} used by ${e.labels.join(', ')}`);
    }
  }
  return [...conflicts];
}

/** Distance in metres between two close lon/lat points (equirectangular on a sphere; fine below 10 km). */
export function metres(p, q) {
  const lat = ((p[1] + q[1]) / 2) * Math.PI / 180;
  return Math.hypot((p[0] - q[0]) * Math.cos(lat), p[1] - q[1]) * 111195;
}

export function bbox(coordsList) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of coordsList) {
    b[0] = Math.min(b[0], x); b[1] = Math.min(b[1], y);
    b[2] = Math.max(b[2], x); b[3] = Math.max(b[3], y);
  }
  return b;
}

/** One feature per line: small diffs in git, still plain GeoJSON. */
export function writeFeatureCollection(features, foreign = {}) {
  const head = JSON.stringify({ type: 'FeatureCollection', ...foreign }).slice(0, -1);
  return `${head},"features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}
