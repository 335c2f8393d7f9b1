// Plan projects: category icons (clustered), routes as lines, areas as polygons.
// Positions known only to the county/city are hollow and dashed.
import { L } from '../leaflet.js';
import { category, isApproximate, token } from '../model.js';
import { createFeatureLayer } from './feature-layer.js';

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
  const size = Math.max(markerSize(), total < 10 ? 36 : total < 50 ? 42 : 48);
  return L.divIcon({
    className: 'project-cluster',
    html: `<span class="cl-ring" data-categories="${[...counts.keys()].map(token).join(',')}" style="background:conic-gradient(${stops.join(',')})"><span class="cl-count">${total}</span></span>`,
    iconSize: [size, size],
  });
}

export function projectsLayer(app) {
  const style = (f) => {
    const p = f.properties;
    const cat = category(p.category);
    const approx = isApproximate(p.precision);
    return {
      className: `project-shape ${classes(p)}`,
      color: cat.color,
      weight: p.kind === 'line' || /Line/.test(f.geometry.type) ? 4 : 2,
      opacity: 0.95,
      dashArray: approx ? '7 6' : null,
      fillColor: cat.color,
      fillOpacity: approx ? 0.06 : 0.2,
      lineCap: 'round',
    };
  };
  const title = (f) => app.i18n.name(f.properties);
  return createFeatureLayer(app, {
    id: 'projects',
    collection: 'projects',
    pane: 'projectShapes',
    style,
    hoverStyle: (f) => ({ ...style(f), weight: style(f).weight + 2 }),
    pointToLayer: (f, latlng) => {
      const marker = L.marker(latlng, { icon: icon(f.properties), riseOnHover: true, keyboard: true });
      // The hover tooltip shows the name; screen readers get it from aria-label (a title would duplicate it).
      marker.on('add', () => marker.getElement()?.setAttribute('aria-label', title(f)));
      return marker;
    },
    tooltip: (f) => title(f),
    onRelabel: (f, layer) => layer.getElement?.()?.setAttribute('aria-label', title(f)),
    onClick: (f) => app.select({ type: 'project', id: String(f.id) }),
    filter: (f) => app.matches(f.properties),
    cluster: {
      showCoverageOnHover: false,
      maxClusterRadius: 44,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: clusterIcon,
      chunkedLoading: true,
    },
  });
}
