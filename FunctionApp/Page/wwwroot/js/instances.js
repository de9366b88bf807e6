// Instances: the orchestrations table (filters, paging, refreshing while any runs) and one instance's detail
// (input, output, custom status, history timeline, operations), over the app's /api/instances.
import { call, ApiError } from './api.js';
import { h, replace, when, badge, jsonBlock, uid } from './dom.js';
import { progressCell } from './progress.js';
import { renderTimeline } from './timeline.js';

const STATUSES = ['Running', 'Pending', 'Suspended', 'Completed', 'Failed', 'Terminated'];
const LIVE = new Set(['Running', 'Pending', 'Suspended']);
const REFRESH_MS = 2000;

function field(label, input) {
  const id = input.id || uid('f');
  input.id = id;
  return h('div', { className: 'field' }, h('label', { htmlFor: id }, label), input);
}

export async function renderInstances(view) {
  const filters = { status: '', name: '', created_from: '', created_to: '' };
  const tokens = [null];
  const status = h('select', { name: 'status' }, h('option', { value: '' }, 'any'), STATUSES.map((s) => h('option', { value: s }, s)));
  const name = h('input', { name: 'name', type: 'search', placeholder: 'e.g. Analysis' });
  const from = h('input', { name: 'created_from', type: 'datetime-local', step: 1 });
  const to = h('input', { name: 'created_to', type: 'datetime-local', step: 1 });
  const body = h('tbody');
  const caption = h('caption', { className: 'visually-hidden' }, 'Orchestration instances');
  const pageInfo = h('span', { className: 'hint', 'aria-live': 'polite' });
  const previous = h('button', { type: 'button', disabled: true, onclick: () => { tokens.pop(); load(); } }, 'Previous page');
  const next = h('button', { type: 'button', disabled: true, onclick: () => { tokens.push(next.dataset.token); load(); } }, 'Next page');
  const form = h('form', { className: 'filters', 'aria-label': 'Filter instances', onsubmit: (event) => {
    event.preventDefault();
    filters.status = status.value;
    filters.name = name.value.trim();
    filters.created_from = from.value ? new Date(from.value).toISOString() : '';
    filters.created_to = to.value ? new Date(to.value).toISOString() : '';
    tokens.length = 1;
    load();
  } },
  field('Status', status), field('Name starts with', name), field('Created from', from), field('Created to', to),
  h('div', { className: 'field actions' }, h('button', { type: 'submit' }, 'Apply')));

  replace(view.element,
    h('h2', {}, 'Instances'),
    form,
    h('div', { className: 'table-wrap', tabIndex: 0, role: 'region', 'aria-label': 'Instances table' },
      h('table', { className: 'instances' }, caption,
        h('thead', {}, h('tr', {}, ['Name', 'Instance id', 'Status', 'Created', 'Last updated', 'Progress'].map((c) => h('th', { scope: 'col' }, c)))),
        body)),
    h('div', { className: 'pager' }, previous, next, pageInfo));

  let generation = 0;
  let shown = null;
  async function load() {
    const mine = ++generation;
    const page = await call('/instances', { query: { ...filters, continuation_token: tokens.at(-1), page_size: 25 } });
    if (mine !== generation || !view.active) return false;
    const live = page.instances.some((i) => LIVE.has(i.status));
    replace(pageInfo, `Page ${tokens.length}${live ? ' · refreshing while instances run' : ''}`);
    next.dataset.token = page.continuation_token ?? '';
    next.disabled = !page.continuation_token;
    previous.disabled = tokens.length <= 1;
    // Redraw only what changed, so that a reader tabbing through the table keeps their place.
    const text = JSON.stringify(page.instances);
    if (text === shown) return live;
    shown = text;
    replace(body, page.instances.length === 0
      ? h('tr', {}, h('td', { colSpan: 6, className: 'hint' }, 'No instances match.'))
      : page.instances.map((i) => h('tr', {},
        h('td', {}, i.name),
        h('td', { className: 'mono' }, h('a', { href: `#/instances/${encodeURIComponent(i.id)}` }, i.id)),
        h('td', {}, badge(i.status)),
        h('td', {}, when(i.created)),
        h('td', {}, when(i.last_updated)),
        h('td', {}, progressCell(h, i.custom_status)))));
    return live;
  }

  // Refresh while any listed instance runs (and, every few seconds, to show new ones while none does).
  let idle = 0;
  await load();
  view.poll(async () => {
    if (idle > 0) {
      idle -= 1;
      return true;
    }
    idle = (await load()) ? 0 : 2;
    return true;
  }, REFRESH_MS);
}

