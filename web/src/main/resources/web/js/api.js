// Talks to the server. Paths are relative so the atlas also works behind a path prefix.

async function getJson(url, signal) {
  const response = await fetch(url, { signal, headers: { Accept: 'application/geo+json, application/json' } });
  if (!response.ok) throw new Error(`${response.status} ${response.statusText} – ${url}`);
  return response.json();
}

export function createApi() {
  const collections = new Map();
  let stats = null;

  /** Whole collection; one request per layer (the promise is shared), following `next` only if the server pages. */
  const collection = (id) => {
    if (!collections.has(id)) {
      collections.set(id, (async () => {
        let page = await getJson(`api/collections/${encodeURIComponent(id)}/items?limit=10000`);
        const features = [...page.features];
        let next = page.links?.find((l) => l.rel === 'next');
        while (next && features.length < (page.numberMatched ?? Infinity)) {
          page = await getJson(next.href);
          features.push(...page.features);
          next = page.links?.find((l) => l.rel === 'next');
        }
        return features;
      })());
    }
    return collections.get(id);
  };

  const search = (q, signal) =>
    getJson(`api/collections/projects/items?q=${encodeURIComponent(q)}&limit=20`, signal);

  const loadStats = () => (stats ??= getJson('api/stats'));

  const config = () => getJson('config.json').catch(() => ({ baseLayers: [] }));

  return { collection, search, stats: loadStats, config };
}
