// Shared set-up of the browser tests on a built site: where the site (PANTAU_DIST, default dist/), its current
// snapshot and the screenshots are; an in-memory @duckdb/node-api with a view over each of the snapshot's Parquet
// files, for the reference values the tests compare the page with; the site served and Chromium opened on it (with
// vitest hooks, or by hand); and axe-core's serious or critical violations on a page.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../../src/pipeline/sql-files.ts';
import type { Manifest } from '../../src/db/index.ts';
import { closeAll, openBrowser, startServer, type BrowserSession, type ServerOptions, type StaticServer } from './harness.ts';

/** How long opening the database or the site may take in a beforeAll hook. */
const OPEN_TIMEOUT = 120_000;

export interface SnapshotFolder {
  /** The snapshot id (data/index.json's `current`). */
  id: string;
  /** The snapshot's folder: manifest.json and the Parquet files. */
  dir: string;
  manifest: Manifest;
}

/** The current snapshot of a site folder (a build, or public/ before one), from its data/index.json. */
export function currentSnapshot(site: string): SnapshotFolder {
  const { current } = JSON.parse(readFileSync(join(site, 'data', 'index.json'), 'utf8')) as { current: string };
  const dir = join(site, 'data', current);
  return { id: current, dir, manifest: JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest };
}

let built: SnapshotFolder | undefined;

/** The paths every browser test uses. */
export const SITE = {
  /** The built site: PANTAU_DIST, default dist/. */
  dist: process.env.PANTAU_DIST ?? join(REPO_ROOT, 'dist'),
  /** test-results/: PDFs, downloads. */
  results: join(REPO_ROOT, 'test-results'),
  /** test-results/screenshots/ (made by openSite). */
  shots: join(REPO_ROOT, 'test-results', 'screenshots'),
  /** The built site's current snapshot (read on first use). */
  get snapshot(): SnapshotFolder {
    built ??= currentSnapshot(SITE.dist);
    return built;
  },
};

/** The desktop viewport most tests use. */
export const DESKTOP = { width: 1280, height: 900 } as const;

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;
export type Params = Record<string, string | number | boolean | null>;

/** A value from DuckDB as a plain one: a BIGINT as a number, a DATE as YYYY-MM-DD, undefined as null. */
export const plain = (v: unknown): Cell => (typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.toISOString().slice(0, 10) : (v as Cell) ?? null);
export const plainRows = (rows: Array<Record<string, unknown>>): Row[] => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)])));

export interface SnapshotDb {
  /** The connection itself, for what the helpers do not cover (rows as arrays). */
  readonly conn: DuckDBConnection;
  /** The rows of a query, values made plain; params bind $name placeholders. */
  rows(sql: string, params?: Params): Promise<Row[]>;
  /** The first row of a query ({} when there is none). */
  one(sql: string, params?: Params): Promise<Row>;
  run(sql: string): Promise<void>;
  close(): Promise<void>;
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * An in-memory DuckDB (@duckdb/node-api) with `CREATE VIEW <t> AS SELECT * FROM read_parquet(<file>)` for the given
 * tables of a snapshot (default: every table of its manifest; [] for none). Relative paths resolve in the snapshot's
 * folder, as a download's query.sql expects.
 */
export async function openSnapshotDb(tables?: readonly string[], dir = SITE.snapshot.dir): Promise<SnapshotDb> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const close = async () => {
    conn.closeSync();
    instance.closeSync();
  };
  try {
    await conn.run(`SET file_search_path = ${quote(dir)}`);
    for (const t of tables ?? Object.keys(manifest.tables)) {
      const file = manifest.tables[t]?.file;
      if (!file) throw new Error(`${t} is not a table of the snapshot in ${dir}`);
      await conn.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet(${quote(join(dir, file))})`);
    }
  } catch (e) {
    await close();
    throw e;
  }
  const rows = async (sql: string, params?: Params) =>
    plainRows((params ? await conn.runAndReadAll(sql, params) : await conn.runAndReadAll(sql)).getRowObjectsJS() as Array<Record<string, unknown>>);
  return {
    conn,
    rows,
    one: async (sql, params) => (await rows(sql, params))[0] ?? {},
    run: async (sql) => { await conn.run(sql); },
    close,
  };
}

/** Throws when a suite's handle is used before its beforeAll has opened it. */
function opened<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not open yet: use it inside a test or a later hook`);
  return value;
}

/** openSnapshotDb in the suite's beforeAll, closed in its afterAll; the handle works from the tests on. */
export function useSnapshotDb(tables?: readonly string[], dir?: string): SnapshotDb {
  let db: SnapshotDb | undefined;
  beforeAll(async () => { db = await openSnapshotDb(tables, dir); }, OPEN_TIMEOUT);
  afterAll(async () => { await db?.close(); });
  const it = () => opened(db, 'the snapshot DuckDB');
  return {
    get conn() { return it().conn; },
    rows: (sql, params) => it().rows(sql, params),
    one: (sql, params) => it().one(sql, params),
    run: (sql) => it().run(sql),
    close: () => it().close(),
  };
}

export interface SiteOptions extends ServerOptions {
  /** The folder served: default the built site (SITE.dist). */
  dir?: string;
  /** The page's viewport; default Chromium's. */
  viewport?: { width: number; height: number };
}

export interface Site {
  server: StaticServer;
  browser: BrowserSession;
  /** The browser's page. */
  page: Page;
  /** The server's http://127.0.0.1:<port>. */
  origin: string;
  close(): Promise<void>;
}

/** Serves a site (startServer), opens Chromium on it (openBrowser) with the viewport, and makes SITE.shots. */
export async function openSite(opts: SiteOptions = {}): Promise<Site> {
  const { dir = SITE.dist, viewport, ...serverOptions } = opts;
  const server = await startServer(dir, serverOptions);
  let browser: BrowserSession | undefined;
  try {
    browser = await openBrowser(server.origin);
    if (viewport) await browser.page.setViewportSize(viewport);
  } catch (e) {
    await closeAll(server, browser);
    throw e;
  }
  mkdirSync(SITE.shots, { recursive: true });
  const session = browser;
  return { server, browser: session, page: session.page, origin: server.origin, close: () => closeAll(server, session) };
}

/** openSite in the suite's beforeAll, closed in its afterAll; the handle works from the tests on. */
export function useSite(opts: SiteOptions = {}): Site {
  let site: Site | undefined;
  beforeAll(async () => { site = await openSite(opts); }, OPEN_TIMEOUT);
  afterAll(async () => { await site?.close(); });
  const it = () => opened(site, 'the site');
  return {
    get server() { return it().server; },
    get browser() { return it().browser; },
    get page() { return it().page; },
    get origin() { return it().origin; },
    close: () => it().close(),
  };
}

/**
 * axe-core's serious and critical violations on the page (or inside `include`), one line each: rule, impact, help
 * and where (the first three nodes). A test expects [].
 */
export async function seriousAxeViolations(page: Page, include?: string): Promise<string[]> {
  const axe = new AxeBuilder({ page });
  const result = await (include ? axe.include(include) : axe).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} (${v.nodes.length} nodes: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')})`);
}
