// A result's numbers as tables: its top-level values, each object of values, and each list of records (the first
// rows of long ones). Deeper structure is left to the JSON view beside it.
import { h } from './dom.js';

const MAX_ROWS = 25;

function scalar(value) {
  return value === null || ['number', 'string', 'boolean'].includes(typeof value);
}

function format(value) {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toPrecision(6).replace(/\.?0+(e|$)/, '$1');
  return value === null ? '—' : String(value);
}

function cell(value) {
  return h('td', { className: typeof value === 'number' ? 'number' : null }, format(value));
}

function keyValues(title, entries) {
  return h('div', { className: 'table-wrap', tabIndex: 0, role: 'region', 'aria-label': title },
    h('table', { className: 'key-values' }, h('caption', {}, title),
      h('tbody', {}, entries.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), cell(v))))));
}

function records(title, list) {
  const columns = [...new Set(list.slice(0, MAX_ROWS).flatMap((r) => Object.keys(r).filter((k) => scalar(r[k]))))];
  if (columns.length === 0) return null;
  const shown = list.slice(0, MAX_ROWS);
  const caption = list.length > MAX_ROWS ? `${title} (first ${MAX_ROWS} of ${list.length})` : `${title} (${list.length})`;
  return h('div', { className: 'table-wrap', tabIndex: 0, role: 'region', 'aria-label': title },
    h('table', {}, h('caption', {}, caption),
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, shown.map((r) => h('tr', {}, columns.map((c) => cell(r[c] ?? null)))))));
}

/** Tables for a result object. */
export function numbersTables(result) {
  if (!result || typeof result !== 'object') return h('p', {}, format(result));
  const entries = Object.entries(result);
  const top = entries.filter(([, v]) => scalar(v));
  const parts = [top.length ? keyValues('Summary', top) : null];
  for (const [key, value] of entries) {
    if (Array.isArray(value) && value.length && value.every((v) => v && typeof v === 'object' && !Array.isArray(v))) {
      parts.push(records(key, value));
    } else if (Array.isArray(value) && value.length && value.every(scalar)) {
      parts.push(keyValues(key, value.slice(0, MAX_ROWS).map((v, i) => [String(i + 1), v])));
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      const inner = Object.entries(value).filter(([, v]) => scalar(v));
      if (inner.length) parts.push(keyValues(key, inner));
    }
  }
  parts.push(h('details', {}, h('summary', {}, 'The result as JSON'), h('pre', { tabIndex: 0 }, JSON.stringify(result, null, 2).slice(0, 200000))));
  return parts.filter(Boolean);
}
