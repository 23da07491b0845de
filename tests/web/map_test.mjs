// End-to-end test of the web map in headless Chromium (Debian's chromium,
// driven by playwright-core): `sitrep serve` over a database of the example
// reports, the test corpus and the example control layers; then a second
// database of at least 10,000 located events (scripts/make-corpus) for the
// first-paint measurement, which is printed, not asserted.
//
//   node tests/web/map_test.mjs [--sitrep build/sitrep] [--out DIR] [--screenshot FILE]
//
// Exit 0 when every check passed, 1 otherwise; 77 (skipped) without Chromium
// or playwright-core.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, mkdirSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
const sitrep = resolve(args.sitrep || join(root, 'build', 'sitrep'));
const out = resolve(args.out || join(root, 'build', 'web-test'));
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  console.log('web: skipped (playwright-core not installed: run scripts/setup)');
  process.exit(77);
}
if (!existsSync(chromiumPath)) {
  console.log(`web: skipped (no Chromium at ${chromiumPath}: apt-get install chromium, or run scripts/setup)`);
  process.exit(77);
}
if (!existsSync(sitrep)) {
  console.error(`web: no sitrep binary at ${sitrep} (scripts/build)`);
  process.exit(1);
}

let passed = 0, failed = 0;
function check(ok, what, detail) {
  if (ok) {
    passed++;
    console.log(`web: ok - ${what}`);
  } else {
    failed++;
    console.log(`web: FAIL - ${what}${detail !== undefined ? ': ' + JSON.stringify(detail) : ''}`);
  }
}

