// npm run bench:app [-- --sizes demo,1000000,10000000 --runs 5 --sessions 1 --lighthouse-runs 1 --reuse-data --no-lighthouse]
// Drives the built app in headless Chromium and prints, median of several cold loads: first map paint, engine ready,
// time to interactive; interaction latency p50/p95 for changing indicator, year and region, and what it adds to the raw
// engine time of the same queries in the same page (latency − engine); initial JS in KB brotli; and Lighthouse (mobile) scores.
// Figures, not pass/fail: these machines are shared and noisy.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { brotliCompressSync } from 'node:zlib';
import { Command } from 'commander';
import { chromium, type Page } from 'playwright-core';
import { generateDemo } from '../src/pipeline/demo/index.ts';
import { buildSnapshot } from '../src/pipeline/build.ts';
import { publishBoundaries } from '../src/pipeline/boundaries.ts';
import { REPO_ROOT } from '../src/pipeline/sql-files.ts';
import { CHROMIUM, CHROMIUM_ARGS, assertChromium, startServer } from '../test/e2e/harness.ts';
import { INDICATORS } from '../src/domain/indicators.ts';
import { indicatorMarker } from '../src/domain/indicators/sql.ts';

const o = new Command()
  .option('--sizes <list>', 'demo and/or victim row counts', 'demo,1000000,10000000')
  .option('--runs <n>', 'cold loads per size', '5')
  .option('--sessions <n>', 'interaction sessions per size (their interactions pooled for the percentiles)', '1')
  .option('--lighthouse-runs <n>', 'Lighthouse runs (median reported, every run listed)', '1')
  .option('--reuse-data', 'reuse the snapshot a previous run generated for the size (the app is still rebuilt)')
  .option('--no-lighthouse', 'skip Lighthouse')
  .parse().opts<{ sizes: string; runs: string; sessions: string; lighthouseRuns: string; reuseData?: boolean; lighthouse: boolean }>();
assertChromium();
const root = join(REPO_ROOT, 'bench-results', 'app');
mkdirSync(root, { recursive: true });

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };
const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] ?? NaN; };

/** A site (dist) built on the snapshot of one size, compressed like a production host would serve it. */
async function buildSite(size: string): Promise<string> {
  const dir = join(root, `size-${size}`);
  const pub = join(dir, 'public');
  if (!(o.reuseData && existsSync(join(pub, 'data', 'index.json')))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(pub, { recursive: true });
    cpSync(join(REPO_ROOT, 'public'), pub, { recursive: true, filter: (src) => !src.includes(join('public', 'data')) });
    publishBoundaries(pub);
    const raw = join(dir, 'raw');
    await generateDemo({ outDir: raw, ...(size === 'demo' ? {} : { scale: Number(size) }) });
    await buildSnapshot({ rawDir: raw, outDir: join(pub, 'data'), snapshotId: 'bench', k: 5, referenceDate: '2025-12-31', synthetic: true });
    rmSync(raw, { recursive: true, force: true });
  }
  const site = join(dir, 'site');
  execFileSync('npx', ['vite', 'build', '--outDir', site, '--emptyOutDir'], { cwd: REPO_ROOT, env: { ...process.env, PANTAU_PUBLIC_DIR: pub }, stdio: 'ignore' });
  execFileSync('npx', ['tsx', join(REPO_ROOT, 'scripts', 'compress-dist.ts'), site], { cwd: REPO_ROOT, stdio: 'ignore' });
  return site;
}

/** Brotli KB of the JavaScript the page needs before anything is lazy-loaded: the entry and its modulepreloads. */
function initialJsKb(site: string): number {
  const html = readFileSync(join(site, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  return files.reduce((n, f) => n + brotliCompressSync(readFileSync(join(site, f))).length, 0) / 1024;
}

interface ColdLoad { fcp: number; engineReady: number; interactive: number; landingInFirstPaint: boolean }

async function coldLoad(origin: string): Promise<ColdLoad> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(origin + '/');
    // The interactive map loads when the user reaches for it: reach for it as soon as it can be reached.
    await page.hover('.map-stage', { timeout: 120_000 });
    await page.waitForFunction(() => performance.getEntriesByName('pantau:map-idle').length > 0, undefined, { timeout: 120_000 });
    await page.waitForFunction(() => performance.getEntriesByName('pantau:engine-ready').length > 0, undefined, { timeout: 120_000 });
    return await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      engineReady: performance.getEntriesByName('pantau:engine-ready')[0]!.startTime,
      interactive: performance.getEntriesByName('pantau:map-idle')[0]!.startTime,
      landingInFirstPaint: document.getElementById('landing-map') !== null || document.querySelector('.choropleth') !== null,
    }));
  } finally {
    await browser.close();
  }
}

