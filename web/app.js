// sitrep web map: events, control of terrain and the claims behind them,
// read from the sitrep serve API (docs/api.md). No build step, no network
// beyond the server it came from. This module starts the page; the others
// are its parts: util, state, api, map, events, control, timeline, claims,
// document, view (ES modules, loaded by the browser as they are).
import { api, showError } from './api.js';
import { loadClaims } from './claims.js';
import { showControl } from './control.js';
import { closeDocument } from './document.js';
import { loadPoints, showPoints } from './events.js';
import { initialView, legend, loadBasemap, map, toggleLabels } from './map.js';
import { state } from './state.js';
import { loadTimeline, resizeTimeline } from './timeline.js';
import { $, dayOf, el, fmt, isoOf } from './util.js';
import { readHash, saveHash, scheduled, setDay } from './view.js';

performance.mark('app start');

async function loadStats() {
  const s = await api('/api/stats');
  $('stats').textContent = `${fmt(s.documents)} documents · ${fmt(s.outlets)} outlets · ${fmt(s.claims)} claims · ` +
    `${fmt(s.events)} events · corroborated by 2+ sources: ${fmt(s.corroborated_groups)}` +
    (s.first_date ? ` · ${s.first_date} to ${s.last_date}` : '');
  return s;
}

async function reloadFiltered() {
  await loadPoints();
  showPoints();
  await Promise.all([loadTimeline(), loadClaims()]);
}

async function start() {
  legend();
  const wanted = readHash();
  // What the first paint needs is asked for at once; the date range comes
  // from the points and the control maps. The rest waits until the events
  // are drawn: on two cores the statistics' 50 ms of server time and the
  // outlines' parsing and drawing delayed them.
  const [layers] = await Promise.all([api('/api/layers'), loadPoints()]);
  state.layers = layers.layers;
  const days = state.layers.map((l) => dayOf(l.date));
  for (const pt of state.points) if (pt.day != null) days.push(pt.day);
  const today = dayOf(new Date().toISOString().slice(0, 10));
  state.minDay = days.length ? days.reduce((a, b) => Math.min(a, b)) : today;
  state.maxDay = days.length ? days.reduce((a, b) => Math.max(a, b)) : today;
  state.day = wanted.date ? Math.max(state.minDay, Math.min(state.maxDay, dayOf(wanted.date))) : state.maxDay;
  const controlDone = showControl().then(() => performance.mark('control'));
  const slider = $('date-slider');
  slider.min = '0';
  slider.max = String(state.maxDay - state.minDay);
  const ticks = $('map-dates');
  for (const l of state.layers) ticks.append(el('option', { value: String(dayOf(l.date) - state.minDay) }));
  slider.value = String(state.day - state.minDay);
  $('date-label').textContent = isoOf(state.day);
  showPoints();
  performance.mark('clustered');
  await controlDone;
  const view = initialView();
  if (wanted.view) map.setView([wanted.view[0], wanted.view[1]], wanted.view[2], { animate: false });
  else if (view) map.fitBounds(view, { maxZoom: 9, animate: false });
  toggleLabels();
  // First paint: the events and the control polygons drawn.
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  state.firstPaintMs = Math.round(performance.now());
  // Then the outlines (coarse, then fine), the counts, the chart and the list.
  const outlines = loadBasemap('110m').then(() => {
    performance.mark('basemap');
    state.outlinesMs = Math.round(performance.now());
    return loadBasemap('50m');
  });
  await Promise.all([loadStats(), loadTimeline(), loadClaims(), outlines]);
  state.ready = true;
  document.body.dataset.ready = 'true';
  saveHash();
  map.on('moveend', saveHash);

  slider.addEventListener('input', () => setDay(state.minDay + Number(slider.value)));
  $('window').addEventListener('change', () => setDay(state.day));
  $('close-document').addEventListener('click', closeDocument);
  const form = $('filters');
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('change', (e) => {
    if (e.target.name === 'in_view') scheduled(loadClaims, 0)();
    else scheduled(reloadFiltered, 0)();
    saveHash();
  });
  form.addEventListener('input', saveHash);
  for (const name of ['speaker', 'text']) form.elements[name].addEventListener('input', scheduled(reloadFiltered, 400));
  map.on('moveend', scheduled(loadClaims, 250));
  window.addEventListener('resize', resizeTimeline);
}

start().catch((e) => showError('could not load: ' + e.message));
