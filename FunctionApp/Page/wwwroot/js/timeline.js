// An orchestration's history as bars: each activity, sub-orchestration and timer from scheduled to ended, on one
// time axis, so that a fan-out shows as bars side by side. The events are listed below the bars.
import { h, replace, when } from './dom.js';

const SINGULAR = { activity: 'activity', suborchestration: 'sub-orchestration', timer: 'timer' };
const PLURAL = { activity: 'activities', suborchestration: 'sub-orchestrations', timer: 'timers' };

function ms(value) {
  return new Date(value).getTime();
}

function seconds(milliseconds) {
  return milliseconds < 1000 ? `${Math.round(milliseconds)} ms` : `${(milliseconds / 1000).toFixed(2)} s`;
}

/** The most steps running at one time. */
function widest(bars, now) {
  const edges = bars.flatMap((b) => [[ms(b.scheduled), 1], [b.ended ? ms(b.ended) : now, -1]]);
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let running = 0;
  let most = 0;
  for (const [, step] of edges) {
    running += step;
    most = Math.max(most, running);
  }
  return most;
}

export function renderTimeline(section, history) {
  const title = section.querySelector('h3');
  const bars = [...history.bars].sort((a, b) => ms(a.scheduled) - ms(b.scheduled) || a.id - b.id);
  const now = Date.now();
  if (bars.length === 0) {
    replace(section, title, h('p', { className: 'hint' }, 'No activity, sub-orchestration or timer has been scheduled yet.'));
    return;
  }
  const start = Math.min(history.started ? ms(history.started) : Infinity, ...bars.map((b) => ms(b.scheduled)));
  // A step the instance ended without (terminated, failed) stops at the instance's end, marked unfinished.
  const finished = history.ended ? ms(history.ended) : null;
  const end = Math.max(finished ?? 0, ...bars.map((b) => (b.ended ? ms(b.ended) : finished ?? now)));
  const span = Math.max(end - start, 1);
  const rows = bars.map((bar) => {
    const from = ms(bar.scheduled);
    const to = bar.ended ? ms(bar.ended) : finished ?? now;
    const outcome = bar.ended || finished === null ? bar.outcome : 'unfinished';
    const label = `${bar.name} #${bar.id}`;
    const state = bar.ended ? `${bar.outcome} ${when(bar.ended)}` : finished === null ? 'still running' : 'not finished when the instance ended';
    const description = `${bar.kind} ${label}: scheduled ${when(bar.scheduled)}, ${state} (${seconds(to - from)})`;
    const fill = h('span', { className: `bar bar-${outcome}`, title: description });
    fill.style.left = `${((from - start) / span) * 100}%`;
    fill.style.width = `${Math.max(((to - from) / span) * 100, 0.6)}%`;
    return h('li', { className: 'timeline-row', dataset: { kind: bar.kind, outcome } },
      h('span', { className: 'timeline-label' }, label),
      h('span', { className: 'timeline-track', role: 'img', 'aria-label': description }, fill));
  });
  const counts = {};
  for (const bar of bars) counts[bar.kind] = (counts[bar.kind] ?? 0) + 1;
  replace(section,
    title,
    h('p', { className: 'hint' },
      Object.entries(counts).map(([kind, n]) => `${n} ${(n === 1 ? SINGULAR : PLURAL)[kind] ?? kind}`).join(', '),
      ` over ${seconds(span)}; at most ${widest(bars, finished ?? now)} at once.`),
    h('div', { className: 'timeline-axis', 'aria-hidden': 'true' },
      h('span'),
      h('span', { className: 'timeline-scale' }, h('span', {}, when(new Date(start))), h('span', {}, `+${seconds(span)}`))),
    h('ol', { className: 'timeline', 'aria-label': 'Steps by time scheduled' }, rows),
    h('details', {},
      h('summary', {}, `History events (${history.events.length})`),
      h('div', { className: 'table-wrap', tabIndex: 0, role: 'region', 'aria-label': 'History events' },
        h('table', {},
          h('thead', {}, h('tr', {}, ['Time', 'Event', 'Name', 'Id'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, history.events.map((e) => h('tr', {}, h('td', {}, when(e.time)), h('td', {}, e.type), h('td', {}, e.name ?? ''), h('td', {}, e.id))))))));
}
