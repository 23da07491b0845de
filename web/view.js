// sitrep web map: the date slider and the view kept in the address (docs/web.md).
import { filterParams, showError } from './api.js';
import { loadClaims } from './claims.js';
import { showControl } from './control.js';
import { showPoints } from './events.js';
import { map } from './map.js';
import { state } from './state.js';
import { redrawTimeline } from './timeline.js';
import { $, isoOf } from './util.js';

// ---- date slider -------------------------------------------------------
export function setDay(day) {
  state.day = Math.max(state.minDay, Math.min(state.maxDay, day));
  $('date-slider').value = String(state.day - state.minDay);
  $('date-label').textContent = isoOf(state.day);
  redrawTimeline();
  showPoints();
  saveHash();
  scheduled(showControl, 120)();
  scheduled(loadClaims, 200)();
}

const timers = new Map();
export function scheduled(fn, ms) {
  return () => {
    clearTimeout(timers.get(fn));
    timers.set(fn, setTimeout(() => fn().catch((e) => showError(e.message)), ms));
  };
}

// The view in the address (#date=…&window=…&status=…&view=lat,lon,zoom),
// so that a reload or a shared link shows the same thing.
const FORM_FIELDS = ['status', 'type', 'speaker', 'text'];
export function saveHash() {
  if (!state.ready) return;
  const h = new URLSearchParams(filterParams());
  h.set('date', isoOf(state.day));
  if ($('window').value !== '0') h.set('window', $('window').value);
  if (!$('filters').elements.in_view.checked) h.set('inview', '0');
  const c = map.getCenter();
  h.set('view', `${c.lat.toFixed(4)},${c.lng.toFixed(4)},${map.getZoom()}`);
  history.replaceState(null, '', '#' + h);
}
export function readHash() {
  const h = new URLSearchParams(location.hash.slice(1));
  const form = $('filters');
  for (const name of FORM_FIELDS) if (h.has(name)) form.elements[name].value = h.get(name);
  if (['0', '1', '7', '30'].includes(h.get('window'))) $('window').value = h.get('window');
  if (h.get('inview') === '0') form.elements.in_view.checked = false;
  const view = (h.get('view') || '').split(',').map(Number);
  return {
    date: /^\d{4}-\d{2}-\d{2}$/.test(h.get('date') || '') ? h.get('date') : null,
    view: view.length === 3 && view.every(Number.isFinite) ? view : null,
  };
}
