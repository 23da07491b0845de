// sitrep web map: the map, its layers, legend and place labels (docs/web.md).
import { state } from './state.js';
import { HOLDER_COLORS, OTHER_LAYER_COLORS, STATUS_STYLE, TYPE_COLORS, el, fmt, statusBorder } from './util.js';
import { openDocument } from './document.js';

export const map = L.map('map', { zoomControl: true, worldCopyJump: true, minZoom: 2, maxZoom: 12 })
  .setView([48.5, 34], 5);
map.attributionControl.setPrefix(false);
map.on('movestart', () => { state.moving = true; });
map.on('moveend', () => { state.moving = false; });
map.attributionControl.addAttribution('Outlines: Natural Earth via world-atlas');
const basemapRenderer = L.canvas({ padding: 0.2 });
const basemap = L.layerGroup().addTo(map);
export const controlLayer = L.geoJSON(null, {
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
export const clusters = L.markerClusterGroup({
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
export function layerColor(p) {
  if (!layerColors.has(p.layer)) {
    const shades = HOLDER_COLORS.get(p.holder) || OTHER_LAYER_COLORS;
    const used = [...layerColors.values()];
    layerColors.set(p.layer, shades.find((c) => !used.includes(c)) || shades[layerColors.size % shades.length]);
  }
  return layerColors.get(p.layer);
}

// Country outlines: the coarse 1:110m set for the first paint, then the
// 1:50m one in its place (it takes half a second to draw).
export async function loadBasemap(scale) {
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

export function legend() {
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

// Names of the places events happened at (the basemap has none), the
// 300 with most events, from zoom 7 on.
const labels = L.layerGroup();
export function labelPlaces() {
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
export function toggleLabels() {
  if (map.getZoom() >= 7) labels.addTo(map);
  else labels.remove();
}
map.on('zoomend', toggleLabels);

// Where the events are, and the control maps. Events placed at a
// country's centroid (a statement about "the United States") would zoom
// the map out to the world: they count only when there is nothing finer.
export function initialView() {
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
