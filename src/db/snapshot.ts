// Opens a snapshot: data/index.json -> <id>/manifest.json -> <id>/landing.json, all small JSON files from the
// site's own origin, and remembers the folder the table files are fetched from. Only fetch: runs in Node too.
import type { Label } from '../domain/label.ts';
import type { Row } from './sql.ts';

export interface ManifestColumn { name: string; type: string; unit: Label | null; description: Label }
export interface ManifestTable {
  file: string; rows: number; bytes: number; sha256: string; description: Label;
  finest_level: string | null; withheld: number | null; columns: ManifestColumn[];
}
export interface Manifest {
  schema_version: number; snapshot_id: string; title: Label; built_at: string; reference_date: string;
  synthetic: boolean; synthetic_notice: Label | null; pipeline_fingerprint?: string; licence: Label;
  disclosure: { k: number; rule: Label };
  sources: Array<{ name: string; url: string; licence: string; note: string }>;
  inputs?: Array<{ dataset: string; file: string }>;
  landing: string; tables: Record<string, ManifestTable>;
}
export interface SnapshotIndex {
  current: string;
  snapshots: Array<{ id: string; built_at: string; synthetic: boolean; reference_date: string }>;
}
/** The first-paint slice (src/pipeline/landing.ts): the default map's indicator rows, province names, headlines. */
export interface Landing {
  year: number; level: string; indicator: string; map: Row[]; names: Record<string, string>; violence_headline: Row | null;
  lksa_headline: Row | null; kla_year: number | null; kla_headline: Row | null;
}
export interface Snapshot {
  /** The folder holding index.json, as given to openSnapshot. */
  root: string;
  id: string;
  /** The snapshot's folder (root/id): table files are fetched from here. */
  base: string;
  index: SnapshotIndex;
  manifest: Manifest;
  /**
   * The landing slice (first-paint figures), or null when it could not be loaded: it only speeds up the first view,
   * so the app works without it (landingError says why).
   */
  landing: Landing | null;
  landingError: string | null;
}

/**
 * Why a snapshot file did not load. network: the connection failed; not-found: 404/410, or an HTML page instead of
 * JSON; http: another error status; not-json: another content type; invalid: not valid JSON, or not the expected shape.
 */
export type SnapshotFault = 'network' | 'not-found' | 'http' | 'not-json' | 'invalid';

/** A snapshot file (index.json, manifest.json) could not be loaded: its URL and why. */
export class SnapshotLoadError extends Error {
  override name = 'SnapshotLoadError';
  constructor(readonly url: string, readonly code: SnapshotFault, reason: string, options?: ErrorOptions) {
    super(`${url}: ${reason}`, options);
  }
}

/** Fetches a JSON file, refusing anything that is not JSON (a static host may answer a missing file with HTML). */
export async function getJson<T>(url: string, fetchFn: typeof fetch = fetch): Promise<T> {
  let res: Response;
  try {
    res = await fetchFn(url);
  } catch (e) {
    throw new SnapshotLoadError(url, 'network', `could not be fetched (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  if (!res.ok) {
    throw new SnapshotLoadError(url, res.status === 404 || res.status === 410 ? 'not-found' : 'http', `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
  }
  const type = res.headers.get('content-type') ?? '';
  if (!/[/+]json\b/i.test(type)) {
    const html = /html/i.test(type);
    throw new SnapshotLoadError(url, html ? 'not-found' : 'not-json', `not JSON (the server answered ${type || 'without a content type'}${html ? '; is the file missing?' : ''})`);
  }
  try {
    return (await res.json()) as T;
  } catch (e) {
    throw new SnapshotLoadError(url, 'invalid', `invalid JSON (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
}

/** The URL of a file inside a snapshot folder; refuses paths that would leave it. */
export function fileUrl(base: string, file: string): string {
  const parts = file.split('/');
  if (!file || parts.some((p) => p === '' || p === '.' || p === '..')) throw new Error(`invalid file name in manifest: ${JSON.stringify(file)}`);
  return `${base}/${parts.map(encodeURIComponent).join('/')}`;
}

const trimRoot = (root: string) => root.replace(/\/+$/, '') || '.';

/** Loads a snapshot (the current one named by index.json, or `id`), without memoising. */
export async function loadSnapshot(root = './data', id?: string, fetchFn: typeof fetch = fetch): Promise<Snapshot> {
  root = trimRoot(root);
  const index = await getJson<SnapshotIndex>(`${root}/index.json`, fetchFn);
  if (!index || typeof index.current !== 'string' || !index.current) throw new SnapshotLoadError(`${root}/index.json`, 'invalid', 'no "current" snapshot');
  const chosen = id ?? index.current;
  if (id !== undefined && !(index.snapshots ?? []).some((s) => s.id === id)) throw new SnapshotLoadError(`${root}/index.json`, 'invalid', `no snapshot "${id}"`);
  const base = `${root}/${encodeURIComponent(chosen)}`;
  const manifest = await getJson<Manifest>(`${base}/manifest.json`, fetchFn);
  if (!manifest || typeof manifest.tables !== 'object' || manifest.tables === null) throw new SnapshotLoadError(`${base}/manifest.json`, 'invalid', 'no "tables"');
  let landing: Landing | null = null;
  let landingError: string | null = null;
  try {
    landing = await getJson<Landing>(fileUrl(base, manifest.landing || 'landing.json'), fetchFn);
    if (!landing || typeof landing !== 'object' || Array.isArray(landing)) throw new SnapshotLoadError(fileUrl(base, manifest.landing || 'landing.json'), 'invalid', 'not a landing slice');
  } catch (e) {
    landing = null;
    landingError = e instanceof Error ? e.message : String(e);
  }
  return { root, id: chosen, base, index, manifest, landing, landingError };
}

let opened: { key: string; promise: Promise<Snapshot> } | null = null;
const listeners = new Set<(s: Snapshot) => void>();

/**
 * Opens the snapshot (the current one, or `id`) under `root` and makes it the one tables load from. Memoised:
 * the same root and id give the same promise; a failed open is forgotten so it can be retried.
 */
export function openSnapshot(root = './data', id?: string): Promise<Snapshot> {
  const key = `${trimRoot(root)}\u0000${id ?? ''}`;
  if (opened?.key === key) return opened.promise;
  const promise = loadSnapshot(root, id).then((s) => {
    if (opened?.promise === promise) for (const l of [...listeners]) l(s);
    return s;
  });
  opened = { key, promise };
  promise.catch(() => { if (opened?.promise === promise) opened = null; });
  return promise;
}

/** The snapshot last opened, opening the current one under ./data if none was. */
export function currentSnapshot(): Promise<Snapshot> {
  return opened?.promise ?? openSnapshot();
}

/** Called whenever a snapshot finishes opening (tables and cached results of another snapshot become stale). */
export function onSnapshot(listener: (s: Snapshot) => void): () => void {
  listeners.add(listener);
  return () => { listeners.delete(listener); };
}
