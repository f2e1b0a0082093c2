// Loads the current snapshot's manifest and landing slice: small JSON files from the site's own origin.

export interface LabelText { id: string; en: string }

export interface ManifestColumn { name: string; type: string; unit: LabelText | null; description: LabelText }
export interface ManifestTable {
  file: string; rows: number; bytes: number; sha256: string; description: LabelText;
  finest_level: string | null; suppressed: { primary: number; secondary: number } | null; columns: ManifestColumn[];
}
export interface Manifest {
  snapshot_id: string; title: LabelText; built_at: string; reference_date: string; synthetic: boolean;
  synthetic_notice: LabelText | null; licence: LabelText;
  disclosure: { k: number; rule: LabelText };
  sources: Array<{ name: string; url: string; licence: string; note: string }>;
  landing: string; tables: Record<string, ManifestTable>;
}
export type Value = string | number | boolean | null;
export type Row = Record<string, Value>;
export interface Landing {
  year: number; level: string; violence_map: Row[]; violence_headline: Row | null;
  lksa_headline: Row | null; kla_year: number | null; kla_headline: Row | null;
}
export interface Snapshot { base: string; manifest: Manifest; landing: Landing }

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const type = res.headers.get('content-type') ?? '';
  // A static host may answer a missing file with index.html and status 200.
  if (!type.includes('json')) throw new Error(`${url}: not JSON (${type || 'no content type'})`);
  return (await res.json()) as T;
}

/** The current snapshot named by data/index.json. */
export async function loadSnapshot(root = './data'): Promise<Snapshot> {
  const index = await getJson<{ current: string }>(`${root}/index.json`);
  const base = `${root}/${encodeURIComponent(index.current)}`;
  const manifest = await getJson<Manifest>(`${base}/manifest.json`);
  const landing = await getJson<Landing>(`${base}/${manifest.landing}`);
  return { base, manifest, landing };
}
