// sitrep web map: events per day (docs/web.md).
import { api, filterParams } from './api.js';
import { state } from './state.js';
import { $, dayOf, typeColor } from './util.js';
import { setDay } from './view.js';

let plot = null;
export async function loadTimeline() {
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

// The slider's line moved: redraw the chart without new data.
export function redrawTimeline() {
  if (plot) plot.redraw(false, false);
}

export function resizeTimeline() {
  if (plot) plot.setSize({ width: $('timeline').clientWidth, height: $('timeline').clientHeight });
}
