// Submit: load data, run an analysis, start a task, with forms generated from /api/handlers, /api/analyses and
// /api/models. The API's validation errors appear beside the field they name.
import { call, ApiError } from './api.js';
import { h, replace } from './dom.js';
import { labelled, clearErrors, showError, analysisFields, schemaFields, formError } from './forms.js';

/** The demo cohort, as the README loads it: two numbers, a category, survival, 200 genes' expression and their read counts. */
const DEMO = {
  handler: 'demo',
  server: 'demo',
  options: { seed: 42 },
  descriptors: [
    { field: 'age', data_type: 'numerical' },
    { field: 'bmi', data_type: 'numerical' },
    { field: 'cohort', data_type: 'categorical' },
    { time_field: 'os_months', event_field: 'os_event', data_type: 'time_to_event', label: 'OS' },
    { field_prefix: 'g_', data_type: 'numerical_array', label: 'expression' },
    { field_prefix: 'r_', data_type: 'numerical_array', label: 'counts' },
  ],
};

async function catalog(path) {
  try {
    return { value: await call(path) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) throw error;
    return { error };
  }
}

async function submitting(form, send) {
  clearErrors(form);
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    await send();
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) showError(form, error);
  } finally {
    button.disabled = false;
  }
}

function loadForm(handlers) {
  const handler = h('select', { name: 'handler', required: true }, (handlers?.handlers ?? []).map((x) => h('option', { value: x.name }, x.name)));
  const server = h('input', { name: 'server', type: 'text', placeholder: 'https://… or demo' });
  const token = h('input', { name: 'token', type: 'password', autocomplete: 'off', placeholder: 'used for the source, never stored' });
  const options = h('textarea', { name: 'options', rows: 2, className: 'mono', placeholder: '{"seed": 42}' });
  const descriptors = h('textarea', { name: 'descriptors', rows: 6, className: 'mono', required: true, placeholder: '[{"field": "age", "data_type": "numerical"}]' });
  const form = h('form', { className: 'card', 'aria-labelledby': 'load-title', onsubmit: (event) => {
    event.preventDefault();
    submitting(form, async () => {
      const body = { handler: handler.value, server: server.value || undefined, auth: { token: token.value || 'none' } };
      for (const [name, control] of [['options', options], ['descriptors', descriptors]]) {
        if (!control.value.trim()) continue;
        try {
          body[name] = JSON.parse(control.value);
        } catch (error) {
          throw { field: name, title: 'Not JSON', detail: error.message };
        }
      }
      const accepted = await call('/data', { method: 'POST', body });
      sessionStorage.setItem('fractal.lastLoad', accepted.id ?? '');
      location.hash = '#/data';
    });
  } },
  h('h2', { id: 'load-title' }, 'Load data'),
  h('p', { className: 'hint' }, `Handlers this app runs: ${(handlers?.handlers ?? []).map((x) => x.name).join(', ') || 'none'}. Data types: ${(handlers?.data_types ?? []).join(', ')}.`),
  h('button', { type: 'button', className: 'secondary', onclick: () => {
    handler.value = DEMO.handler;
    server.value = DEMO.server;
    options.value = JSON.stringify(DEMO.options);
    descriptors.value = JSON.stringify(DEMO.descriptors, null, 1);
  } }, 'Fill in the demo cohort'),
  formError(),
  labelled('handler', 'Handler', handler, 'The ETL handler that reads the source.', true),
  labelled('server', 'Server', server, 'The source: a URL, or the name the handler takes.'),
  labelled('auth', 'Token', token, 'The source\'s token; sealed on its way to the activities.'),
  labelled('options', 'Options (JSON object)', options, 'Handler options, such as {"data": "id,age\\np1,34"} for csv.'),
  labelled('descriptors', 'Descriptors (JSON array)', descriptors, 'One dataset per descriptor: field, data_type, label.', true),
  h('button', { type: 'submit' }, 'Load'));
  return form;
}

