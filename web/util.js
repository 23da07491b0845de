// sitrep web map: colours, DOM and date helpers (docs/web.md).

// Everything from the database (names, holders, text) reaches the page as
// text: DOM nodes and textContent, never HTML strings (a control layer's
// name can be anything its GeoJSON says). Tables keyed by such values are
// Maps, so that a holder named "constructor" is just a name.
export const TYPE_COLORS = new Map(Object.entries({
  'Battles': '#d7301f',
  'Explosions/Remote violence': '#f08c00',
  'Violence against civilians': '#7a0177',
  'Strategic developments': '#4d6a80',
  'Protests': '#2b8cbe',
  'Riots': '#238b45',
  'Displacement': '#8c6d31',  // sitrep's own type: people fleeing or evacuated
}));
// Outline by claim status: solid for what a party or a confirmation
// stands behind, dashed for allegations, dotted for the unverified.
export const STATUS_STYLE = new Map(Object.entries({
  confirmed: { color: '#1b7837', dash: null },
  asserted: { color: '#08306b', dash: null },
  reported: { color: '#555555', dash: null },
  alleged: { color: '#d94801', dash: '4,3' },
  unverified: { color: '#888888', dash: '2,3' },
  denied: { color: '#b2182b', dash: '6,2' },
}));
// Control layers by holder; a holder's second and third layers (say, all
// occupied ground and the advances of one offensive) in other shades.
export const HOLDER_COLORS = new Map([['RUS', ['#d7301f', '#7f0000', '#fc8d59']], ['UKR', ['#2166ac', '#053061', '#67a9cf']]]);
export const OTHER_LAYER_COLORS = ['#6a51a3', '#8c510a', '#01665e', '#c51b7d'];
export const DAY_MS = 86400000;

export const $ = (id) => document.getElementById(id);
export const el = (tag, attrs, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v;
    else if (k === 'style') e.style.cssText = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
};
export const dayOf = (iso) => Math.round(Date.parse(iso + 'T00:00:00Z') / DAY_MS);
export const isoOf = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const fmt = (x, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const typeColor = (t) => TYPE_COLORS.get(t) || '#999999';
export const statusStyle = (s) => STATUS_STYLE.get(s) || STATUS_STYLE.get('reported');
// A status as a CSS border (the legend's rings, the list's badges).
export const statusBorder = (st) => `border-color:${st.color};border-style:${st.dash ? 'dashed' : 'solid'}`;
