// sitrep web map: control of terrain (docs/web.md).
import { api } from './api.js';
import { controlLayer, layerColor } from './map.js';
import { state } from './state.js';
import { $, el, fmt, isoOf } from './util.js';

let controlRequest = 0;
export async function showControl() {
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
