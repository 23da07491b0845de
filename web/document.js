// sitrep web map: a source document with its claims marked (docs/web.md).
import { api, showError } from './api.js';
import { verdictBadge } from './claims.js';
import { map } from './map.js';
import { state } from './state.js';
import { $, el } from './util.js';

// The opened claim's place, ringed on the map.
const focusRing = L.circleMarker([0, 0], { radius: 14, weight: 3, color: '#f2b600', fill: false, interactive: false });

export async function openDocument(docId, claimId, { moveMap = false } = {}) {
  let d;
  try {
    d = await api('/api/documents/' + docId);
  } catch (e) {
    showError(e.message);
    return;
  }
  const claim = d.claims.find((c) => c.id === claimId) || null;
  $('doc-title').textContent = d.title || '(untitled)';
  $('doc-meta').textContent = [d.outlet, d.published, d.url, d.version > 1 ? 'version ' + d.version : null,
    d.near_duplicates.length ? `${d.near_duplicates.length} near-duplicate(s)` : null].filter(Boolean).join(' · ');
  const info = $('doc-claim');
  info.textContent = '';
  if (claim) {
    const rows = [
      ['status', claim.status + (claim.status_cue ? ` (“${claim.status_cue}”)` : '')],
      ['speaker', claim.speaker ? [claim.speaker.name, claim.speaker.role, claim.speaker.country].filter(Boolean).join(', ') : ''],
      ['event', claim.event ? `${claim.event.type} / ${claim.event.sub_type}` : ''],
      ['place', claim.place ? `${claim.place.name}${claim.place.admin1 ? ', ' + claim.place.admin1 : ''} (${claim.place.kind})` : ''],
      ['date', claim.date_from ? `${claim.date_from}${claim.date_to !== claim.date_from ? ' – ' + claim.date_to : ''}` : ''],
      ['quantities', claim.quantities.join('; ')],
      ['sources', claim.corroboration > 1 ? `${claim.corroboration} independent (${claim.group_status})` : '1'],
      ['contradiction', claim.contradiction || ''],
      ['map check', claim.map_check ? `${claim.map_check.verdict.replace(/_/g, ' ')}: ${claim.map_check.detail}` : 'none'],
    ].filter(([, v]) => v);
    info.append(el('strong', {}, 'Claim'), ' ', verdictBadge(claim.map_check) || '',
      el('dl', {}, ...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])));
  }
  renderText(d, claim);
  state.openClaim = claim ? claim.id : null;
  if (claim && claim.place && claim.place.lat != null) {
    focusRing.setLatLng([claim.place.lat, claim.place.lon]).addTo(map);
    if (moveMap) map.setView([claim.place.lat, claim.place.lon], Math.max(map.getZoom(), 10));
  } else {
    focusRing.remove();
  }
  $('claims').hidden = true;
  $('claims-head').hidden = true;
  $('document').hidden = false;
  // The claim's span in the middle of the panel (only the panel scrolls).
  const mark = $('doc-text').querySelector('mark.current');
  const panel = $('document');
  const below = mark ? mark.offsetTop + mark.offsetHeight - panel.clientHeight + 24 : 0;
  panel.scrollTop = below > 0 ? Math.max(0, mark.offsetTop - panel.clientHeight / 3) : 0;
}

// Spans are UTF-8 byte offsets into `raw`: cut the bytes into pieces
// (plain, claim, plain, ...), then decode each; an HTML document is shown
// as its visible text, piece by piece, so the marks stay on the claims.
function renderText(d, current) {
  const bytes = new TextEncoder().encode(d.raw);
  const decode = (a, b) => new TextDecoder().decode(bytes.subarray(a, b));
  const kept = [];
  const overlaps = (s) => kept.some((k) => s[0] < k.span[1] && k.span[0] < s[1]);
  if (current) kept.push(current);
  for (const c of d.claims) if (c !== current && !overlaps(c.span)) kept.push(c);
  kept.sort((a, b) => a.span[0] - b.span[0]);
  const pieces = [];
  let at = 0;
  for (const c of kept) {
    pieces.push({ text: decode(at, c.span[0]) }, { text: decode(c.span[0], c.span[1]), claim: c });
    at = c.span[1];
  }
  pieces.push({ text: decode(at, bytes.length) });
  if (d.format === 'html') htmlToText(pieces);
  const out = $('doc-text');
  out.textContent = '';
  for (const piece of pieces) {
    if (!piece.claim) {
      out.append(piece.text);
      continue;
    }
    const c = piece.claim;
    const m = el('mark', { class: c === current ? 'current' : '', title: `${c.status}${c.speaker && c.speaker.name ? ' · ' + c.speaker.name : ''}` },
      piece.text);
    m.addEventListener('click', () => openDocument(d.id, c.id));
    out.append(m);
  }
}

// The visible text of HTML cut into pieces: tags dropped (a tag may run
// across pieces), head/script/style skipped, block ends as blank lines,
// white space collapsed, entities decoded.
const BLOCK = new Set(['p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr', 'article', 'section',
  'header', 'footer', 'blockquote', 'figcaption', 'ul', 'ol', 'table', 'title']);
const SKIP = new Set(['head', 'script', 'style', 'noscript', 'template']);
function htmlToText(pieces) {
  let inTag = false, tag = '', skipping = null;
  const entities = new DOMParser();
  for (const piece of pieces) {
    let text = '';
    for (const ch of piece.text) {
      if (inTag) {
        if (ch !== '>') { tag += ch; continue; }
        inTag = false;
        const m = tag.match(/^(\/?)\s*([a-zA-Z][a-zA-Z0-9]*)/);
        tag = '';
        if (!m) continue;
        const [, closing, name] = [m[0], m[1], m[2].toLowerCase()];
        if (skipping) {
          if (closing && name === skipping) skipping = null;
        } else if (!closing && SKIP.has(name)) {
          skipping = name;
        } else if (BLOCK.has(name)) {
          text += '\u0001';
        }
        continue;
      }
      if (ch === '<') { inTag = true; continue; }
      if (!skipping) text += ch;
    }
    // No '<' is left, so parsing only decodes entities (the '.' keeps
    // leading white space, which the parser would drop).
    text = text.replace(/[ \t\r\n]+/g, ' ').replace(/ ?\u0001[\u0001 ]*/g, '\n\n');
    piece.text = text.includes('&') ? entities.parseFromString('.' + text, 'text/html').body.textContent.slice(1) : text;
  }
  pieces[0].text = pieces[0].text.replace(/^\s+/, '');
}

export function closeDocument() {
  focusRing.remove();
  $('document').hidden = true;
  $('claims').hidden = false;
  $('claims-head').hidden = false;
  state.openClaim = null;
}
