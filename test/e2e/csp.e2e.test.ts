import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../src/pipeline/sql-files.ts';
import { headersFor, parseHeadersFile } from './harness.ts';
import { DESKTOP, SITE, useSite } from './site.ts';

// The Content-Security-Policy as the deploy sends it: the built site served with the rules of its own `_headers`
// (as Netlify or Cloudflare Pages would), in Chromium. The header reaches the page and the workers' scripts; every
// view, the console and the exports work under it without a violation; a worker's fetch to another host and a
// blob: worker are refused by the policy (a <meta> policy alone would govern neither). When nginx is installed, the
// same is checked of deploy/nginx.conf's responses.

const headersFile = join(SITE.dist, '_headers');
const policy = headersFor(parseHeadersFile(readFileSync(headersFile, 'utf8')), '/')['Content-Security-Policy']!;
// A worker of the site (as the app's are) that tries to reach another host and reports what happened.
const PROBE = `
self.addEventListener('securitypolicyviolation', (e) => postMessage({ violation: e.effectiveDirective, blocked: e.blockedURI }));
fetch('http://127.0.0.2:9/steal').then(() => postMessage({ fetched: true }), (e) => postMessage({ failed: String(e) }));
`;
const site = useSite({ viewport: DESKTOP, headersFile, files: { '/probe.worker.js': { body: PROBE, type: 'text/javascript' } } });

