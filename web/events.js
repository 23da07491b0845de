// sitrep web map: events on the map (docs/web.md).
import { api, filterParams } from './api.js';
import { clusters, labelPlaces } from './map.js';
import { state } from './state.js';
import { $, dayOf, fmt, statusStyle, typeColor } from './util.js';

let markers = [];  // one per point, made once per load
export async function loadPoints() {
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

function inWindow(day) {
  if (day == null) return true;  // undated events are always shown
  const w = Number($('window').value);
  return day <= state.day && (w === 0 || day > state.day - w);
}

export function showPoints() {
  const keep = markers.filter((m) => inWindow(m.sitrepPoint.day));
  clusters.clearLayers();
  clusters.addLayers(keep);
  state.shownPoints = keep.length;
  $('shown').textContent = !markers.length ? 'no events with a place (yet): sitrep ingest adds reports' :
    `${fmt(keep.length)} of ${fmt(markers.length)} events` +
    (state.truncated ? ' (the newest 50,000 with a place; filter to see older ones)' : '');
}
