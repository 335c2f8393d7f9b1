// The gazetteer (county seats and townships, GeoNames): a labelled orientation layer, shown from county zoom on,
// because at the city's zoom 90 labels would only cover the projects. Townships without a position are not drawn.
import { L } from '../leaflet.js';
import { createFeatureLayer } from './feature-layer.js';

export const PLACES_MIN_ZOOM = 10;

export function placesLayer(app) {
  const layer = createFeatureLayer(app, {
    id: 'places',
    collection: 'places',
    pane: 'places',
    pointToLayer: (f, latlng) => L.circleMarker(latlng, {
      pane: 'places',
      radius: f.properties.kind === 'county_seat' ? 4 : 3,
      className: `place-dot kind-${f.properties.kind}`,
      color: '#1d2733',
      weight: 1,
      fillColor: '#fff',
      fillOpacity: 1,
      interactive: false,
    }),
    label: (f) => app.i18n.name(f.properties),
    labelClass: 'place-label',
    labelOffset: () => [0, -10],
  });
  app.map.attributionControl.addAttribution('<a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)');
  let wanted = true;
  const apply = () => {
    const show = wanted && app.map.getZoom() >= PLACES_MIN_ZOOM;
    if (show && !app.map.hasLayer(layer.root)) layer.root.addTo(app.map);
    if (!show && app.map.hasLayer(layer.root)) layer.root.remove();
  };
  app.map.on('zoomend', apply);
  return {
    ...layer,
    setVisible(visible) {
      wanted = visible;
      apply();
    },
  };
}