export async function renderInstance(view, id) {
  const header = h('div', { className: 'instance-head' });
  const actions = h('div', { className: 'actions', role: 'group', 'aria-label': 'Instance operations' });
  const message = h('p', { className: 'hint', role: 'status', 'aria-live': 'polite' });
  const details = h('div', { className: 'instance-details' });
  const timeline = h('section', { className: 'timeline-section', 'aria-labelledby': 'timeline-title' },
    h('h3', { id: 'timeline-title' }, 'History timeline'));
  replace(view.element,
    h('p', {}, h('a', { href: '#/instances' }, '← All instances')),
    header, actions, message, details, timeline);

  async function operate(label, path, body, confirmText) {
    if (confirmText && !window.confirm(confirmText)) return;
    replace(message, `${label}…`);
    message.className = 'hint';
    try {
      await call(`/instances/${encodeURIComponent(id)}${path}`, { method: path === '' ? 'DELETE' : 'POST', body });
      replace(message, `${label}: sent.`);
      if (path === '') {
        location.hash = '#/instances';
        return;
      }
      await load();
    } catch (error) {
      message.className = 'error';
      replace(message, h('strong', {}, error.title), error.detail ? `: ${error.detail}` : '');
    }
  }

  function renderActions(instance) {
    const live = LIVE.has(instance.status);
    const eventName = h('input', { name: 'event_name', placeholder: 'approval', required: true, pattern: '[A-Za-z0-9_.\\-]{1,128}' });
    const eventData = h('input', { name: 'event_data', placeholder: '{"approved": true}' });
    const eventError = h('p', { className: 'error', role: 'alert', hidden: true });
    replace(actions,
      h('button', { type: 'button', disabled: !live, onclick: () => operate('Terminate', '/terminate', { reason: 'terminated from the Fractal page' }, `Terminate ${id}?`) }, 'Terminate'),
      h('button', { type: 'button', disabled: !['Running', 'Pending'].includes(instance.status), onclick: () => operate('Suspend', '/suspend', {}) }, 'Suspend'),
      h('button', { type: 'button', disabled: instance.status !== 'Suspended', onclick: () => operate('Resume', '/resume', {}) }, 'Resume'),
      h('button', { type: 'button', disabled: live, onclick: () => operate('Purge', '', undefined, `Purge ${id} and its history?`) }, 'Purge'),
      h('form', { className: 'raise', onsubmit: (event) => {
        event.preventDefault();
        let data;
        eventError.hidden = true;
        try {
          data = eventData.value.trim() ? JSON.parse(eventData.value) : null;
        } catch (error) {
          eventError.hidden = false;
          replace(eventError, `Event data is not JSON: ${error.message}`);
          return;
        }
        operate(`Raise ${eventName.value}`, `/events/${encodeURIComponent(eventName.value)}`, data);
      } },
      field('Event name', eventName), field('Event data (JSON)', eventData),
      h('div', { className: 'field actions' }, h('button', { type: 'submit', disabled: !live }, 'Raise event')),
      eventError));
  }

  let last = null;
  async function load() {
    let instance;
    try {
      instance = await call(`/instances/${encodeURIComponent(id)}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        replace(header, h('h2', {}, 'Instance not found'), h('p', { className: 'error', role: 'alert' }, error.detail));
        replace(actions);
        return false;
      }
      throw error;
    }
    if (!view.active) return false;
    const changed = JSON.stringify(instance) !== last;
    last = JSON.stringify(instance);
    replace(header,
      h('h2', {}, instance.name, ' ', badge(instance.status)),
      h('dl', { className: 'facts' },
        h('dt', {}, 'Instance id'), h('dd', { className: 'mono' }, instance.id),
        h('dt', {}, 'Created'), h('dd', {}, when(instance.created)),
        h('dt', {}, 'Last updated'), h('dd', {}, when(instance.last_updated)),
        h('dt', {}, 'Progress'), h('dd', {}, progressCell(h, instance.custom_status) || '—')));
    if (changed) {
      renderActions(instance);
      replace(details,
        instance.failure ? h('section', { className: 'json' }, h('h3', {}, 'Failure'), h('p', { className: 'error' }, `${instance.failure.type}: ${instance.failure.message}`)) : null,
        jsonBlock('Custom status', instance.custom_status),
        jsonBlock('Input', instance.input),
        jsonBlock('Output', instance.output));
      const history = await call(`/instances/${encodeURIComponent(id)}/history`);
      if (view.active) renderTimeline(timeline, history);
    }
    return LIVE.has(instance.status);
  }

  if (await load()) view.poll(load, REFRESH_MS);
}
