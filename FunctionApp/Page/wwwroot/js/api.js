// Calls to the app's API: the function key from session storage as x-functions-key, the page's data session as
// X-Fractal-Session, errors as ApiError carrying the problem details (title, detail, field).

const KEY_ITEM = 'fractal.key';
const SESSION_ITEM = 'fractal.session';

/** The API's base path: the page is served at {base}/ui/, the API at {base}/. */
export const apiBase = location.pathname.replace(/\/ui(\/.*)?$/, '');

export class ApiError extends Error {
  constructor(status, problem, fallback) {
    const title = problem?.title ?? fallback;
    super(problem?.detail ?? title);
    this.status = status;
    this.title = title;
    this.detail = problem?.detail ?? '';
    this.field = problem?.field ?? null;
  }
}

export function getKey() {
  return sessionStorage.getItem(KEY_ITEM);
}

export function setKey(key) {
  if (key) sessionStorage.setItem(KEY_ITEM, key);
  else sessionStorage.removeItem(KEY_ITEM);
}

/** The page's data session (datasets belong to it), kept across tabs; made on first use. */
export function session() {
  let id = localStorage.getItem(SESSION_ITEM);
  if (!id) {
    id = `page-${crypto.randomUUID().replaceAll('-', '')}`;
    localStorage.setItem(SESSION_ITEM, id);
  }
  return id;
}

function url(path, query) {
  const target = new URL(path.startsWith(apiBase + '/') ? path : `${apiBase}${path}`, location.origin);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== null && value !== undefined && value !== '') target.searchParams.set(name, value);
  }
  return target;
}

/** Sends a request; answers the parsed JSON (or null for no content), throws ApiError for any error status. */
export async function call(path, { method = 'GET', body, query, raw = false } = {}) {
  const headers = { 'x-functions-key': getKey() ?? '', 'X-Fractal-Session': session() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(url(path, query), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (error) {
    throw new ApiError(0, null, `The app did not answer (${error.message}).`);
  }
  if (response.status === 401) {
    setKey(null);
    document.dispatchEvent(new CustomEvent('fractal:unauthorized'));
    throw new ApiError(401, null, 'The key was refused (401).');
  }
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { problem = null; }
    throw new ApiError(response.status, problem, `${response.status} ${response.statusText}`);
  }
  if (raw) return response;
  if (response.status === 204) return null;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** Fetches an image the API serves (it needs the key, so an <img> cannot load it itself) as an object URL. */
export async function imageUrl(path) {
  const response = await call(path, { raw: true });
  return URL.createObjectURL(await response.blob());
}
