// Tasks (batch models): the list with status and progress, and one task's partitions' progress and output.
import { call } from './api.js';
import { h, replace, when, badge, jsonBlock } from './dom.js';
import { progressCell } from './progress.js';
import { numbersTables } from './numbers.js';

const LIVE = new Set(['Running', 'Pending', 'Suspended']);

export async function renderTasks(view) {
  const body = h('tbody');
  const more = h('button', { type: 'button', hidden: true }, 'More tasks');
  replace(view.element,
    h('h2', {}, 'Tasks'),
    h('p', {}, h('a', { href: '#/submit' }, 'Start a task')),
    h('div', { className: 'table-wrap', tabIndex: 0, role: 'region', 'aria-label': 'Tasks table' },
      h('table', {},
        h('thead', {}, h('tr', {}, ['Task id', 'Model', 'Status', 'Progress', 'Created', 'Last updated'].map((c) => h('th', { scope: 'col' }, c)))),
        body)),
    h('div', { className: 'pager' }, more));
  let token = null;
  const row = (t) => h('tr', {},
    h('td', { className: 'mono' }, h('a', { href: `#/tasks/${encodeURIComponent(t.id)}` }, t.id)),
    h('td', {}, t.model),
    h('td', {}, badge(t.status)),
    h('td', {}, progressCell(h, t.progress)),
    h('td', {}, when(t.created)),
    h('td', {}, when(t.last_updated)));
  async function page(append) {
    const answer = await call('/tasks', { query: { continuation_token: append ? token : null } });
    if (!view.active) return false;
    token = answer.continuation_token ?? null;
    more.hidden = !token;
    const rows = answer.tasks.map(row);
    if (append) body.append(...rows);
    else replace(body, rows.length ? rows : h('tr', {}, h('td', { colSpan: 6, className: 'hint' }, 'No tasks yet.')));
    return answer.tasks.some((t) => LIVE.has(t.status));
  }
  more.addEventListener('click', () => page(true).catch((error) => view.error(error)));
  if (await page(false)) view.poll(() => page(false), 2000);
}

export async function renderTask(view, id) {
  const box = h('div');
  replace(view.element,
    h('p', {}, h('a', { href: '#/tasks' }, '← All tasks'), ' · ', h('a', { href: `#/instances/${encodeURIComponent(`task:${id}`)}` }, 'Instance and history')),
    box);
  async function load() {
    const task = await call(`/tasks/${encodeURIComponent(id)}`);
    if (!view.active) return false;
    const p = task.progress ?? {};
    replace(box,
      h('h2', {}, task.model, ' ', badge(task.status)),
      h('dl', { className: 'facts' },
        h('dt', {}, 'Task id'), h('dd', { className: 'mono' }, task.id),
        h('dt', {}, 'Created'), h('dd', {}, when(task.created)),
        h('dt', {}, 'Last updated'), h('dd', {}, when(task.last_updated))),
      h('section', { className: 'task-progress', 'aria-labelledby': 'partitions-title' },
        h('h3', { id: 'partitions-title' }, 'Partitions'),
        h('p', {}, progressCell(h, p) || 'No partitions reported yet.'),
        p.message ? h('p', { className: 'hint' }, p.message) : null),
      task.error ? h('p', { className: 'error', role: 'alert' }, typeof task.error === 'string' ? task.error : JSON.stringify(task.error)) : null,
      jsonBlock('Parameters', task.params),
      task.output === undefined || task.output === null ? null
        : h('section', { className: 'numbers', 'aria-labelledby': 'output-title' }, h('h3', { id: 'output-title' }, 'Output'), numbersTables(task.output)));
    return LIVE.has(task.status);
  }
  if (await load()) view.poll(load, 1000);
}
