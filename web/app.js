// sitrep web map: events, control of terrain and the claims behind them,
// read from the sitrep serve API (docs/api.md). No build step, no network
// beyond the server it came from.
'use strict';
performance.mark('app start');

(function () {
  // Everything from the database (names, holders, text) reaches the page as
  // text: DOM nodes and textContent, never HTML strings (a control layer's
  // name can be anything its GeoJSON says). Tables keyed by such values are
  // Maps, so that a holder named "constructor" is just a name.
  const TYPE_COLORS = new Map(Object.entries({
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
  const STATUS_STYLE = new Map(Object.entries({
    confirmed: { color: '#1b7837', dash: null },
    asserted: { color: '#08306b', dash: null },
    reported: { color: '#555555', dash: null },
    alleged: { color: '#d94801', dash: '4,3' },
    unverified: { color: '#888888', dash: '2,3' },
    denied: { color: '#b2182b', dash: '6,2' },
  }));
  // Control layers by holder; a holder's second and third layers (say, all
  // occupied ground and the advances of one offensive) in other shades.
  const HOLDER_COLORS = new Map([['RUS', ['#d7301f', '#7f0000', '#fc8d59']], ['UKR', ['#2166ac', '#053061', '#67a9cf']]]);
  const OTHER_LAYER_COLORS = ['#6a51a3', '#8c510a', '#01665e', '#c51b7d'];
  const DAY_MS = 86400000;

  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v;
      else if (k === 'style') e.style.cssText = v;
      else e.setAttribute(k, v);
    }
    for (const c of children) if (c != null) e.append(c);
    return e;
  };
  const dayOf = (iso) => Math.round(Date.parse(iso + 'T00:00:00Z') / DAY_MS);
  const isoOf = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);
  const fmt = (x, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const typeColor = (t) => TYPE_COLORS.get(t) || '#999999';
  const statusStyle = (s) => STATUS_STYLE.get(s) || STATUS_STYLE.get('reported');
  // A status as a CSS border (the legend's rings, the list's badges).
  const statusBorder = (st) => `border-color:${st.color};border-style:${st.dash ? 'dashed' : 'solid'}`;

  // What the page shows, exposed read-only for the browser test.
  const state = {
    points: [],        // [{id, doc, lat, lon, day, type, status, corroboration, check}]
    shownPoints: 0,
    polygons: 0,
    claims: 0,
    minDay: 0,
    maxDay: 0,
    day: 0,
    layers: [],
    ready: false,
    truncated: false,  // /api/points gave its maximum
    firstPaintMs: null,  // events and polygons drawn (ms from navigation)
    outlinesMs: null,    // the coarse country outlines drawn after them
    moving: false,       // the map is panning or zooming
    openClaim: null,
  };
  window.sitrep = {
    state: () => ({
      points: state.points.length, shownPoints: state.shownPoints, polygons: state.polygons, claims: state.claims,
      date: isoOf(state.day), minDate: isoOf(state.minDay), maxDate: isoOf(state.maxDay), ready: state.ready,
      firstPaintMs: state.firstPaintMs, outlinesMs: state.outlinesMs, openClaim: state.openClaim, moving: state.moving,
      marks: performance.getEntriesByType('mark').map((m) => `${m.name} ${Math.round(m.startTime)}`).join(', '),
    }),
  };

  // ---- API ---------------------------------------------------------------
  async function api(path) {
    const res = await fetch(path, { headers: { Accept: 'application/json' } });
    const body = await res.json().catch(() => ({ error: res.statusText }));
    if (!res.ok) throw new Error(body.error || res.statusText);
    showError(null);
    return body;
  }
  function showError(message) {
    const e = $('error');
    e.hidden = !message;
    e.textContent = message || '';
  }
  function filterParams() {
    const form = $('filters');
    const p = new URLSearchParams();
    for (const name of ['status', 'type', 'speaker', 'text']) {
      const v = form.elements[name].value.trim();
      if (v) p.set(name, v);
    }
    return p;
  }

  // ---- map ---------------------------------------------------------------
  const map = L.map('map', { zoomControl: true, worldCopyJump: true, minZoom: 2, maxZoom: 12 })
    .setView([48.5, 34], 5);
  map.attributionControl.setPrefix(false);
  map.on('movestart', () => { state.moving = true; });
  map.on('moveend', () => { state.moving = false; });
  map.attributionControl.addAttribution('Outlines: Natural Earth via world-atlas');
  const basemapRenderer = L.canvas({ padding: 0.2 });
  const basemap = L.layerGroup().addTo(map);
  const controlLayer = L.geoJSON(null, {
    style: (f) => {
      const color = layerColor(f.properties);
      return { color, weight: 1.5, fillColor: color, fillOpacity: 0.22 };
    },
    onEachFeature: (f, layer) => {
      const p = f.properties;
      layer.bindTooltip(el('span', {}, `${p.layer} (held by ${p.holder || 'unknown'}), map of ${p.date}: ` +
        `${fmt(p.area_km2, 1)} km² / ${fmt(p.area_sq_mi, 1)} sq mi, boundary ${fmt(p.boundary_km, 1)} km`), { sticky: true });
    },
  }).addTo(map);
  const clusters = L.markerClusterGroup({
    chunkedLoading: true,
    showCoverageOnHover: false,
    // Clustered at every zoom: events at one place (a town named in many
    // reports) open up around it when their cluster is clicked.
    maxClusterRadius: 45,
    iconCreateFunction: (cluster) => {
      const n = cluster.getChildCount();
      const size = Math.round(26 + Math.min(24, 5 * Math.log10(n) * 2));
      return L.divIcon({
        html: el('div', { class: 'cluster', style: `width:${size}px;height:${size}px` }, String(n)),
        className: 'cluster-icon', iconSize: [size, size],
      });
    },
  }).addTo(map);
  // One handler for all markers (10,000 pairs of closures cost time at the
  // first paint); a tooltip is made on a marker's first hover.
  clusters.on('mouseover', (e) => {
    const m = e.layer, pt = m.sitrepPoint;
    if (!pt || m.getTooltip()) return;
    m.bindTooltip(el('span', {}, `${pt.date || 'undated'} · ${pt.subType || pt.type} · ${pt.status}` +
      (pt.corroboration > 1 ? ` · ${pt.corroboration} sources` : '') + (pt.check ? ` · map: ${pt.check}` : ''))).openTooltip();
  });
  clusters.on('click', (e) => {
    const pt = e.layer.sitrepPoint;
    if (pt) openDocument(pt.doc, pt.id);
  });

  // A layer keeps its colour for the whole session.
  const layerColors = new Map();
  function layerColor(p) {
    if (!layerColors.has(p.layer)) {
      const shades = HOLDER_COLORS.get(p.holder) || OTHER_LAYER_COLORS;
      const used = [...layerColors.values()];
      layerColors.set(p.layer, shades.find((c) => !used.includes(c)) || shades[layerColors.size % shades.length]);
    }
    return layerColors.get(p.layer);
  }

  // Country outlines: the coarse 1:110m set for the first paint, then the
  // 1:50m one in its place (it takes half a second to draw).
  async function loadBasemap(scale) {
    const res = await fetch(`vendor/world-atlas/countries-${scale}.json`);
    if (!res.ok) throw new Error(`basemap outlines missing (countries-${scale}.json: ${res.status})`);
    const world = await res.json();
    const countries = topojson.feature(world, world.objects.countries);
    // world-atlas is drawn for spherical projections: rings that cross the
    // antimeridian (Russia, Fiji) jump from 180 to -180, which a flat map
    // draws as a band across the world. Make their longitudes continuous.
    const unwrap = (ring) => {
      for (let i = 1; i < ring.length; i++) {
        while (ring[i][0] - ring[i - 1][0] > 180) ring[i][0] -= 360;
        while (ring[i][0] - ring[i - 1][0] < -180) ring[i][0] += 360;
      }
    };
    for (const f of countries.features) {
      const g = f.geometry;
      if (!g) continue;
      const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
      for (const poly of polygons) poly.forEach(unwrap);
    }
    const layer = L.geoJSON(countries, {
      renderer: basemapRenderer, interactive: false,
      style: { color: '#8a8f96', weight: 0.8, fillColor: '#f3f1ec', fillOpacity: 1 },
    });
    basemap.clearLayers();
    layer.addTo(basemap);
  }

  function legend() {
    const c = L.control({ position: 'bottomleft' });
    c.onAdd = () => {
      // Open when the map has room for it (it covers 360 px of height).
      const d = el('details', map.getSize().y >= 480 ? { class: 'legend', open: '' } : { class: 'legend' });
      d.append(el('summary', {}, 'Legend'));
      d.append(el('h4', {}, 'Event type (fill)'));
      for (const [t, color] of TYPE_COLORS) {
        d.append(el('div', {}, el('span', { class: 'swatch', style: `background:${color}` }), ' ', t));
      }
      d.append(el('h4', {}, 'Claim status (outline)'));
      for (const [s, st] of STATUS_STYLE) {
        d.append(el('div', {}, el('span', { class: 'ring', style: statusBorder(st) }), ' ', s));
      }
      d.append(el('h4', {}, 'Control (area)'));
      for (const [h, shades] of HOLDER_COLORS) {
        d.append(el('div', {}, el('span', { class: 'swatch', style: `background:${shades[0]};opacity:.5;border-radius:2px` }), ' held by ', h));
      }
      L.DomEvent.disableClickPropagation(d);
      return d;
    };
    c.addTo(map);
  }

  // ---- events on the map -------------------------------------------------
  let markers = [];  // one per point, made once per load
  async function loadPoints() {
    const p = filterParams();
    p.set('limit', '50000');
    const body = await api('/api/points?' + p);
    performance.mark('points fetched');
    state.truncated = body.count === 50000;
    const col = Object.fromEntries(body.columns.map((c, i) => [c, i]));
    state.points = body.points.map((r) => ({
      id: r[col.id], doc: r[col.document_id], lat: r[col.lat], lon: r[col.lon], place: r[col.place], kind: r[col.place_kind],
      day: r[col.date] ? dayOf(r[col.date]) : null, date: r[col.date], type: r[col.event_type],
      subType: r[col.sub_event_type], status: r[col.status], corroboration: r[col.corroboration], check: r[col.map_check],
    }));
    markers = state.points.map((pt) => {
      const st = statusStyle(pt.status);
      // An event placed only at a country's centroid is drawn smaller.
      const m = L.circleMarker([pt.lat, pt.lon], {
        radius: pt.kind === 'country' ? 5 : 7, weight: pt.kind === 'country' ? 2 : 3, color: st.color, dashArray: st.dash, fillColor: typeColor(pt.type), fillOpacity: 0.9,
      });
      m.sitrepPoint = pt;
      return m;
    });
    performance.mark('markers made');
    labelPlaces();
  }

  // Names of the places events happened at (the basemap has none), the
  // 300 with most events, from zoom 7 on.
  const labels = L.layerGroup();
  function labelPlaces() {
    const places = new Map();
    for (const pt of state.points) {
      const key = `${pt.place}|${pt.lat}|${pt.lon}`;
      const e = places.get(key) || { name: pt.place, lat: pt.lat, lon: pt.lon, n: 0 };
      e.n++;
      places.set(key, e);
    }
    labels.clearLayers();
    [...places.values()].sort((a, b) => b.n - a.n).slice(0, 300).forEach((p) => {
      const icon = L.divIcon({ className: 'place-label', html: '', iconSize: null, iconAnchor: [-9, 8] });
      const m = L.marker([p.lat, p.lon], { icon, interactive: false, keyboard: false });
      m.on('add', () => { m.getElement().textContent = p.name; });
      labels.addLayer(m);
    });
  }
  function toggleLabels() {
    if (map.getZoom() >= 7) labels.addTo(map);
    else labels.remove();
  }
  map.on('zoomend', toggleLabels);

  function inWindow(day) {
    if (day == null) return true;  // undated events are always shown
    const w = Number($('window').value);
    return day <= state.day && (w === 0 || day > state.day - w);
  }

  function showPoints() {
    const keep = markers.filter((m) => inWindow(m.sitrepPoint.day));
    clusters.clearLayers();
    clusters.addLayers(keep);
    state.shownPoints = keep.length;
    $('shown').textContent = !markers.length ? 'no events with a place (yet): sitrep ingest adds reports' :
      `${fmt(keep.length)} of ${fmt(markers.length)} events` +
      (state.truncated ? ' (the newest 50,000 with a place; filter to see older ones)' : '');
  }

  // ---- control of terrain ------------------------------------------------
  let controlRequest = 0;
  async function showControl() {
    const ticket = ++controlRequest;
    const fc = await api('/api/control?date=' + isoOf(state.day));
    if (ticket !== controlRequest) return;  // the slider moved on
    controlLayer.clearLayers();
    controlLayer.addData(fc);
    state.polygons = fc.features.length;
    const info = $('control-info');
    info.textContent = '';
    if (!fc.features.length) {
      info.textContent = state.layers.length ? 'No control map on or before this date.' : 'No control maps imported (sitrep control import).';
    } else {
      info.append('Control maps in force: ');
      fc.features.forEach((f, i) => {
        const p = f.properties;
        if (i) info.append(' · ');
        info.append(el('span', { class: 'swatch', style: `background:${layerColor(p)};opacity:.6;border-radius:2px` }),
          ` ${p.layer} (${p.holder || '?'}, map of ${p.date}): ${fmt(p.area_km2, 1)} km² / ${fmt(p.area_sq_mi, 1)} sq mi`);
      });
    }
  }

  // ---- timeline ----------------------------------------------------------
  let plot = null;
  async function loadTimeline() {
    const body = await api('/api/timeline?' + filterParams());
    const types = [...new Set(body.days.map((d) => d.event_type))].sort();
    const n = state.maxDay - state.minDay + 1;
    const xs = Array.from({ length: n }, (_, i) => (state.minDay + i) * 86400);
    const series = types.map(() => new Array(n).fill(0));
    for (const d of body.days) {
      const i = dayOf(d.date) - state.minDay;
      if (i >= 0 && i < n) series[types.indexOf(d.event_type)][i] += d.count;
    }
    const box = $('timeline');
    if (plot) plot.destroy();
    box.textContent = '';
    const bars = uPlot.paths.bars({ size: [0.9, 12] });
    plot = new uPlot({
      width: box.clientWidth || 600,
      height: box.clientHeight || 150,
      legend: { show: false },  // the map's legend gives the colours
      cursor: { drag: { x: false, y: false } },
      // A single day would be stretched over years: show a week around it.
      scales: { x: n > 1 ? { time: true } : { time: true, range: () => [(state.minDay - 3) * 86400, (state.minDay + 4) * 86400] } },
      axes: [{ space: 60 }, { size: 40, label: 'events', labelSize: 14 }],
      series: [{}].concat(types.map((t) => ({
        label: t, stroke: typeColor(t), fill: typeColor(t) + '99', paths: bars, points: { show: false },
      }))),
      hooks: {
        draw: [(u) => {
          // The slider's date as a vertical line.
          const x = Math.round(u.valToPos(state.day * 86400, 'x', true));
          const ctx = u.ctx;
          ctx.save();
          ctx.strokeStyle = '#1f2d3a';
          ctx.lineWidth = 2;
          ctx.beginPath();
          ctx.moveTo(x, u.bbox.top);
          ctx.lineTo(x, u.bbox.top + u.bbox.height);
          ctx.stroke();
          ctx.restore();
        }],
      },
    }, [xs].concat(series), box);
    // A click on the chart moves the slider to that day.
    plot.over.addEventListener('click', () => {
      const idx = plot.cursor.idx;
      if (idx != null) setDay(state.minDay + idx);
    });
  }

  // Where the events are, and the control maps. Events placed at a
  // country's centroid (a statement about "the United States") would zoom
  // the map out to the world: they count only when there is nothing finer.
  function initialView() {
    let bounds = null;
    const fine = state.points.filter((p) => p.kind !== 'country');
    const pts = fine.length ? fine : state.points;
    if (pts.length) bounds = L.latLngBounds(pts.map((p) => [p.lat, p.lon]));
    if (controlLayer.getLayers().length) {
      const c = controlLayer.getBounds();
      bounds = bounds ? bounds.extend(c) : c;
    }
    return bounds && bounds.pad(0.15);
  }

  // ---- claims panel ------------------------------------------------------
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

  async function loadClaims({ more = false } = {}) {
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

  function statusBadge(status) {
    const st = statusStyle(status);
    return el('span', { class: 'badge', style: statusBorder(st) }, status);
  }
  function verdictBadge(check) {
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

  // ---- source document with the claim's span -----------------------------
  // The opened claim's place, ringed on the map.
  const focusRing = L.circleMarker([0, 0], { radius: 14, weight: 3, color: '#f2b600', fill: false, interactive: false });

  async function openDocument(docId, claimId, { moveMap = false } = {}) {
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

  function closeDocument() {
    focusRing.remove();
    $('document').hidden = true;
    $('claims').hidden = false;
    $('claims-head').hidden = false;
    state.openClaim = null;
  }

  // ---- date slider -------------------------------------------------------
  function setDay(day) {
    state.day = Math.max(state.minDay, Math.min(state.maxDay, day));
    $('date-slider').value = String(state.day - state.minDay);
    $('date-label').textContent = isoOf(state.day);
    if (plot) plot.redraw(false, false);
    showPoints();
    saveHash();
    scheduled(showControl, 120)();
    scheduled(loadClaims, 200)();
  }

  const timers = new Map();
  function scheduled(fn, ms) {
    return () => {
      clearTimeout(timers.get(fn));
      timers.set(fn, setTimeout(() => fn().catch((e) => showError(e.message)), ms));
    };
  }

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

  // The view in the address (#date=…&window=…&status=…&view=lat,lon,zoom),
  // so that a reload or a shared link shows the same thing.
  const FORM_FIELDS = ['status', 'type', 'speaker', 'text'];
  function saveHash() {
    if (!state.ready) return;
    const h = new URLSearchParams(filterParams());
    h.set('date', isoOf(state.day));
    if ($('window').value !== '0') h.set('window', $('window').value);
    if (!$('filters').elements.in_view.checked) h.set('inview', '0');
    const c = map.getCenter();
    h.set('view', `${c.lat.toFixed(4)},${c.lng.toFixed(4)},${map.getZoom()}`);
    history.replaceState(null, '', '#' + h);
  }
  function readHash() {
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
    window.addEventListener('resize', () => {
      if (plot) plot.setSize({ width: $('timeline').clientWidth, height: $('timeline').clientHeight });
    });
  }

  start().catch((e) => showError('could not load: ' + e.message));
})();
