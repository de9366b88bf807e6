// Small DOM helpers: elements are built with properties and children, never from HTML strings.

/** Creates an element: h('a', {href: '#/x', className: 'c'}, 'text', child). Attributes whose value is null are skipped. */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name in element && !name.includes('-')) element[name] = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces the children of element. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A date and time in the reader's locale, with seconds; empty for none. */
export function when(value) {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
}

/** JSON as indented text for a <pre>. */
export function pretty(value) {
  return value === undefined || value === null ? '—' : JSON.stringify(value, null, 2);
}

/** A labelled JSON block. */
export function jsonBlock(title, value) {
  return h('section', { className: 'json' }, h('h3', {}, title), h('pre', { tabIndex: 0 }, pretty(value)));
}

/** A status badge, coloured by status. */
export function badge(status) {
  return h('span', { className: `badge badge-${String(status).toLowerCase()}` }, status);
}

let uniqueCounter = 0;
/** An id unique within the page, for label/for pairs. */
export function uid(prefix) {
  uniqueCounter += 1;
  return `${prefix}-${uniqueCounter}`;
}