describe('the Content-Security-Policy header (dist/_headers)', () => {
  it('comes with the page, the workers\' scripts and the engine', async () => {
    const assets = readdirSync(join(SITE.dist, 'assets'));
    const worker = assets.find((f) => /^duckdb-host\.worker-.*\.js$/.test(f))!;
    const decoder = assets.find((f) => /^decode\.worker-.*\.js$/.test(f))!;
    for (const path of ['/', '/index.html', `/assets/${worker}`, `/assets/${decoder}`, '/data/index.json']) {
      const res = await fetch(`${site.origin}${path}`);
      expect(res.headers.get('content-security-policy'), path).toBe(policy);
    }
    expect(policy).toContain("worker-src 'self';");
    expect(policy).toContain("connect-src 'self';");
  });

  it('lets every view, the console and an export work without a violation', async () => {
    const page = site.page;
    const violations: string[] = [];
    page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
    // The interactive map (MapLibre and its worker) is drawn once asked for.
    await page.goto(`${site.origin}/?v=map`);
    // Reaching for the map loads it (the static first paint shows until then): the pointer entering it, or the button
    // (which a pointer already over the map may have made go away).
    await page.hover('.map-stage', { timeout: 60_000 });
    if (await page.locator('.map-activate').isVisible()) await page.click('.map-activate');
    await page.waitForFunction(() => performance.getEntriesByName('pantau:map-idle').length > 0, undefined, { timeout: 120_000 });
    for (const [v, drawn] of [['profile', '[data-figure]'], ['violence', '[data-figure-id="violence-type"] .chart svg'], ['lksa', '[data-figure="institutions"]'],
      ['kla', '[data-section="kla-categories"] .chart svg'], ['data', '.data-table tbody tr']] as const) {
      await page.goto(`${site.origin}/?v=${v}`);
      await page.waitForSelector(drawn, { timeout: 60_000 });
    }
    await page.goto(`${site.origin}/?v=console`);
    await page.fill('#console-sql', "SELECT count(*) AS n FROM regions WHERE level = 'regency'");
    await page.click('.console-run');
    await page.waitForSelector('[data-testid="console-result"]', { timeout: 60_000 });
    expect(await page.textContent('.console-table tbody')).toBe('514');
    // A PNG export (canvas -> data:/blob: image) under the policy.
    await page.goto(`${site.origin}/?v=violence`);
    await page.waitForFunction(() => (document.querySelector('[data-figure-id="violence-type"] .chart svg')?.querySelectorAll('path').length ?? 0) > 3,
      undefined, { timeout: 120_000 });
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.locator('[data-figure-id="violence-type"] button[data-export="png"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^pantau-anak_violence-type_.+\.png$/);
    expect((await readFileSync((await download.path())!)).subarray(1, 4).toString()).toBe('PNG');
    // The app's workers are the site's files: DuckDB's two hosts (dashboard, console), the decoder, MapLibre's.
    const workers = page.workers().map((w) => new URL(w.url()));
    expect(workers.length).toBeGreaterThan(0);
    expect(workers.filter((u) => u.origin !== site.origin || u.protocol !== 'http:')).toEqual([]);
    expect(violations).toEqual([]);
    expect(site.browser.consoleErrors).toEqual([]);
    expect(site.browser.external).toEqual([]);
  }, 240_000);

  it('stops a worker from reaching another host, and a blob: worker from starting', async () => {
    const page = site.page;
    await page.goto(`${site.origin}/?v=data`);
    const r = await page.evaluate(async () => {
      // Done once the worker has reported both the policy's violation and its fetch's outcome (either may come
      // first); the 5 s guard only ends a wait for a report that never comes (a missing violation fails below).
      const fromWorker = await new Promise<unknown[]>((resolve) => {
        const got: unknown[] = [];
        const w = new Worker('./probe.worker.js');
        w.onmessage = (e) => {
          got.push(e.data);
          if (got.some((m) => 'violation' in (m as object)) && got.some((m) => 'failed' in (m as object) || 'fetched' in (m as object))) resolve(got);
        };
        setTimeout(() => resolve(got), 5000);
      });
      let blob = 'started';
      try {
        const w = new Worker(URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' })));
        blob = await new Promise((resolve) => { w.onmessage = () => resolve('ran'); w.onerror = () => resolve('refused'); setTimeout(() => resolve('no answer'), 3000); });
      } catch (e) {
        blob = `refused: ${String(e)}`;
      }
      return { fromWorker, blob };
    });
    expect(r.fromWorker).toContainEqual({ violation: 'connect-src', blocked: 'http://127.0.0.2:9/steal' });
    expect(r.fromWorker.some((m) => typeof m === 'object' && m !== null && 'failed' in m)).toBe(true);
    expect(r.blob).toMatch(/^refused/);
    // Refused inside the browser: the request never left it.
    expect(site.browser.external).toEqual([]);
  }, 60_000);
});

/** A free loopback port. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address() as { port: number }; s.close(() => resolve(port)); });
  });
}

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));

describe.skipIf(!NGINX)('deploy/nginx.conf (nginx installed here)', () => {
  it('sends the same policy on every response (errors too) and the cache rules', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pantau-nginx-'));
    const port = await freePort();
    const site = readFileSync(join(REPO_ROOT, 'deploy', 'nginx.conf'), 'utf8')
      .replace('root /srv/pantau-anak/dist;', `root ${SITE.dist};`).replace('listen 80;', `listen 127.0.0.1:${port};`);
    writeFileSync(join(dir, 'site.conf'), site);
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${dir}/${t};`).join(' ');
    writeFileSync(join(dir, 'nginx.conf'), `pid ${dir}/nginx.pid; error_log ${dir}/error.log; events {}
http { access_log off; ${temp} include ${dir}/site.conf; }`);
    let nginx: ChildProcess | undefined;
    try {
      nginx = spawn(NGINX!, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
      const origin = `http://127.0.0.1:${port}`;
      const get = async (path: string) => {
        for (let i = 0; i < 50; i++) {
          try { return await fetch(`${origin}${path}`, { method: 'HEAD' }); } catch { await new Promise((r) => setTimeout(r, 100)); }
        }
        throw new Error(`nginx did not answer ${path}`);
      };
      const assets = readdirSync(join(SITE.dist, 'assets'));
      const worker = assets.find((f) => /^duckdb-host\.worker-.*\.js$/.test(f))!;
      const wasm = assets.find((f) => /^duckdb-eh-.*\.wasm$/.test(f))!;
      const cases: Array<[string, number, string | null]> = [
        ['/', 200, 'no-cache'], [`/assets/${worker}`, 200, 'public, max-age=31536000, immutable'], [`/assets/${wasm}`, 200, 'public, max-age=31536000, immutable'],
        ['/data/index.json', 200, 'no-cache'], [`/data/${SITE.snapshot.id}/manifest.json`, 200, 'public, max-age=300, must-revalidate'],
        [`/data/${SITE.snapshot.id}/nope.parquet`, 404, null],
      ];
      for (const [path, status, cache] of cases) {
        const res = await get(path);
        expect(res.status, path).toBe(status);
        expect(res.headers.get('content-security-policy'), path).toBe(policy);
        expect(res.headers.get('cache-control'), path).toBe(cache);
      }
      expect((await get(`/assets/${wasm}`)).headers.get('content-type')).toBe('application/wasm');
    } finally {
      nginx?.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