function run(...argv) {
  return execFileSync(sitrep, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

// `sitrep serve --port 0`; resolves with the page's address.
function serve(db, env = {}) {
  const child = spawn(sitrep, ['serve', '--db', db, '--port', '0'],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  return new Promise((ok, fail) => {
    let text = '';
    child.stdout.on('data', (d) => {
      text += d;
      const m = text.match(/map at (http:\/\/\S+\/) /);
      if (m) ok({ child, url: m[1] });
    });
    child.on('exit', (code) => fail(new Error(`sitrep serve exited ${code}: ${text}`)));
  });
}

const work = mkdtempSync(join(tmpdir(), 'sitrep-web-'));
mkdirSync(out, { recursive: true });
const servers = [];
const problems = [];  // console errors and warnings, failed requests
let browser;
try {
  // The test database: every kind of example, two control maps, checked.
  const db = join(work, 'map.db');
  try {
    run('ingest', '-q', '--db', db, ...['belgorod-evacuation.txt', 'kharkiv-strikes.txt', 'pokrovsk-front.html',
      'zaporizhzhia-plant.txt'].map((f) => join(root, 'examples', f)), join(root, 'tests', 'data', 'corpus'));
  } catch (e) {
    if (e.status !== 3) throw e;  // 3: the corpus's deliberately bad records
  }
  run('control', 'import', '--db', db, '--holder', 'RUS', join(root, 'examples', 'control'));
  run('verify', '--db', db);

  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const { child, url } = await serve(db);
  servers.push(child);
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('request', (r) => { if (!r.url().startsWith(url)) problems.push('request outside the server: ' + r.url()); });

  const response = await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  const csp = response.headers()['content-security-policy'] || '';
  check(/script-src 'self'/.test(csp) && /style-src 'self';/.test(csp) && response.headers()['x-frame-options'] === 'DENY',
    'the page is served with its Content-Security-Policy (and works under it: no console errors below)', response.headers());
  const state = () => page.evaluate(() => window.sitrep.state());
  let s = await state();
  check(s.points > 5, 'events with coordinates are loaded', s);
  check(s.shownPoints === s.points, 'at the last date with "all up to this date", every event is shown', s);
  const drawn = await page.evaluate(() => ({
    markers: document.querySelectorAll('.leaflet-overlay-pane path.leaflet-interactive').length,
    clusters: document.querySelectorAll('.leaflet-marker-pane .cluster').length,
    basemap: document.querySelectorAll('.leaflet-overlay-pane canvas').length,
  }));
  check(drawn.markers + drawn.clusters > 0, 'markers or clusters are drawn', drawn);
  check(drawn.basemap > 0, 'the offline basemap is drawn', drawn);
  check(s.polygons === 1, 'the control layer in force on the last date is drawn', s);
  let info = await page.textContent('#control-info');
  check(/map of 2024-10-01/.test(info) && /km²/.test(info), 'its date and area are stated', info);
  check(s.claims > 0, 'claims are listed', s);
  const legend = await page.textContent('.legend');
  check(/Battles/.test(legend) && /unverified/.test(legend), 'the legend names types and statuses', legend);
  check(await page.locator('#timeline canvas').count() > 0, 'the timeline is drawn');

  // The slider: to the first date, before any map, then to a date between the two maps.
  const slider = page.locator('#date-slider');
  await slider.focus();
  await page.keyboard.press('Home');
  await page.waitForFunction(() => window.sitrep.state().polygons === 0);
  s = await state();
  check(s.date === s.minDate, 'Home moves the slider to the first date', s);
  check(s.shownPoints < s.points, 'earlier, fewer events are shown', s);
  check(await page.textContent('#date-label') === s.minDate, 'the date label follows the slider');
  const between = await page.evaluate(() => {
    const st = window.sitrep.state();
    return Math.round((Date.parse('2024-09-20') - Date.parse(st.minDate)) / 86400000);
  });
  await slider.fill(String(between));
  await page.waitForFunction(() => window.sitrep.state().polygons === 1);
  info = await page.textContent('#control-info');
  check(/map of 2024-09-15/.test(info), 'on 2024-09-20 the map of 2024-09-15 is drawn', info);
  const midShown = (await state()).shownPoints;
  await page.selectOption('#window', '7');
  s = await state();
  check(s.shownPoints < midShown, 'a 7-day window shows fewer events than "all up to"', { midShown, s });
  // The view is in the address: a reload shows the same date and window.
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  s = await state();
  check(s.date === '2024-09-20' && await page.inputValue('#window') === '7' && s.shownPoints < midShown,
    'a reload keeps the date and the window (the address holds them)', { s, hash: await page.evaluate(() => location.hash) });
  await page.selectOption('#window', '0');
  await slider.focus();
  await page.keyboard.press('End');
  await page.waitForFunction(() => /2024-10-01/.test(document.querySelector('#control-info').textContent));

  // A filter and a claim click: the source with the span highlighted and its map verdict.
  await page.uncheck('input[name=in_view]');
  await page.fill('input[name=text]', 'kilometres');
  await page.waitForFunction(() => [...document.querySelectorAll('#claims li')].some((li) => /480/.test(li.textContent)) &&
    [...document.querySelectorAll('#claims li')].every((li) => /kilomet/i.test(li.textContent)));
  const item = page.locator('#claims li', { hasText: '480' }).first();
  const claimText = (await item.locator('.text').textContent()).trim();
  await item.click();
  await page.waitForSelector('#document:not([hidden]) mark.current');
  const mark = (await page.textContent('#doc-text mark.current')).trim();
  check(mark === claimText, 'a claim click opens its source with exactly its span highlighted', { mark, claimText });
  const verdict = await page.textContent('#doc-claim');
  check(/consistent/.test(verdict) && /477/.test(verdict), 'the claim\'s verdict against the map is shown', verdict);
  check(await page.isVisible('#doc-text mark.current'), 'the highlighted span is visible');
  const docText = await page.textContent('#doc-text');
  check(!/<p>|&rsquo;|<\/?article/.test(docText) && /Institute for the Study of War’s/.test(docText),
    'an HTML source is shown as its text, tags dropped and entities decoded', docText.slice(0, 300));
  await page.click('#close-document');
  check(await page.isVisible('#claims li'), 'closing the document returns to the claims');

  // The download links carry the list's selection; the file is the API's export.
  const csvHref = await page.getAttribute('#export-csv', 'href');
  check(/format=acled-csv/.test(csvHref) && /text=kilometres/.test(csvHref) && /until=/.test(csvHref),
    'the CSV link carries the filters and the date', csvHref);
  const csv = await page.evaluate(async (href) => (await fetch(href)).text(), csvHref);
  const csvLines = csv.trim().split('\n');
  check(/^event_id_cnty,event_date,year,/.test(csvLines[0]) && /claim_status/.test(csvLines[0]) &&
    csvLines.length === 2 && /480/.test(csvLines[1]), 'it downloads the one matching event as ACLED CSV',
    csvLines.slice(0, 3));
  // The GIS formats: the same selection, each a file of its format (its
  // first bytes), as the API's export writes it with GDAL.
  const magic = { gpkg: 'SQLite format 3', fgb: 'fgb', shp: 'PK' };
  for (const [format, start] of Object.entries(magic)) {
    const href = await page.getAttribute('#export-' + format, 'href');
    const got = await page.evaluate(async (h) => {
      const r = await fetch(h);
      const bytes = new Uint8Array(await r.arrayBuffer());
      return { status: r.status, type: r.headers.get('content-type'), head: String.fromCharCode(...bytes.slice(0, 15)),
        size: bytes.length };
    }, href);
    check(new RegExp('format=' + format + '&').test(href) && /text=kilometres/.test(href) &&
      got.status === 200 && got.head.startsWith(start), 'the ' + format + ' link downloads the selection as ' + format,
      { href, got });
  }
  // Control layers: every stored layer and date.
  const controlHref = await page.getAttribute('#export-control-geojson', 'href');
  const control = await page.evaluate(async (h) => (await fetch(h)).json(), controlHref);
  const layers = await page.evaluate(async () => (await fetch('/api/layers')).json());
  check(control.type === 'FeatureCollection' && control.features.length === layers.layers.length &&
    control.features.every((f) => /^\d{4}-\d\d-\d\d$/.test(f.properties.date) && f.properties.area_km2 > 0),
    'the control layers download as GeoJSON with their dates and areas', { features: control.features?.length });
  const controlGpkg = await page.evaluate(async () => {
    const r = await fetch(document.getElementById('export-control-gpkg').href);
    return String.fromCharCode(...new Uint8Array(await r.arrayBuffer()).slice(0, 15));
  });
  check(controlGpkg === 'SQLite format 3', 'the control layers download as a GeoPackage', controlGpkg);

  // The screenshot: every event, the claim opened from the unfiltered list.
  await page.fill('input[name=text]', '');
  await page.waitForFunction(() => window.sitrep.state().shownPoints === window.sitrep.state().points &&
    [...document.querySelectorAll('#claims li')].some((li) => !/kilomet/i.test(li.textContent)));
  await page.locator('#claims li', { hasText: '480' }).first().click();
  await page.waitForSelector('#document:not([hidden]) mark.current');
  // The claim's place is in view, ringed; a click on a cluster there opens it
  // (zooms in, or spreads out events at one point).
  const paths = () => page.locator('.leaflet-overlay-pane path.leaflet-interactive').count();
  const cluster = page.locator('.leaflet-marker-pane .cluster').first();
  // The map moves there with an animation, and the clusters re-form after it.
  await page.waitForFunction(() => !window.sitrep.state().moving &&
    document.querySelectorAll('.leaflet-marker-pane .cluster').length === 1, null, { timeout: 5000 }).catch(() => {});
  await page.waitForTimeout(300);  // markercluster's own animation
  check(await page.locator('.leaflet-marker-pane .cluster').count() === 1, 'the events at the claim\'s place are clustered');
  const pathsBefore = await paths();
  await cluster.click();
  await page.waitForFunction((n) => document.querySelectorAll('.leaflet-overlay-pane path.leaflet-interactive').length > n,
    pathsBefore, { timeout: 5000 }).catch(() => {});
  check(await paths() > pathsBefore, 'a click on the cluster shows its events', { pathsBefore, after: await paths() });
  await page.screenshot({ path: join(out, 'web-map.png') });
  if (args.screenshot) copyFileSync(join(out, 'web-map.png'), resolve(args.screenshot));
  await page.click('#close-document');
  // A marker (a circle: its path has arcs; the control polygon's has none)
  // opens its own source.
  await page.locator('.leaflet-overlay-pane path.leaflet-interactive[d*="a"]').first().click();
  await page.waitForSelector('#document:not([hidden]) mark.current');
  s = await state();
  check(s.openClaim !== null, 'a marker click opens its claim\'s source', s);
  await page.click('#close-document');

  // An unknown text query is the API's 400, said on the page, not a crash.
  problems.length = 0;
  await page.fill('input[name=text]', '"unbalanced');
  await page.waitForSelector('#error:not([hidden])');
  check(/text query/.test(await page.textContent('#error')), 'a malformed text query shows the API\'s message');
  // Chromium logs the 400 response itself; nothing else may appear.
  const others = problems.filter((p) => !/status of 400/.test(p));
  check(others.length === 0, 'no other console message for a bad query', others);
  problems.length = 0;
  await page.fill('input[name=text]', '');
  await page.waitForFunction(() => document.querySelector('#error').hidden);
  check(problems.length === 0, 'no console errors or warnings, no failed or outside requests', problems);
  await page.close();

  // A hostile database: script payloads in every field that reaches the
  // page. Made through the CLI (a document and two control maps we write);
  // then, with the sqlite3 shell when there is one, in the fields the
  // extractor fills itself (speaker, place, sub-type), as a database file
  // from elsewhere could have them. None may run, none may become markup,
  // and a holder named like an Object property must not break the page.
  {
    const hostile = join(work, 'hostile.db');
    const img = (tag) => `<img src=x onerror="window.__pwned='${tag}'">`;
    const script = (tag) => `<script>window.__pwned='${tag}'</script>`;
    writeFileSync(join(work, 'hostile.txt'), [
      '---', 'published: 2024-08-13', `outlet: ${img('outlet')} Wire`, `title: ${script('title')} Depot fire`,
      `url: https://example.org/"><svg onload="window.__pwned='url'">`, '---',
      `${img('heading')} Strikes near Kharkiv`, '',
      `The governor of Kharkiv said shelling hit the city overnight and ${img('claim')} killed two people.`, '',
      `"Drones struck ${script('quote')} a depot in Kharkiv," the mayor said on Monday.`, ''].join('\n'));
    run('ingest', '-q', '--db', hostile, join(work, 'hostile.txt'));
    const square = (lon, lat) => [[[lon, lat], [lon + 0.3, lat], [lon + 0.3, lat + 0.2], [lon, lat + 0.2], [lon, lat]]];
    const layer = (name, holder, lon) => JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature',
      properties: { date: '2024-08-13', layer: name, holder }, geometry: { type: 'Polygon', coordinates: square(lon, 49.8) } }] });
    writeFileSync(join(work, 'a.geojson'), layer(img('layer'), 'constructor', 35.6));
    writeFileSync(join(work, 'b.geojson'), layer(script('layer2'), '__proto__', 36.6));
    writeFileSync(join(work, 'c.geojson'), layer('toString', `${img('holder')}`, 37.2));
    for (const f of ['a', 'b', 'c']) run('control', 'import', '--db', hostile, join(work, f + '.geojson'));
    let sqlite = true;
    try {
      const q = (s) => `'${s.replace(/'/g, "''")}'`;
      execFileSync('sqlite3', [hostile,
        `UPDATE claims SET speaker = ${q(img('speaker'))}, speaker_role = ${q(script('role'))}, ` +
        `status_cue = ${q(img('cue'))}, sub_event_type = ${q(img('subtype'))}, actor1 = ${q(img('actor'))}; ` +
        `UPDATE claims SET event_type = 'constructor' WHERE id = (SELECT min(id) FROM claims WHERE event_type IS NOT NULL); ` +
        `UPDATE places SET name = ${q(img('place'))}, admin1 = ${q(script('admin1'))};`], { stdio: 'ignore' });
    } catch {
      sqlite = false;
      console.log('web: (no sqlite3 shell: the extractor-filled fields are not made hostile)');
    }
    const h = await serve(hostile);
    servers.push(h.child);
    const p = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors = [];
    p.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`); });
    p.on('pageerror', (e) => errors.push('page error: ' + e.message));
    p.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
    p.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()}: ${r.url()}`); });
    await p.goto(h.url);
    await p.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
    let hs = await p.evaluate(() => window.sitrep.state());
    check(hs.polygons === 3 && hs.claims > 0 && hs.points > 0,
      'a hostile database loads: its three control layers, claims and events', hs);
    // Hover every polygon (paths without arcs), then spread the events'
    // cluster and hover every marker (paths with arcs). The events go to the
    // paths themselves: the legend may cover a polygon's middle.
    const tips = [];
    const hoverAll = async (sel) => {
      const n = await p.locator('.leaflet-overlay-pane ' + sel).count();
      for (let i = 0; i < n; i++) {
        await p.locator('.leaflet-overlay-pane ' + sel).nth(i).evaluate((e) => {
          const r = e.getBoundingClientRect();
          const at = { bubbles: true, clientX: r.x + r.width / 2, clientY: r.y + r.height / 2 };
          e.dispatchEvent(new MouseEvent('mouseover', at));
          e.dispatchEvent(new MouseEvent('mousemove', at));
        });
        await p.waitForTimeout(50);
        tips.push(await p.evaluate(() => [...document.querySelectorAll('.leaflet-tooltip')].map((t) => t.textContent).join(' | ')));
        await p.locator('.leaflet-overlay-pane ' + sel).nth(i).dispatchEvent('mouseout');
      }
      return n;
    };
    const polygonsHovered = await hoverAll('path.leaflet-interactive:not([d*="a"])');
    await p.locator('.leaflet-marker-pane .cluster').first().dispatchEvent('click');
    await p.waitForFunction(() => document.querySelectorAll('.leaflet-overlay-pane path.leaflet-interactive[d*="a"]').length > 0,
      null, { timeout: 5000 }).catch(() => {});
    await p.waitForTimeout(400);  // markercluster's own animation
    const markersHovered = await hoverAll('path.leaflet-interactive[d*="a"]');
    check(polygonsHovered === 3 && markersHovered > 0, 'every polygon and marker hovered', { polygonsHovered, markersHovered });
    const tipText = tips.join(' | ');
    check(/<img src=x/.test(tipText) && /<script>/.test(tipText) && /constructor/.test(tipText),
      'control layer names and holders show in tooltips as text', tipText.slice(0, 400));
    if (sqlite) check(/subtype/.test(tipText), 'an event\'s sub-type shows in its tooltip as text', tipText.slice(0, 400));
    check(/<img src=x/.test(await p.textContent('#control-info')), 'the control info line shows layer names as text');
    // Open every claim's source.
    const items = await p.locator('#claims li[data-claim]').count();
    for (let i = 0; i < items; i++) {
      await p.locator('#claims li[data-claim]').nth(i).click();
      await p.waitForSelector('#document:not([hidden])');
      await p.locator('#doc-text mark').first().hover().catch(() => {});
      await p.click('#close-document');
    }
    await p.locator('#claims li[data-claim]').first().click();
    await p.waitForSelector('#document:not([hidden])');
    const panel = await p.textContent('#document');
    check(/<script>window.__pwned='title'/.test(panel) && /<img src=x onerror="window.__pwned='claim'/.test(panel),
      'document title, text and claims show their markup as text', panel.slice(0, 400));
    if (sqlite) check(/__pwned='speaker'/.test(panel) && /__pwned='place'/.test(panel), 'speaker and place show as text', panel.slice(0, 600));
    const injected = await p.evaluate(() => ({
      pwned: window.__pwned ?? null,
      elements: document.querySelectorAll('#panel img, #panel script, #panel svg, .leaflet-tooltip img, .leaflet-tooltip script, ' +
        '#control-info img, #control-info script, .leaflet-marker-pane img, .leaflet-marker-pane script').length,
    }));
    check(injected.pwned === null && injected.elements === 0, 'no payload ran and none became an element', injected);
    check(errors.length === 0, 'no console errors, failed requests or error responses on the hostile page', errors);
    await p.close();
  }

  // With an access token: the page opened once with ?token= keeps it in a
  // cookie and works; without it, the API is refused.
  {
    const token = 'web-test-token-0123456789';
    const t = await serve(db, { SITREP_TOKEN: token });
    servers.push(t.child);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const p = await context.newPage();
    const errors = [];
    p.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
    p.on('pageerror', (e) => errors.push(e.message));
    const refused = await p.goto(t.url + 'api/stats');
    check(refused.status() === 401, 'with a token set, a request without it is 401', refused.status());
    await p.waitForTimeout(200);  // Chromium's /favicon.ico for that page, also 401
    errors.length = 0;
    await p.goto(t.url + '?token=' + token);
    await p.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
    const st = await p.evaluate(() => window.sitrep.state());
    check(st.points > 5 && st.claims > 0 && !/token/.test(p.url()) && errors.length === 0,
      'opened once with ?token=, the page loads everything from its cookie (and the token leaves the address)',
      { url: p.url(), st, errors });
    await context.close();
  }

  // A database with no events and no maps yet: a usable page, no errors.
  const empty = join(work, 'empty.db');
  writeFileSync(join(work, 'quiet.txt'), '---\npublished: 2024-05-01\n---\nThe committee met on Tuesday.\n');
  run('ingest', '-q', '--db', empty, join(work, 'quiet.txt'));
  const third = await serve(empty);
  servers.push(third.child);
  {
    const p = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors = [];
    p.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(third.url);
    await p.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
    const shown = await p.textContent('#shown');
    const info = await p.textContent('#control-info');
    check(errors.length === 0 && /no events/.test(shown) && /No control maps/.test(info),
      'an empty database gives a page that says so, without errors', { errors, shown, info });
    await p.close();
  }

  // First paint with 10,000 events or more.
  const big = join(work, 'big.db');
  execFileSync('python3', [join(root, 'scripts', 'make-corpus'), '--mb', '8.2', '--out', join(work, 'big.jsonl')]);
  run('ingest', '-q', '--db', big, join(work, 'big.jsonl'));
  const second = await serve(big);
  servers.push(second.child);
  const times = [];
  let count = 0;
  for (let i = 0; i < 3; i++) {
    const p = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors = [];
    p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(second.url);
    await p.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
    const st = await p.evaluate(() => window.sitrep.state());
    const fcp = await p.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
    times.push({ firstPaintMs: st.firstPaintMs, outlinesMs: st.outlinesMs, fcp: fcp && Math.round(fcp) });
    count = st.shownPoints;
    if (i === 0) {
      check(errors.length === 0, 'no console errors with the large database', errors);
      const listed = (await p.evaluate(() => window.sitrep.state())).claims;
      await p.click('#claims li.more button');
      await p.waitForFunction((n) => window.sitrep.state().claims > n, listed);
      const after = (await p.evaluate(() => window.sitrep.state())).claims;
      check(listed === 100 && after === 200, '"Show 100 more" pages through the claims', { listed, after });
    }
    await p.close();
  }
  check(count >= 10000, 'the large database puts 10,000 events or more on the map', count);
  const median = times.map((t) => t.firstPaintMs).sort((a, b) => a - b)[1];
  console.log(`web: first paint with ${count.toLocaleString('en-US')} events on the map (navigation start to ` +
    `the events and control polygons drawn), 3 loads: ${times.map((t) => t.firstPaintMs).join(', ')} ms, ` +
    `median ${median} ms; country outlines drawn after them at ${times.map((t) => t.outlinesMs).join(', ')} ms; ` +
    `first contentful paint ${times.map((t) => t.fcp).join(', ')} ms`);
} catch (e) {
  failed++;
  console.log('web: FAIL - ' + (e.stack || e));
  for (const p of problems) console.log('web:   in the browser: ' + p);
} finally {
  if (browser) await browser.close();
  for (const c of servers) c.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
console.log(`web: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
