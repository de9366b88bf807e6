// Forms generated from the catalogs: an analysis' parameters (/api/analyses) and a model's JSON schema
// (/api/models). Each input carries the name the API reports in a problem's "field", so that an error is shown
// beside the input it names.
import { h, replace, uid } from './dom.js';

/** A labelled field: label, control, help, and the place where an error about it appears. */
export function labelled(name, labelText, control, help, required = false) {
  const id = uid(`field-${name}`);
  control.id = id;
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  control.setAttribute('aria-describedby', `${helpId} ${errorId}`);
  return h('div', { className: 'field', dataset: { field: name } },
    h('label', { htmlFor: id }, labelText, required ? h('span', { className: 'required', 'aria-hidden': 'true' }, ' *') : null),
    control,
    h('small', { id: helpId, className: 'hint' }, help ?? ''),
    h('p', { id: errorId, className: 'field-error error', role: 'alert', hidden: true }));
}

/** Clears every error of the form. */
export function clearErrors(form) {
  for (const error of form.querySelectorAll('.field-error, .form-error')) {
    error.hidden = true;
    replace(error);
  }
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
}

/**
 * Shows an API error beside the field it names (the field itself, args.x as x, params.x as x, descriptors[0].field
 * as descriptors), else at the top of the form. The problem's title and detail are both shown.
 */
export function showError(form, error) {
  const candidates = [];
  if (error.field) {
    const name = String(error.field);
    candidates.push(name, name.replace(/^(args|params)\./, ''));
    for (const cut of [name.replace(/^(args|params)\./, ''), name]) {
      const head = cut.split(/[.[]/)[0];
      candidates.push(head);
    }
  }
  const holder = candidates.map((name) => [...form.querySelectorAll('[data-field]')].find((f) => f.dataset.field === name)).find(Boolean);
  const target = holder?.querySelector('.field-error') ?? form.querySelector('.form-error');
  target.hidden = false;
  replace(target, h('strong', {}, error.title ?? 'Error'), error.detail ? ` — ${error.detail}` : '');
  const control = holder?.querySelector('input, select, textarea');
  if (control) {
    control.setAttribute('aria-invalid', 'true');
    control.focus();
  }
}

function datasetOptions(datasets, types) {
  return datasets
    .filter((d) => d.etl_state === 'SUCCESS' && (types.length === 0 || types.includes(d.data_type)))
    .map((d) => h('option', { value: d.data_id }, `${d.label} (${d.data_type})`));
}

function listOf(text) {
  return text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
}

function jsonOf(text, fallback) {
  return text.trim() ? JSON.parse(text) : fallback;
}

/**
 * Inputs for an analysis' parameters; answers {fields, read} where read() gives the args object (or throws a
 * {field, title, detail} for input the page itself cannot read, such as JSON that does not parse).
 */
export function analysisFields(parameters, datasets) {
  const readers = [];
  const fields = parameters.map((p) => {
    let control;
    let read;
    const help = [p.description, p.data_types?.length ? `Datasets of type ${p.data_types.join(' or ')}.` : ''].filter(Boolean).join(' ');
    switch (p.type) {
      case 'dataset':
        control = h('select', { name: p.name, required: p.required }, p.required ? null : h('option', { value: '' }, '(none)'), datasetOptions(datasets, p.data_types ?? []));
        read = () => control.value || undefined;
        break;
      case 'dataset_list':
        control = h('select', { name: p.name, multiple: true, size: 4 }, datasetOptions(datasets, p.data_types ?? []));
        read = () => [...control.selectedOptions].map((o) => o.value);
        break;
      case 'id_list':
        control = h('textarea', { name: p.name, rows: 2, placeholder: 'ids, separated by commas or spaces' });
        read = () => listOf(control.value);
        break;
      case 'id_lists':
        control = h('textarea', { name: p.name, rows: 3, placeholder: 'one subset per line: ids separated by commas or spaces' });
        read = () => control.value.split('\n').map(listOf).filter((l) => l.length > 0);
        break;
      case 'integer':
      case 'number':
        control = h('input', { name: p.name, type: 'number', step: p.type === 'integer' ? 1 : 'any', required: p.required, value: p.default ?? '' });
        read = () => (control.value === '' ? undefined : Number(control.value));
        break;
      case 'boolean':
        control = h('input', { name: p.name, type: 'checkbox', checked: p.default === true });
        read = () => control.checked;
        break;
      case 'object':
      case 'dataset_map':
        control = h('textarea', { name: p.name, rows: 3, className: 'mono', value: p.default ? JSON.stringify(p.default) : '' });
        read = () => readJson(p.name, control.value);
        break;
      default:
        control = p.allowed_values?.length
          ? h('select', { name: p.name, required: p.required }, p.allowed_values.map((v) => h('option', { value: v, selected: v === p.default }, v)))
          : h('textarea', { name: p.name, rows: 2, required: p.required, value: p.default ?? '' });
        read = () => control.value || undefined;
    }
    readers.push([p.name, read]);
    return labelled(p.name, p.name, control, help, p.required);
  });
  return { fields, read: () => collect(readers) };
}

/** Inputs for a JSON schema's properties (a model's parameters), filled with the model's example. */
export function schemaFields(schema, example) {
  const readers = [];
  const required = new Set(schema?.required ?? []);
  const fields = Object.entries(schema?.properties ?? {}).map(([name, property]) => {
    const value = example?.[name] ?? property.default;
    const type = Array.isArray(property.type) ? property.type.find((t) => t !== 'null') : property.type;
    let control;
    let read;
    if (property.enum) {
      control = h('select', { name, required: required.has(name) }, required.has(name) ? null : h('option', { value: '' }, '(none)'),
        property.enum.map((v) => h('option', { value: JSON.stringify(v), selected: v === value }, String(v))));
      read = () => (control.value === '' ? undefined : JSON.parse(control.value));
    } else if (type === 'integer' || type === 'number') {
      control = h('input', { name, type: 'number', step: type === 'integer' ? 1 : 'any', min: property.minimum ?? null, max: property.maximum ?? null, value: value ?? '' });
      read = () => (control.value === '' ? undefined : Number(control.value));
    } else if (type === 'boolean') {
      control = h('input', { name, type: 'checkbox', checked: value === true });
      read = () => control.checked;
    } else if (type === 'string') {
      control = h('input', { name, type: 'text', value: value ?? '' });
      read = () => (control.value === '' ? undefined : control.value);
    } else {
      control = h('textarea', { name, rows: 3, className: 'mono', value: value === undefined ? '' : JSON.stringify(value, null, 1) });
      read = () => readJson(name, control.value);
    }
    readers.push([name, read]);
    return labelled(name, property.title ?? name, control, property.description, required.has(name));
  });
  return { fields, read: () => collect(readers) };
}

function readJson(name, text) {
  try {
    return jsonOf(text, undefined);
  } catch (error) {
    throw { field: name, title: 'Not JSON', detail: error.message };
  }
}

function collect(readers) {
  const values = {};
  for (const [name, read] of readers) {
    const value = read();
    if (value !== undefined) values[name] = value;
  }
  return values;
}

/** The form-level error slot every generated form has. */
export function formError() {
  return h('p', { className: 'form-error error', role: 'alert', hidden: true });
}
