// The page's entry: asks for the function key once (session storage), then routes #/section/... to its view.
import { call, getKey, setKey, ApiError } from './api.js';
import { h, replace, uid } from './dom.js';
import { renderInstances, renderInstance } from './instances.js';
import { renderSubmit } from './submit.js';
import { renderDatasets, renderDataset } from './datasets.js';
import { renderAnalysis } from './analysis.js';
import { renderTasks, renderTask } from './tasks.js';

const main = document.getElementById('main');
const forget = document.getElementById('forget-key');

const routes = [
  [/^#\/instances\/(.+)$/, (view, [id]) => renderInstance(view, decodeURIComponent(id))],
  [/^#\/instances$/, (view) => renderInstances(view)],
  [/^#\/submit$/, (view) => renderSubmit(view)],
  [/^#\/data\/(.+)$/, (view, [id]) => renderDataset(view, decodeURIComponent(id))],
  [/^#\/data$/, (view) => renderDatasets(view)],
  [/^#\/analyses\/(.+)$/, (view, [id]) => renderAnalysis(view, decodeURIComponent(id))],
  [/^#\/tasks\/(.+)$/, (view, [id]) => renderTask(view, decodeURIComponent(id))],
  [/^#\/tasks$/, (view) => renderTasks(view)],
];

let current = null;

/** A view's lifetime: timers it starts stop when the reader goes elsewhere. */
class View {
  constructor(element) {
    this.element = element;
    this.timers = new Set();
    this.active = true;
  }

  /** Runs fn every ms milliseconds (after it finishes) until it answers false or the view closes. */
  poll(fn, ms) {
    const tick = async () => {
      if (!this.active) return;
      let again = false;
      try { again = await fn(); } catch (error) { again = false; this.error(error); }
      if (again && this.active) this.timers.add(setTimeout(tick, ms));
    };
    this.timers.add(setTimeout(tick, ms));
  }

  close() {
    this.active = false;
    for (const timer of this.timers) clearTimeout(timer);
  }

  /** Shows an API error at the top of the view (unless it was a refused key: the key form takes over). */
  error(error) {
    if (!this.active || (error instanceof ApiError && error.status === 401)) return;
    let box = this.element.querySelector(':scope > .view-error');
    if (!box) {
      box = h('div', { className: 'view-error error', role: 'alert' });
      this.element.prepend(box);
    }
    replace(box, h('strong', {}, error.title ?? 'Error'), error.detail ? `: ${error.detail}` : '');
  }
}

async function route() {
  current?.close();
  if (!getKey()) {
    askForKey();
    return;
  }
  forget.hidden = false;
  const hash = location.hash || '#/instances';
  const section = hash.split('/')[1];
  for (const link of document.querySelectorAll('nav a')) {
    if (link.dataset.section === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  replace(main);
  const view = new View(main);
  current = view;
  const match = routes.find(([pattern]) => pattern.test(hash));
  if (!match) {
    location.hash = '#/instances';
    return;
  }
  try {
    await match[1](view, match[0].exec(hash).slice(1));
  } catch (error) {
    view.error(error);
  }
}

function askForKey(message) {
  current?.close();
  current = null;
  forget.hidden = true;
  const id = uid('key');
  const input = h('input', { id, type: 'password', name: 'key', autocomplete: 'off', required: true, 'aria-describedby': `${id}-help` });
  const status = h('p', { className: message ? 'error' : 'hint', id: `${id}-help`, role: message ? 'alert' : null },
    message ?? 'The page calls the API with the app\'s function key (x-functions-key). It is kept in this tab only.');
  const form = h('form', { className: 'key-form card', onsubmit: async (event) => {
    event.preventDefault();
    setKey(input.value.trim());
    try {
      await call('/version');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        askForKey('That key was refused (401 Unauthorized): it is not a function key of this app. Enter the key again.');
      } else {
        askForKey(`The app could not check the key: ${error.title}${error.detail ? ` — ${error.detail}` : ''}`);
      }
      return;
    }
    route();
  } },
  h('h2', {}, 'Function key'),
  h('label', { htmlFor: id }, 'Key'),
  input,
  status,
  h('button', { type: 'submit' }, 'Continue'));
  replace(main, form);
  input.focus();
}

document.addEventListener('fractal:unauthorized', () =>
  askForKey('The app refused the key (401 Unauthorized). Enter the function key again.'));
forget.addEventListener('click', () => {
  setKey(null);
  askForKey();
});
window.addEventListener('hashchange', route);
route();
