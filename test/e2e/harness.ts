// Shared helpers for browser tests: a static server for a built site on a free loopback port, and Debian's
// Chromium through playwright-core with every request to another origin recorded (and refused) and every console
// error kept.
import { execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import sirv from 'sirv';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Throws, with the command that fixes it, when Debian's Chromium is not installed. */
export function assertChromium(path = CHROMIUM): void {
  if (!existsSync(path)) {
    throw new Error(`Chromium is missing at ${path}: browser tests need Debian's Chromium. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium`);
  }
}

/**
 * A fault the server injects into the responses for some paths: an error status, a dropped connection, the file
 * truncated to its first `bytes` (a complete but short response), the first `bytes` sent and then nothing more (a
 * stalled download), or the file served with another Content-Type.
 */
export type Fault =
  | { kind: 'status'; status: number }
  | { kind: 'drop' }
  | { kind: 'truncate'; bytes: number }
  | { kind: 'stall'; bytes: number }
  | { kind: 'type'; contentType: string };

export interface StaticServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** Paths requested, in order (for assertions on what the page fetched). */
  requests: string[];
  /** From now on, requests whose path (query string excluded) matches `path` get `fault`. */
  fault(path: RegExp, fault: Fault): void;
  /** Removes every fault: the server answers normally again. */
  clearFaults(): void;
  close(): Promise<void>;
}

export interface ServerOptions {
  /**
   * Answer a missing file with index.html and status 200, as `vite preview` and many static hosts do (the nasty
   * case for a data loader). Default false: 404.
   */
  htmlFallback?: boolean;
  /**
   * A Netlify/Cloudflare Pages `_headers` file whose rules the server applies to its responses, as those hosts do
   * (e.g. the deploy's Content-Security-Policy). Default: none.
   */
  headersFile?: string;
  /** Extra files served at these paths (test probes), with the `_headers` rules applied like any other file. */
  files?: Record<string, { body: string; type: string }>;
}

/** One rule of a `_headers` file: a path pattern (`*` matches anything, `:name` one segment) and its headers. */
export interface HeaderRule { pattern: string; headers: Array<[string, string]> }

/** Parses a Netlify/Cloudflare Pages `_headers` file. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(#|$)/.test(line)) continue;
    if (!/^\s/.test(line)) { rules.push({ pattern: line.trim(), headers: [] }); continue; }
    const m = /^\s+([^:]+):\s*(.*)$/.exec(line);
    const rule = rules[rules.length - 1];
    if (!m || !rule) throw new Error(`_headers: cannot read line ${JSON.stringify(line)}`);
    rule.headers.push([m[1]!.trim(), m[2]!.trim()]);
  }
  return rules;
}

/**
 * The headers the rules give a path: every matching rule applies, and a later rule's value of a header replaces an
 * earlier one's (Netlify's headersForPath; Cloudflare Pages joins the two with a comma instead).
 */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rules) {
    const re = new RegExp(`^${r.pattern.split(/(\*|:[A-Za-z]+)/).map((part) =>
      part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('')}$`);
    if (!re.test(path)) continue;
    for (const [k, v] of r.headers) out[k] = v;
  }
  return out;
}

const MIME: Record<string, string> = {
  '.wasm': 'application/wasm',
  '.parquet': 'application/vnd.apache.parquet',
  '.topojson': 'application/json',
  '.json': 'application/json',
};

