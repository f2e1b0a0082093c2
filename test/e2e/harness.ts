// Shared helpers for browser tests: a static server for a built site on a free loopback port, and Debian's
// Chromium through playwright-core with every request to another origin recorded (and refused) and every console
// error kept.
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
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

export interface StaticServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** Paths requested, in order (for assertions on what the page fetched). */
  requests: string[];
  close(): Promise<void>;
}

export interface ServerOptions {
  /**
   * Answer a missing file with index.html and status 200, as `vite preview` and many static hosts do (the nasty
   * case for a data loader). Default false: 404.
   */
  htmlFallback?: boolean;
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
  const serve = sirv(dir, {
    dev: false,
    etag: true,
    gzip: true,
    brotli: true,
    setHeaders(res, pathname) {
      const ext = pathname.slice(pathname.lastIndexOf('.'));
      if (MIME[ext]) res.setHeader('Content-Type', MIME[ext]);
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
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    serve(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
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
    context, page, external, consoleErrors,
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
