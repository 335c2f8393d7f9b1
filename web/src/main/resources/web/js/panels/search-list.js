// Every project a search found, in the server's order (name, alias, county, summary matches), as a card of the
// detail panel (DOM): opened from the search box's "show all", each row opens its project.
import { isApproximate } from '../model.js';
import { h, markup } from '../dom.js';
import { categoryBadge } from './legend-parts.js';

/** @param list {query, total, features} from search.js's searchAll; features null while it loads */
export function searchListCard(app, list) {
  const t = app.t;
  const rows = (list.features || []).map((f) => {
    const p = f.properties;
    const counties = (p.counties || []).map((n) => app.i18n.name(app.index.countiesByName.get(n)?.properties) || n).join(' · ');
    return h('li', {}, h('button', { type: 'button', class: 'link-button', dataset: { searchItem: String(f.id) } },
      markup(categoryBadge(p.category, isApproximate(p.precision))),
      h('span', { class: 'search-text' }, h('span', { class: 'search-name' }, app.i18n.name(p)), counties ? h('span', { class: 'search-sub' }, counties) : null)));
  });
  return h('article', { class: 'card place-card search-list', dataset: { type: 'search' } },
    h('p', { class: 'kicker' }, h('span', {}, t('search.kicker'))),
    h('h2', { id: 'detail-title', class: 'card-title', tabindex: '-1' }, t('search.title', { q: list.query })),
    h('p', { class: 'note search-list-count' }, !list.features ? t('search.loading')
      : list.total > list.features.length ? t('search.count', { total: list.total, shown: list.features.length }) : t('search.note', { n: list.total })),
    list.features ? h('ol', { class: 'project-list' }, rows) : null);
}