/** Serves a folder (a built site) like a production static host: sirv, no dev mode, precompressed .br/.gz if present. */
export async function startServer(dir: string, opts: ServerOptions = {}): Promise<StaticServer> {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir}/index.html is missing: build the site first`);
  const indexHtml = readFileSync(join(dir, 'index.html'));
  const requests: string[] = [];
  const faults: Array<{ path: RegExp; fault: Fault }> = [];
  const rules = opts.headersFile ? parseHeadersFile(readFileSync(opts.headersFile, 'utf8')) : [];
  const serve = sirv(dir, {
    dev: false,
    etag: true,
    gzip: true,
    brotli: true,
    setHeaders(res, pathname) {
      const ext = pathname.slice(pathname.lastIndexOf('.'));
      if (MIME[ext]) res.setHeader('Content-Type', MIME[ext]);
      for (const [k, v] of Object.entries(headersFor(rules, pathname))) res.setHeader(k, v);
    },
    onNoMatch(_req, res) {
      if (opts.htmlFallback) {
        res.writeHead(200, { 'Content-Type': 'text/html;charset=utf-8', 'Content-Length': indexHtml.length });
        res.end(indexHtml);
      } else {
        res.writeHead(404, { 'Content-Type': 'text/plain;charset=utf-8' });
        res.end('Not found');
      }
    },
  });
  /** Answers with the fault, reading the file itself (uncompressed) where the fault needs its bytes. */
  const inject = (fault: Fault, req: IncomingMessage, res: ServerResponse, pathname: string) => {
    if (fault.kind === 'drop') { req.socket.destroy(); return; }
    if (fault.kind === 'status') { res.writeHead(fault.status, { 'Content-Type': 'text/plain;charset=utf-8' }); res.end(`fault: ${fault.status}`); return; }
    const file = join(dir, decodeURIComponent(pathname));
    if (!existsSync(file) || !statSync(file).isFile()) { res.writeHead(404); res.end(); return; }
    const bytes = readFileSync(file);
    const ext = pathname.slice(pathname.lastIndexOf('.'));
    const type = fault.kind === 'type' ? fault.contentType : (MIME[ext] ?? 'application/octet-stream');
    const headers = { ...headersFor(rules, pathname), 'Content-Type': type, 'Cache-Control': 'no-store' };
    if (fault.kind === 'type') { res.writeHead(200, { ...headers, 'Content-Length': bytes.length }); res.end(bytes); return; }
    if (fault.kind === 'truncate') { res.writeHead(200, { ...headers, 'Content-Length': fault.bytes }); res.end(bytes.subarray(0, fault.bytes)); return; }
    // stall: the promised length, the first bytes, then silence (closeAllConnections ends it).
    res.writeHead(200, { ...headers, 'Content-Length': bytes.length });
    res.write(bytes.subarray(0, fault.bytes));
  };
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    const f = faults.find((x) => x.path.test(pathname));
    const extra = opts.files?.[pathname];
    if (f) inject(f.fault, req, res, pathname);
    else if (extra) {
      res.writeHead(200, { ...headersFor(rules, pathname), 'Content-Type': extra.type });
      res.end(extra.body);
    } else serve(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    fault: (path, fault) => { faults.unshift({ path, fault }); },
    clearFaults: () => { faults.length = 0; },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Every request whose URL is not on the server's origin (refused, never sent). */
  external: string[];
  /** Console messages of type error, and uncaught page errors. */
  consoleErrors: string[];
  /** The browser's profile folder (its processes carry it in --user-data-dir). */
  profile: string;
  close(): Promise<void>;
}

/**
 * Launches headless Chromium with a fresh profile, one page. Requests to any other origin are recorded and aborted;
 * data: and blob: URLs (made by the page itself) are allowed.
 */
export async function openBrowser(origin: string): Promise<BrowserSession> {
  assertChromium();
  const profile = mkdtempSync(join(tmpdir(), 'pantau-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      serviceWorkers: 'block',
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  const external: string[] = [];
  const consoleErrors: string[] = [];
  const local = (url: string) => url.startsWith(`${origin}/`) || url === origin || /^(data|blob|about):/.test(url);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (local(url)) return route.continue();
    external.push(url);
    return route.abort('blockedbyclient');
  });
  // Requests that routing might not see (e.g. from a worker) still show here.
  context.on('request', (req) => { if (!local(req.url()) && !external.includes(req.url())) external.push(req.url()); });
  const page = context.pages()[0] ?? await context.newPage();
  const watch = (p: Page) => {
    p.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    p.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  };
  watch(page);
  context.on('page', watch);
  return {
    context, page, external, consoleErrors, profile,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Closes everything given, in reverse order, ignoring what is undefined. */
export async function closeAll(...things: Array<{ close(): Promise<void> } | undefined>): Promise<void> {
  for (const t of things.reverse()) if (t) await t.close().catch(() => undefined);
}

/**
 * Resident memory (bytes) of a browser's renderer processes (the pages and their workers live there), from /proc via
 * ps; null where ps is unavailable. The browser is the process started with this profile folder.
 */
export function rendererMemory(profile: string): number | null {
  let out: string;
  try {
    out = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8', maxBuffer: 16 << 20 });
  } catch {
    return null;
  }
  const procs = out.split('\n').map((l) => /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(l)).filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), rss: Number(m[3]) * 1024, args: m[4]! }));
  const browser = procs.find((p) => p.args.includes(`--user-data-dir=${profile}`) && !p.args.includes('--type='));
  if (!browser) return null;
  const mine = new Set([browser.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs) if (!mine.has(p.pid) && mine.has(p.ppid)) { mine.add(p.pid); grew = true; }
  }
  return procs.filter((p) => mine.has(p.pid) && p.args.includes('--type=renderer')).reduce((a, p) => a + p.rss, 0);
}

/**
 * The renderer memory (rendererMemory) once it has settled: read every `interval` ms until two readings in a row
 * differ by less than `within` bytes (a freed engine's memory has gone back, a started one's is in), then that
 * reading. After `timeout` ms the last reading is returned anyway: the figure is logged, never asserted, and a page
 * whose memory keeps moving must not fail a test. null where ps is unavailable.
 */
export async function settledRendererMemory(profile: string, opts: { interval?: number; within?: number; timeout?: number } = {}): Promise<number | null> {
  const { interval = 250, within = 2 << 20, timeout = 10_000 } = opts;
  const end = Date.now() + timeout;
  let last = rendererMemory(profile);
  while (last !== null && Date.now() < end) {
    await delay(interval); // the polling interval of the reading, not a wait for something to happen
    const now = rendererMemory(profile);
    if (now === null || Math.abs(now - last) < within) return now;
    last = now;
  }
  return last;
}