function analysisForm(analyses, datasets) {
  const list = analyses?.analyses ?? [];
  const taskName = h('select', { name: 'task_name', required: true }, list.map((a) => h('option', { value: a.task_name }, a.task_name)));
  const description = h('p', { className: 'hint' });
  const fieldsBox = h('div', { className: 'generated' });
  let current = null;
  const choose = () => {
    const analysis = list.find((a) => a.task_name === taskName.value);
    replace(description, analysis?.description ?? '');
    current = analysis ? analysisFields(analysis.parameters, datasets) : null;
    replace(fieldsBox, current?.fields ?? []);
  };
  taskName.addEventListener('change', choose);
  const form = h('form', { className: 'card', 'aria-labelledby': 'analysis-title', onsubmit: (event) => {
    event.preventDefault();
    submitting(form, async () => {
      const accepted = await call('/analytics', { method: 'POST', body: { task_name: taskName.value, args: current?.read() ?? {} } });
      location.hash = `#/analyses/${encodeURIComponent(accepted.id)}`;
    });
  } },
  h('h2', { id: 'analysis-title' }, 'Run an analysis'),
  datasets.length === 0 ? h('p', { className: 'hint' }, 'This session has no datasets yet: load some first.') : null,
  formError(),
  labelled('task_name', 'Analysis', taskName, null, true),
  description,
  fieldsBox,
  h('button', { type: 'submit' }, 'Run'));
  choose();
  return form;
}

function taskForm(models) {
  const list = Array.isArray(models) ? models : models?.models ?? [];
  const model = h('select', { name: 'model', required: true }, list.map((m) => h('option', { value: m.name }, m.name)));
  const taskId = h('input', { name: 'task_id', type: 'text', placeholder: 'optional; a new id when empty' });
  const description = h('p', { className: 'hint' });
  const fieldsBox = h('fieldset', { className: 'generated' }, h('legend', {}, 'Parameters'));
  let current = null;
  const choose = () => {
    const chosen = list.find((m) => m.name === model.value);
    replace(description, chosen?.description ?? '');
    current = chosen ? schemaFields(chosen.parameters, chosen.example) : null;
    replace(fieldsBox, h('legend', {}, 'Parameters'), current?.fields ?? []);
  };
  model.addEventListener('change', choose);
  const form = h('form', { className: 'card', 'aria-labelledby': 'task-title', onsubmit: (event) => {
    event.preventDefault();
    submitting(form, async () => {
      const body = { model: model.value, params: current?.read() ?? {} };
      if (taskId.value.trim()) body.task_id = taskId.value.trim();
      const accepted = await call('/tasks', { method: 'POST', body });
      // The answer is the task instance's status payload; a task's instance id is task:{task id}.
      const id = body.task_id ?? String(accepted.id).replace(/^task:/, '');
      location.hash = `#/tasks/${encodeURIComponent(id)}`;
    });
  } },
  h('h2', { id: 'task-title' }, 'Start a task'),
  formError(),
  labelled('model', 'Model', model, null, true),
  description,
  fieldsBox,
  labelled('task_id', 'Task id', taskId, 'A task id that exists already starts nothing.'),
  h('button', { type: 'submit' }, 'Start'));
  choose();
  return form;
}

export async function renderSubmit(view) {
  replace(view.element, h('h2', {}, 'Submit'), h('p', { className: 'hint' }, 'Loading the catalogs…'));
  const [handlers, analyses, models, data] = await Promise.all([
    catalog('/handlers'), catalog('/analyses'), catalog('/models'), catalog('/data'),
  ]);
  if (!view.active) return;
  const datasets = data.value?.datasets ?? [];
  const unavailable = (what, result) => h('section', { className: 'card' }, h('h2', {}, what),
    h('p', { className: 'error', role: 'alert' }, `${result.error.title}${result.error.detail ? ` — ${result.error.detail}` : ''}`));
  replace(view.element,
    h('h2', { className: 'visually-hidden' }, 'Submit'),
    h('div', { className: 'forms' },
      handlers.error ? unavailable('Load data', handlers) : loadForm(handlers.value),
      analyses.error ? unavailable('Run an analysis', analyses) : analysisForm(analyses.value, datasets),
      models.error ? unavailable('Start a task', models) : taskForm(models.value)));
}
