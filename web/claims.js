// sitrep web map: the claims panel (docs/web.md).
import { api, filterParams, showError } from './api.js';
import { openDocument } from './document.js';
import { map } from './map.js';
import { state } from './state.js';
import { $, el, fmt, isoOf, statusBorder, statusStyle, typeColor } from './util.js';

const PAGE = 100;
let claimsRequest = 0;
let claimsShown = 0;
// The list's selection: the filters, the slider's window and the view.
function listParams() {
  const p = filterParams();
  p.set('until', isoOf(state.day));
  const w = Number($('window').value);
  if (w > 0) p.set('since', isoOf(state.day - w + 1));
  if ($('filters').elements.in_view.checked) {
    const b = map.getBounds();
    const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
    // Longitudes of a panned world copy back into -180..180; a view across
    // the antimeridian gives west > east, which the API understands.
    const span = b.getEast() - b.getWest();
    const west = (((b.getWest() + 180) % 360) + 360) % 360 - 180;
    const east = west + span > 180 ? west + span - 360 : west + span;
    const box = span >= 360 ? [-180, 180] : [west, east];
    p.set('bbox', [box[0], clamp(b.getSouth(), -90, 90), box[1], clamp(b.getNorth(), -90, 90)]
      .map((v) => v.toFixed(4)).join(','));
  }
  return p;
}

export async function loadClaims({ more = false } = {}) {
  const ticket = ++claimsRequest;
  const p = listParams();
  for (const format of ['acled-csv', 'geojson', 'gpkg', 'fgb', 'shp', 'jsonl']) {
    $('export-' + format.replace('acled-', '')).href = `/api/export?format=${format}&${p}`;
  }
  p.set('limit', String(PAGE));
  if (more) p.set('offset', String(claimsShown));
  const w = Number($('window').value);
  let body;
  try {
    body = await api('/api/claims?' + p);
  } catch (e) {
    if (ticket === claimsRequest) showError(e.message);
    return;
  }
  if (ticket !== claimsRequest) return;
  const list = $('claims');
  if (!more) {
    list.textContent = '';
    claimsShown = 0;
    list.scrollTop = 0;
  }
  list.querySelector('li.more')?.remove();
  for (const c of body.claims) list.append(claimItem(c));
  claimsShown += body.claims.length;
  state.claims = claimsShown;
  if (body.count === PAGE) {
    const button = el('button', { type: 'button' }, `Show ${PAGE} more`);
    button.addEventListener('click', () => loadClaims({ more: true }).catch((e) => showError(e.message)));
    list.append(el('li', { class: 'more' }, button));
  }
  $('claims-head').textContent = claimsShown === 0 ? 'No claims match.' :
    `${fmt(claimsShown)}${body.count === PAGE ? '+' : ''} claims, newest first` +
    (p.has('bbox') ? ', with a place in view' : '') + ` to ${isoOf(state.day)}` +
    (w > 0 ? ` (${w === 1 ? 'that day' : w + ' days'})` : '');
}

export function statusBadge(status) {
  const st = statusStyle(status);
  return el('span', { class: 'badge', style: statusBorder(st) }, status);
}
export function verdictBadge(check) {
  return check ? el('span', { class: 'verdict ' + check.verdict, title: check.detail || '' }, 'map: ' + check.verdict.replace(/_/g, ' ')) : null;
}

function claimItem(c) {
  const date = c.date_from ? (c.date_to && c.date_to !== c.date_from ? `${c.date_from} – ${c.date_to}` : c.date_from)
    : (c.source.published || 'undated');
  const type = c.event ? c.event.type : null;
  const li = el('li', { tabindex: '0', 'data-claim': String(c.id) },
    el('div', { class: 'meta' },
      statusBadge(c.status),
      el('span', {}, date),
      type ? el('span', {}, el('span', { class: 'swatch', style: `background:${typeColor(type)}` }), ' ', c.event.sub_type || type) : null,
      c.place ? el('span', {}, c.place.name) : null,
      c.corroboration > 1 ? el('span', { title: 'independent sources' }, `${c.corroboration} sources`) : null,
      verdictBadge(c.map_check)),
    el('div', { class: 'text' }, c.text),
    el('div', { class: 'meta' }, (c.speaker && c.speaker.name ? c.speaker.name + ' · ' : '') + (c.source.outlet || '')));
  const open = () => openDocument(c.document_id, c.id, { moveMap: true });
  li.addEventListener('click', open);
  li.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
  return li;
}
