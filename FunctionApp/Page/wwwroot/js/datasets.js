// Data: the session's datasets (refreshing while any loads) and one dataset's meta with a paged preview of its rows.
import { call } from './api.js';
import { h, replace, when, badge, jsonBlock } from './dom.js';

const LOADING = new Set(['SUBMITTED', 'RUNNING']);
const PAGE_ROWS = 20;

export async function renderDatasets(view) {
  const body = h('tbody');
  const note = h('p', { className: 'hint', 'aria-live': 'polite' });
  replace(view.element,
    h('h2', {}, 'Data'),
    h('p', {}, 'The datasets of this page\'s session. ', h('a', { href: '#/submit' }, 'Load more')),
    note,
    h('div', { className: 'table-wrap', tabIndex: 0, role: 'region', 'aria-label': 'Datasets table' },
      h('table', { className: 'datasets' },
        h('thead', {}, h('tr', {}, ['Label', 'Type', 'State', 'Rows', 'Handler', 'Created'].map((c) => h('th', { scope: 'col' }, c)))),
        body)));
  let shown = null;
  async function load() {
    const { datasets } = await call('/data');
    if (!view.active) return false;
    const loading = datasets.some((d) => LOADING.has(d.etl_state));
    replace(note, datasets.length === 0 ? 'No datasets yet.' : loading ? 'Loading… this list refreshes until every dataset is loaded.' : `${datasets.length} datasets.`);
    const text = JSON.stringify(datasets);
    if (text !== shown) {
      shown = text;
      replace(body, datasets.map((d) => h('tr', {},
        h('td', {}, h('a', { href: `#/data/${encodeURIComponent(d.data_id)}` }, d.label)),
        h('td', {}, d.data_type),
        h('td', {}, badge(d.etl_state), d.etl_message ? h('span', { className: 'hint' }, ` ${d.etl_message}`) : null),
        h('td', { className: 'number' }, d.row_count ?? ''),
        h('td', {}, d.handler),
        h('td', {}, when(d.created)))));
    }
    return loading;
  }
  if (await load()) view.poll(load, 1000);
}

export async function renderDataset(view, id) {
  const meta = await call(`/data/${encodeURIComponent(id)}/meta`);
  if (!view.active) return;
  const rowsBody = h('tbody');
  const info = h('span', { className: 'hint', 'aria-live': 'polite' });
  let offset = 0;
  const previous = h('button', { type: 'button', onclick: () => show(Math.max(0, offset - PAGE_ROWS)) }, 'Previous rows');
  const next = h('button', { type: 'button', onclick: () => show(offset + PAGE_ROWS) }, 'Next rows');
  const preview = h('section', { 'aria-labelledby': 'preview-title' },
    h('h3', { id: 'preview-title' }, 'Rows'),
    h('div', { className: 'table-wrap', tabIndex: 0, role: 'region', 'aria-label': 'Rows of the dataset' },
      h('table', {}, h('thead', {}, h('tr', {}, ['id', 'feature', 'value'].map((c) => h('th', { scope: 'col' }, c)))), rowsBody)),
    h('div', { className: 'pager' }, previous, next, info));
  const m = meta.meta;
  replace(view.element,
    h('p', {}, h('a', { href: '#/data' }, '← All datasets')),
    h('h2', {}, m.label, ' ', badge(meta.etl_state)),
    h('dl', { className: 'facts' },
      h('dt', {}, 'Data id'), h('dd', { className: 'mono' }, m.data_id),
      h('dt', {}, 'Type'), h('dd', {}, m.data_type),
      h('dt', {}, 'Rows'), h('dd', {}, m.row_count ?? '—'),
      h('dt', {}, 'Features'), h('dd', {}, Array.isArray(m.features) ? `${m.features.length}: ${m.features.slice(0, 12).join(', ')}${m.features.length > 12 ? ', …' : ''}` : '—'),
      h('dt', {}, 'Handler'), h('dd', {}, m.handler),
      h('dt', {}, 'Created'), h('dd', {}, when(m.created))),
    meta.etl_message ? h('p', { className: 'error' }, meta.etl_message) : null,
    jsonBlock('Descriptor', meta.descriptor),
    meta.etl_state === 'SUCCESS' ? preview : h('p', { className: 'hint' }, 'Rows are shown once the dataset has loaded.'));

  async function show(from) {
    const page = await call(`/data/${encodeURIComponent(id)}/rows`, { query: { offset: from, limit: PAGE_ROWS } });
    if (!view.active) return;
    offset = from;
    replace(rowsBody, page.rows.map((r) => h('tr', {}, h('td', {}, r.id), h('td', {}, r.feature), h('td', { className: 'number' }, r.value ?? '—'))));
    replace(info, `Rows ${page.total === 0 ? 0 : offset + 1}–${offset + page.rows.length} of ${page.total}`);
    previous.disabled = offset === 0;
    next.disabled = offset + page.rows.length >= page.total;
  }
  if (meta.etl_state === 'SUCCESS') await show(0);
}
