// sitrep web map: the sitrep serve API (docs/web.md).
import { $ } from './util.js';

export async function api(path) {
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => ({ error: res.statusText }));
  if (!res.ok) throw new Error(body.error || res.statusText);
  showError(null);
  return body;
}
export function showError(message) {
  const e = $('error');
  e.hidden = !message;
  e.textContent = message || '';
}
export function filterParams() {
  const form = $('filters');
  const p = new URLSearchParams();
  for (const name of ['status', 'type', 'speaker', 'text']) {
    const v = form.elements[name].value.trim();
    if (v) p.set(name, v);
  }
  return p;
}
