// sitrep web map: what the page shows, shared by its modules (docs/web.md).
import { isoOf } from './util.js';

// What the page shows, exposed read-only for the browser test.
export const state = {
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
