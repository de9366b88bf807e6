// An analysis: its state while it runs, then its charts (the SVG the API serves) and a table of its numbers.
import { call, imageUrl } from './api.js';
import { h, replace, when, badge } from './dom.js';
import { numbersTables } from './numbers.js';

const ENDED = new Set(['Completed', 'Failed', 'Terminated']);

export async function renderAnalysis(view, id) {
  const head = h('div');
  const charts = h('section', { className: 'charts', 'aria-labelledby': 'charts-title' });
  const numbers = h('section', { className: 'numbers', 'aria-labelledby': 'numbers-title' });
  replace(view.element,
    h('p', {}, h('a', { href: '#/submit' }, '← Submit'), ' · ', h('a', { href: `#/instances/${encodeURIComponent(id)}` }, 'Instance and history')),
    head, charts, numbers);

  async function load() {
    const analysis = await call(`/analytics/${encodeURIComponent(id)}`);
    if (!view.active) return false;
    replace(head,
      h('h2', {}, analysis.task_name, ' ', badge(analysis.runtimeStatus)),
      h('dl', { className: 'facts' },
        h('dt', {}, 'Analysis id'), h('dd', { className: 'mono' }, analysis.id),
        h('dt', {}, 'Created'), h('dd', {}, when(analysis.createdTime)),
        h('dt', {}, 'Last updated'), h('dd', {}, when(analysis.lastUpdatedTime))),
      analysis.error ? h('p', { className: 'error', role: 'alert' }, analysis.error) : null);
    if (!ENDED.has(analysis.runtimeStatus)) return true;
    if (analysis.runtimeStatus === 'Completed' && analysis.output) await showResult(analysis.output);
    return false;
  }

  async function showResult(output) {
    replace(charts, h('h3', { id: 'charts-title' }, 'Charts'));
    for (const chart of output.charts ?? []) {
      const url = await imageUrl(chart.url);
      if (!view.active) return;
      charts.append(h('figure', { className: 'chart' },
        h('img', { src: url, alt: `${chart.name} chart of ${output.task_name}` }),
        h('figcaption', {}, chart.name, ' · ', h('a', { href: url, target: '_blank', rel: 'noopener' }, 'open SVG'))));
    }
    const result = await call(output.result_url);
    if (!view.active) return;
    replace(numbers, h('h3', { id: 'numbers-title' }, 'Numbers'), numbersTables(result));
  }

  if (await load()) view.poll(load, 1000);
}
