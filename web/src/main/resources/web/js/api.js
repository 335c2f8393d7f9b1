// Talks to the server. Paths are relative so the atlas also works behind a path prefix.
// Every refusal becomes an ApiError carrying the server's {code, description, details} and status.

const GEOJSON = 'application/geo+json, application/json';
const PROJECT = (id) => `api/collections/projects/items/${encodeURIComponent(id)}`;
const ACTUAL = (id, year) => `api/indicators/${encodeURIComponent(id)}/actuals/${encodeURIComponent(year)}`;

export class ApiError extends Error {
  constructor(status, body, etag) {
    super(body?.description || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body?.code || `HTTP${status}`;
    this.description = body?.description || '';
    /** [{property, problem}] for a refused body (422/400), else []. */
    this.details = Array.isArray(body?.details) ? body.details : [];
    /** The current version's tag, sent with 412 so that the client can fetch what changed. */
    this.etag = etag;
  }
}

/** The session's CSRF token: the server sets it in a readable cookie (the session cookie itself is HttpOnly). */
function csrfToken() {
  const match = document.cookie.split('; ').find((c) => c.startsWith('atlas_csrf='));
  return match ? decodeURIComponent(match.slice('atlas_csrf='.length)) : null;
}

/** One request; resolves to {status, data, etag}, rejects with ApiError (HTTP) or the fetch error (network, abort). */
async function request(method, url, { body, contentType = 'application/json', etag, ifNoneMatch, signal, accept = GEOJSON, cache = 'default' } = {}) {
  const headers = { Accept: accept };
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }
  if (body !== undefined) headers['Content-Type'] = contentType;
  if (etag) headers['If-Match'] = etag;
  if (ifNoneMatch) headers['If-None-Match'] = ifNoneMatch;
  const response = await fetch(url, {
    method,
    signal,
    headers,
    credentials: 'same-origin',
    cache: method === 'GET' ? cache : 'no-store',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = response.status === 204 ? '' : await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = null; }
  }
  if (!response.ok) throw new ApiError(response.status, data, response.headers.get('ETag'));
  return { status: response.status, data, etag: response.headers.get('ETag') };
}

const getJson = async (url, signal) => (await request('GET', url, { signal })).data;

export function createApi() {
  const collections = new Map();

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

  return {
    collection,
    /** A page of the projects that match q, most relevant first (numberMatched says how many match in all). */
    /** Towns and townships of the gazetteer (only those with a position can be shown on the map). */
    searchPlaces: (q, signal) => getJson(`api/collections/places/items?q=${encodeURIComponent(q)}&limit=5`, signal),
    search: (q, signal, { offset = 0, limit = 20 } = {}) =>
      getJson(`api/collections/projects/items?q=${encodeURIComponent(q)}&limit=${limit}&offset=${offset}`, signal),
    /** A collection's extent, [west, south, east, north] in CRS84 (its features' bounding box), or null. */
    extent: async (id) => (await request('GET', `api/collections/${encodeURIComponent(id)}`, { accept: 'application/json' }))
      .data?.extent?.spatial?.bbox?.[0] || null,
    /** One GeoJSON tile of projects (its URL carries the query). */
    tile: (url, signal) => getJson(url, signal),
    /** One page of a collection's items for URLSearchParams (filters, q, sortby, offset, limit...). */
    items: (id, params, signal) => getJson(`api/collections/${encodeURIComponent(id)}/items?${params}`, signal),
    /** The statistics of the projects that items parameters select (a URLSearchParams string); all of them for ''. */
    statsOf: (query, signal) => getJson(query ? `api/stats?${query}` : 'api/stats', signal),
    config: () => getJson('config.json').catch(() => ({ baseLayers: [] })),

    // Session (auth/AuthRoutes on the server)
    /** The signed-in user, or null. Only a signed-in browser has the CSRF cookie: without it there is nothing to ask. */
    me: async () => {
      if (!csrfToken()) return null;
      try {
        return (await request('GET', 'auth/me', { accept: 'application/json', cache: 'no-store' })).data;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    login: async (username, password) =>
      (await request('POST', 'auth/login', { body: { username, password }, accept: 'application/json' })).data,
    logout: () => request('POST', 'auth/logout', { accept: 'application/json' }),

    // One project, with the ETag that a write must send back (OGC API – Features Part 4)
    project: async (id) => {
      const { data, etag } = await request('GET', PROJECT(id), { cache: 'no-store' });
      return { feature: data, etag };
    },
    createProject: async (feature) => {
      const { data, etag } = await request('POST', 'api/collections/projects/items', { body: feature, contentType: 'application/geo+json' });
      return { feature: data, etag };
    },
    patchProject: async (id, patch, etag) => {
      const { data, etag: next } = await request('PATCH', PROJECT(id), { body: patch, etag, contentType: 'application/merge-patch+json' });
      return { feature: data, etag: next };
    },
    deleteProject: (id, etag) => request('DELETE', PROJECT(id), { etag }),
    history: async (id) => (await request('GET', `${PROJECT(id)}/history`, { accept: 'application/json', cache: 'no-store' })).data,
    revert: async (id, version) => (await request('POST', `${PROJECT(id)}/history/${encodeURIComponent(version)}/revert`)).data,
    restore: async (id) => (await request('POST', `${PROJECT(id)}/restore`)).data,
    // The plan's indicators (表2) with the actual values recorded so far, and the economy of 2015–2020 (表1)
    indicators: async () => (await request('GET', 'api/indicators', { accept: 'application/json', cache: 'no-cache' })).data,
    economy: async () => (await request('GET', 'api/economy', { accept: 'application/json' })).data,
    /** A recorded value with the ETag that changing it needs. */
    actual: async (id, year) => {
      const { data, etag } = await request('GET', ACTUAL(id, year), { accept: 'application/json', cache: 'no-store' });
      return { actual: data, etag };
    },
    /** An admin's: the year's first value (etag null: If-None-Match: *) or a new one for it (If-Match: etag). */
    putActual: async (id, year, body, etag) => {
      const { data, etag: next } = await request('PUT', ACTUAL(id, year), { body, etag, ifNoneMatch: etag ? undefined : '*', accept: 'application/json' });
      return { actual: data, etag: next };
    },
    deletedProjects: async () =>
      (await request('GET', 'api/collections/projects/changes?deleted=true&limit=100', { accept: 'application/json', cache: 'no-store' })).data,
  };
}
