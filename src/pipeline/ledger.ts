import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { VIOLENCE_TABLES } from '../domain/tables.ts';
import { sqlString, type Duck } from './duck.ts';
import type { EarlierSnapshot, TableCells } from './disclosure/index.ts';
import { cellsFromRows } from './violence-cells.ts';

// The ledger of published snapshots: a folder (outside public/, kept by the data officer, e.g. in the repository)
// holding a copy of the count tables of every snapshot that was ever built for publication. A new snapshot is
// protected against all of them (disclosure/history.ts), because retiring a snapshot from the site does not retire
// the copies already downloaded. Its files are published tables only: nothing in it is confidential.

const entryName = (id: string, builtAt: string): string => `${id}@${builtAt.replace(/[^0-9A-Za-z.-]/g, '-')}`;

interface LedgerManifest { snapshot_id: string; built_at: string; synthetic: boolean }

const readManifest = (dir: string): LedgerManifest | undefined => {
  const path = join(dir, 'manifest.json');
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) as LedgerManifest : undefined;
};

/** Copies a snapshot's count tables and manifest into the ledger (through a temporary folder and a rename). */
export function recordInLedger(ledgerDir: string, snapshotDir: string): string {
  const m = readManifest(snapshotDir);
  if (!m) throw new Error(`${snapshotDir}: no manifest.json to record in the ledger`);
  mkdirSync(ledgerDir, { recursive: true });
  const target = join(ledgerDir, entryName(m.snapshot_id, m.built_at));
  if (existsSync(target)) return target;
  const tmp = `${target}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  for (const f of ['manifest.json', ...VIOLENCE_TABLES.map((t) => `${t.name}.parquet`)]) {
    if (existsSync(join(snapshotDir, f))) copyFileSync(join(snapshotDir, f), join(tmp, f));
  }
  renameSync(tmp, target);
  return target;
}

/**
 * Records in the ledger the snapshots of `outDir` it does not hold yet (built before the ledger existed, or with
 * another ledger), so that everything on the site counts as published. Synthetic snapshots describe no child and are
 * left out.
 */
export function adoptPublished(ledgerDir: string, outDir: string): void {
  if (!existsSync(outDir)) return;
  for (const name of readdirSync(outDir, { withFileTypes: true })) {
    if (!name.isDirectory() || name.name.startsWith('.') || name.name.includes('.retired-')) continue;
    const m = readManifest(join(outDir, name.name));
    if (m && !m.synthetic) recordInLedger(ledgerDir, join(outDir, name.name));
  }
}

/** The published count tables of every snapshot in the ledger (of the same kind, real or synthetic, as the build). */
export async function readLedger(duck: Duck, ledgerDir: string, synthetic: boolean): Promise<EarlierSnapshot[]> {
  if (!existsSync(ledgerDir)) return [];
  const out: EarlierSnapshot[] = [];
  for (const name of readdirSync(ledgerDir).filter((n) => !n.includes('.tmp-')).sort()) {
    const dir = join(ledgerDir, name);
    const m = readManifest(dir);
    if (!m || m.synthetic !== synthetic) continue;
    const tables: TableCells[] = [];
    for (const spec of VIOLENCE_TABLES) {
      const path = join(dir, `${spec.name}.parquet`);
      if (!existsSync(path)) continue;
      tables.push(cellsFromRows(spec, await duck.all(`SELECT * FROM read_parquet(${sqlString(path)})`)));
    }
    out.push({ id: name, tables });
  }
  return out;
}