interface Interaction {
  kind: string;
  latency: number;
  /** Raw engine time (ms) of the interaction's own query (the in-page pantau:query measure of that SQL); 0 when cached. */
  engine: number;
  cached: boolean;
  /** Every query that ran during the interaction: its SQL's first line and engine ms (for the record). */
  queries: Array<{ sql: string; ms: number }>;
}

/**
 * What marks an indicator's queries in the page's pantau:query measures: the indicator path's SQL (family template
 * filled from the catalogue) starts with this line, and every request of the path (its year coverage, its filtered
 * rows) wraps that SQL.
 */
const sqlOf = (id: string) => indicatorMarker(INDICATORS.find((i) => i.id === id)!.id);

/**
 * One interaction measured inside the page: from the input event to the map drawn with the new values (data-painted).
 * Its raw engine time is that of the queries the interaction needs (`sql`: the indicator's marker line), measured by the runner
 * in the same page (prepare + execute + Arrow transfer); other queries running meanwhile are not counted against it.
 */
async function measure(page: Page, kind: string, act: { select?: string; range?: number; url?: string }, sql: string): Promise<Interaction> {
  return page.evaluate(async ({ kind, act, sql }) => {
    const wrap = document.querySelector<HTMLElement>('.choropleth')!;
    const before = wrap.dataset.painted;
    const t0 = performance.now();
    if (act.select !== undefined) {
      const el = document.querySelector<HTMLSelectElement>('select[id$="-select"]')!;
      Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(el, act.select);
      el.dispatchEvent(new Event('change', { bubbles: true }));
    } else if (act.range !== undefined) {
      const el = document.querySelector<HTMLInputElement>('input[type="range"]')!;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, String(act.range));
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    } else if (act.url !== undefined) {
      history.pushState(null, '', act.url);
      dispatchEvent(new PopStateEvent('popstate'));
    }
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no repaint after ${kind}`)), 60_000);
      const check = () => { if (wrap.dataset.painted !== before) { clearTimeout(timer); obs.disconnect(); resolve(); } };
      const obs = new MutationObserver(check);
      obs.observe(wrap, { attributes: true, attributeFilter: ['data-painted'] });
      check();
    });
    const latency = performance.now() - t0;
    const queries = (performance.getEntriesByName('pantau:query') as PerformanceMeasure[]).filter((e) => e.startTime >= t0)
      .map((e) => ({ sql: String((e.detail as { sql?: string } | null)?.sql ?? ''), ms: e.duration }));
    const own = queries.filter((q) => q.sql.includes(sql));
    const engine = own.reduce((n, q) => n + q.ms, 0);
    return { kind, latency, engine, cached: own.length === 0, queries: queries.map((q) => ({ sql: q.sql.split('\n')[0]!, ms: q.ms })) };
  }, { kind, act, sql });
}

/**
 * Waits until the app has settled after load: the map shows the engine's rows (not the landing slice) and no query or
 * table load has finished for a second. The first interaction is then not charged with the start-up queries.
 */
async function settled(page: Page): Promise<void> {
  await page.waitForSelector('.map-view[data-source="query"]', { timeout: 120_000 });
  await page.waitForFunction(() => {
    const last = Math.max(0, ...performance.getEntriesByType('measure').filter((e) => e.name.startsWith('pantau')).map((e) => e.startTime + e.duration));
    return performance.now() - last > 1000;
  }, undefined, { timeout: 120_000, polling: 200 });
}

async function interactions(origin: string): Promise<Interaction[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    // The default user (no reduced-motion preference): the drill-down jumps to the province either way.
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // tsx keeps function names with a helper that does not exist in the page: give it one.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.goto(origin + '/');
    await page.hover('.map-stage', { timeout: 120_000 });
    await page.waitForFunction(() => performance.getEntriesByName('pantau:map-idle').length > 0, undefined, { timeout: 120_000 });
    // Interaction latency of a ready app: the engine's boot is measured above, not charged to the first interaction.
    await page.waitForFunction(() => performance.getEntriesByName('pantau:engine-ready').length > 0, undefined, { timeout: 120_000 });
    await settled(page);
    const out: Interaction[] = [];
    const indicators = await page.$$eval('select[id$="-select"] option', (os) => os.map((x) => (x as HTMLOptionElement).value));
    let current = 'violence-victim-rate';
    for (const id of ['violence-victims', 'violence-cases', 'violence-victims-change', 'violence-victim-rate']) {
      if (!indicators.includes(id)) continue;
      out.push(await measure(page, 'indicator', { select: id }, sqlOf(id)));
      current = id;
    }
    for (const round of [0, 1]) {
      for (const i of [4, 3, 2, 1, 0, 5]) out.push({ ...(await measure(page, 'year', { range: i }, sqlOf(current))), kind: round ? 'year (again)' : 'year' });
    }
    for (const p of ['32', '35', '11', '91', '73', '32']) out.push(await measure(page, 'region', { url: `?l=regency&p=${p}` }, sqlOf(current)));
    return out;
  } finally {
    await browser.close();
  }
}

interface LighthouseRun { performance: number; accessibility: number; tbt: number; lcp: number }

async function lighthouse(origin: string, run: number): Promise<LighthouseRun> {
  const out = join(root, run === 0 ? 'lighthouse.json' : `lighthouse-${run}.json`);
  // Asynchronous: the static server answering Lighthouse runs in this same process.
  await promisify(execFile)('npx', ['lighthouse', `${origin}/`, '--output=json', `--output-path=${out}`, '--quiet', '--only-categories=performance,accessibility',
    `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`], { cwd: REPO_ROOT, env: { ...process.env, CHROME_PATH: CHROMIUM } });
  const r = JSON.parse(readFileSync(out, 'utf8')) as { categories: Record<string, { score: number }>; audits: Record<string, { numericValue?: number }> };
  return {
    performance: Math.round(r.categories.performance!.score * 100), accessibility: Math.round(r.categories.accessibility!.score * 100),
    tbt: Math.round(r.audits['total-blocking-time']?.numericValue ?? NaN), lcp: Math.round(r.audits['largest-contentful-paint']?.numericValue ?? NaN),
  };
}

const rows: string[] = [];
const results: unknown[] = [];
for (const size of o.sizes.split(',')) {
  const site = await buildSite(size);
  const server = await startServer(site);
  try {
    const loads: ColdLoad[] = [];
    for (let i = 0; i < Number(o.runs); i++) loads.push(await coldLoad(server.origin));
    const load0 = loadavg()[0]!;
    const acts: Interaction[] = [];
    for (let i = 0; i < Number(o.sessions); i++) acts.push(...(await interactions(server.origin)));
    const fresh = acts.filter((a) => !a.cached);
    const lat = (k?: string) => acts.filter((a) => !k || a.kind === k).map((a) => a.latency);
    const lhRuns: LighthouseRun[] = [];
    if (o.lighthouse && size === 'demo') for (let i = 0; i < Number(o.lighthouseRuns); i++) lhRuns.push(await lighthouse(server.origin, i));
    const lh = lhRuns.length === 0 ? null : {
      performance: median(lhRuns.map((x) => x.performance)), accessibility: median(lhRuns.map((x) => x.accessibility)), tbt: median(lhRuns.map((x) => x.tbt)), runs: lhRuns,
    };
    const r = {
      size, loadAverage: [load0, loadavg()[0]!],
      firstMapPaint: median(loads.map((l) => l.fcp)), engineReady: median(loads.map((l) => l.engineReady)), interactive: median(loads.map((l) => l.interactive)),
      landingInFirstPaint: loads.every((l) => l.landingInFirstPaint),
      p50: pct(lat(), 0.5), p95: pct(lat(), 0.95),
      byKind: Object.fromEntries(['indicator', 'year', 'year (again)', 'region'].map((k) => [k, { p50: pct(lat(k), 0.5), p95: pct(lat(k), 0.95) }])),
      engineP95: pct(fresh.map((a) => a.engine), 0.95),
      // What the app adds to the engine's time (target: <= 40 ms at the median): the ratio punished fast queries.
      overheadMedian: median(fresh.map((a) => a.latency - a.engine)), overheadP95: pct(fresh.map((a) => a.latency - a.engine), 0.95),
      initialJsKb: initialJsKb(site), lighthouse: lh, interactions: acts,
    };
    results.push(r);
    const f = (n: number) => Math.round(n).toLocaleString('en-US');
    rows.push(`| ${size} | ${f(r.firstMapPaint)} | ${f(r.engineReady)} | ${(r.firstMapPaint / r.engineReady).toFixed(2)}x | ${f(r.interactive)} | ${f(r.p50)} / ${f(r.p95)} | ${Object.entries(r.byKind).map(([k, v]) => `${k} ${f(v.p50)}/${f(v.p95)}`).join(', ')} | ${f(r.engineP95)} | ${f(r.overheadMedian)} / ${f(r.overheadP95)} | ${r.initialJsKb.toFixed(0)} | ${lh ? `${lh.performance} / ${lh.accessibility} (TBT ${f(lh.tbt)} ms; runs ${lh.runs.map((x) => x.performance).join(', ')})` : '–'} | ${r.loadAverage.map((x) => x.toFixed(1)).join(' → ')} |`);
    console.log(`bench:app ${size}: done`);
  } finally {
    await server.close();
  }
}
console.log([
  '',
  '| size | first map paint ms | engine ready ms | paint / engine | interactive ms | interaction p50 / p95 ms | by kind p50/p95 ms | raw engine p95 ms (fresh queries) | latency − engine, median / p95 ms | initial JS KB br | Lighthouse mobile perf / a11y | load average (1 min) |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows,
].join('\n'));
writeFileSync(join(root, 'bench-app.json'), JSON.stringify(results, null, 2) + '\n');
if (!existsSync(join(root, 'bench-app.json'))) process.exitCode = 1;
