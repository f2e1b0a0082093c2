import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/pipeline/sql-files.ts';
import { headersFor, parseHeadersFile } from '../e2e/harness.ts';

// One Content-Security-Policy everywhere the app is deployed: index.html's <meta> (the page, on any host), the
// `_headers` of Netlify/Cloudflare Pages and the nginx config (as a header, which also governs the workers), and the
// deploy guide. Tight: the site's own origin only, no blob:/data: worker, 'wasm-unsafe-eval' for the engine, no
// 'unsafe-eval' or inline script. test/e2e/csp.e2e.test.ts serves the app under the `_headers` policy.

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');
const directives = (policy: string) => Object.fromEntries(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
  const [name, ...values] = d.split(/\s+/);
  return [name!, values];
}));

const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(read('index.html'))?.[1];
const headers = headersFor(parseHeadersFile(read('public/_headers')), '/assets/duckdb-host.worker-abc.js')['Content-Security-Policy'];
const nginx = /add_header Content-Security-Policy "([^"]+)" always;/.exec(read('deploy/nginx.conf'))?.[1];
const guide = /```\n(default-src[^\n]+)\n```/.exec(read('docs/deploy.md'))?.[1];

describe('the Content-Security-Policy', () => {
  it('is the same in index.html, _headers, nginx.conf and docs/deploy.md', () => {
    expect(meta).toBeDefined();
    expect(headers).toBe(meta);
    expect(nginx).toBe(meta);
    expect(guide).toBe(meta);
  });

  it('allows only the site\'s own origin for workers and connections, and nothing that runs text as script', () => {
    const d = directives(meta!);
    expect(d['default-src']).toEqual(["'self'"]);
    expect(d['worker-src']).toEqual(["'self'"]);
    expect(d['connect-src']).toEqual(["'self'"]);
    expect(d['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['img-src']).toEqual(["'self'", 'data:', 'blob:']);
    const sources = Object.values(d).flat();
    expect(sources).not.toContain("'unsafe-eval'");
    expect(d['script-src']).not.toContain("'unsafe-inline'");
    expect(sources.filter((v) => v.includes('*') || /^https?:/.test(v))).toEqual([]);
  });

  it('reaches every path of the deploy, the workers\' scripts and the engine included', () => {
    const rules = parseHeadersFile(read('public/_headers'));
    for (const path of ['/', '/index.html', '/assets/decode.worker-x.js', '/assets/duckdb-eh-x.wasm', '/data/index.json', '/data/demo/kla.parquet']) {
      expect(headersFor(rules, path)['Content-Security-Policy'], path).toBe(meta);
    }
    expect(headersFor(rules, '/assets/a.js')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/data/index.json')['Cache-Control']).toBe('no-cache');
    // nginx: no location sets a header of its own (it would drop the server's Content-Security-Policy there).
    const locations = read('deploy/nginx.conf').split(/\n\s*location /).slice(1);
    expect(locations.length).toBeGreaterThan(0);
    for (const l of locations) expect(l.slice(0, l.indexOf('}'))).not.toMatch(/add_header/);
  });
});
