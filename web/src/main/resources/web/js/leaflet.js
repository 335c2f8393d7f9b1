// Leaflet is a classic script (from its webjar) that attaches to window.L; importing from here keeps the rest of
// the code free of globals.
export const L = window.L;
if (!L) {
  throw new Error('Leaflet did not load');
}
