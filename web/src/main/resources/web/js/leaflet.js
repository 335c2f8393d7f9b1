// Leaflet and the markercluster plugin are classic scripts (from their webjars) that attach to window.L;
// importing from here keeps the rest of the code free of globals.
export const L = window.L;
if (!L || !L.markerClusterGroup) {
  throw new Error('Leaflet or Leaflet.markercluster did not load');
}
