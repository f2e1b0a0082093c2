import { join } from 'node:path';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { codeRows } from '../domain/codes.ts';
import { disclosureRule } from '../domain/disclosure.ts';
import { CODES, KLA_TABLE, LKSA_TABLE, PUBLISHED_TABLES, REGIONS, VIOLENCE_TABLES, type PublishedTable } from '../domain/tables.ts';
import { Duck } from './duck.ts';
import { readQuery } from './sql-files.ts';
import { REFERENCE_SOURCES } from './reference.ts';
import { aggregateViolence, prepare, useDataset, validateInputs } from './stages.ts';
import { fillFromQuery, fillFromRows, writeParquet, type WrittenTable } from './publish.ts';
import { cubeToCells, cellsToRows, regionNodes } from './violence-cells.ts';
import { suppress, type AuditCost, type TableStats } from './disclosure/index.ts';
import { auditSnapshot, landingFromTables } from './audit-snapshot.ts';
import { adoptPublished, readLedger, recordInLedger } from './ledger.ts';
import { DATA_LICENCE, SYNTHETIC_NOTICE, describeColumns, type Manifest, type ManifestTable } from './manifest.ts';
import { assertSnapshotId, commitSnapshot, discardStaging, stagingDir } from './snapshot-dir.ts';
import { pipelineFingerprint } from './fingerprint.ts';
import { writeDatapackage } from './datapackage.ts';

export interface BuildOptions {
  /** Folder with kekerasan.csv|xlsx, lksa.csv|xlsx, kla.csv|xlsx. */
  rawDir: string;
  /** Folder holding the snapshots (public/data). */
  outDir: string;
  snapshotId: string;
  /** Counts of children below k are withheld. */
  k: number;
  /** Date the snapshot describes (ISO): later dates are errors, and licence validity and inspections are judged on it. */
  referenceDate: string;
  synthetic: boolean;
  /** Where the full list of input problems goes when a build fails (never under public/). */
  errorReport?: string;
  log?: (message: string) => void;
  /**
   * The ledger of published snapshots (ledger.ts): the new snapshot is protected against every snapshot recorded in
   * it (and against the real snapshots already in outDir, which are recorded first), and is recorded in it before it
   * becomes current. Omitted: no earlier snapshot is taken into account (the synthetic demo).
   */
  ledger?: string;
  /** Called with the staging folder once everything is written and audited, just before it becomes current. */
  beforeCommit?: (stagingDir: string) => void | Promise<void>;
}

export interface BuildResult {
  dir: string;
  manifest: Manifest;
  timings: Record<string, number>;
  /** Rows withheld per count table, primary (small) and secondary: for the data officer, never published. */
  suppression: Record<string, TableStats>;
  /** What disclosure control cost: suppression and the audit of the written tables. */
  disclosureCost: { suppress: AuditCost; audit: AuditCost };
}

/**
 * Builds a snapshot: validate -> harmonise -> aggregate -> suppress -> write Parquet -> audit -> landing slice ->
 * manifest, all in a staging folder that becomes public/data/<id> only when every step has passed.
 */
export async function buildSnapshot(opts: BuildOptions): Promise<BuildResult> {
  assertSnapshotId(opts.snapshotId);
  if (!Number.isInteger(opts.k) || opts.k < 2) throw new Error(`k must be a whole number >= 2, got ${opts.k}`);
  const log = opts.log ?? (() => undefined);
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (name: string) => { const t = performance.now(); timings[name] = Math.round(t - t0); t0 = t; log(`  ${name}: ${timings[name]} ms`); };

  // Working files that hold raw rows (an XLSX converted to CSV, DuckDB's spill files) live outside public/, and are removed.
  const work = mkdtempSync(join(tmpdir(), 'pantau-build-'));
  const duck = await Duck.open({ spillDir: join(work, 'spill'), file: join(work, 'build.duckdb') });
  const staging = stagingDir(opts.outDir, opts.snapshotId);
  try {
    await prepare(duck);
    lap('reference');
    const inputs = await validateInputs(duck, opts, work);
    lap('validate');
    await aggregateViolence(duck);
    lap('aggregate');

    const regions = regionNodes(await duck.all('SELECT region_code, level, province_code FROM regions'));
    const cells = await cubeToCells(duck, VIOLENCE_TABLES);
    if (opts.ledger) adoptPublished(opts.ledger, opts.outDir);
    const earlier = opts.ledger ? await readLedger(duck, opts.ledger, opts.synthetic) : [];
    const suppressed = await suppress(cells, regions, opts.k, { earlier });
    lap('suppress');

    const written: WrittenTable[] = [];
    const write = async (spec: PublishedTable) => { written.push(await writeParquet(duck, spec, staging)); };
    await fillFromQuery(duck, REGIONS, 'SELECT * FROM regions');
    await write(REGIONS);
    await fillFromRows(duck, CODES, codeRows());
    await write(CODES);
    for (const t of suppressed.tables) {
      await fillFromRows(duck, t.spec, cellsToRows(t));
      await write(t.spec);
    }
    await useDataset(duck, 'lksa');
    await fillFromQuery(duck, LKSA_TABLE, readQuery('pipeline/lksa_table'), { reference_date: opts.referenceDate, k: opts.k });
    await write(LKSA_TABLE);
    await useDataset(duck, 'kla');
    await fillFromQuery(duck, KLA_TABLE, readQuery('pipeline/kla_table'));
    await write(KLA_TABLE);
    lap('write');

    // The landing slice: the app's own queries over the published tables alone, in a DuckDB that holds nothing else.
    writeFileSync(join(staging, 'landing.json'), JSON.stringify(await landingFromTables(staging)) + '\n');
    lap('landing');

    const countTables = suppressed.tables.filter((t) => t.spec.disclosure);
    const manifest: Manifest = {
      schema_version: 2,
      snapshot_id: opts.snapshotId,
      title: { id: 'Pantau Anak: snapshot data perlindungan anak', en: 'Pantau Anak: child-protection data snapshot' },
      built_at: new Date().toISOString(),
      reference_date: opts.referenceDate,
      synthetic: opts.synthetic,
      synthetic_notice: opts.synthetic ? SYNTHETIC_NOTICE : null,
      pipeline_fingerprint: pipelineFingerprint(),
      licence: DATA_LICENCE,
      disclosure: {
        k: opts.k, rule: disclosureRule(opts.k),
        audit: {
          passed: true, findings: 0, tables_checked: countTables.length, cells_checked: countTables.reduce((n, t) => n + t.rows.length, 0),
          earlier_snapshots: earlier.map((e) => e.id),
        },
      },
      sources: [...REFERENCE_SOURCES],
      inputs,
      landing: 'landing.json',
      tables: Object.fromEntries(written.map((w) => [w.name, manifestTable(w, suppressed.stats[w.name])])),
    };
    writeFileSync(join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    // The Frictionless descriptor, from the manifest.
    writeDatapackage(staging, manifest);

    // The audit reads the written files back, as a reader would, with the earlier snapshots' statements, and checks
    // every figure published beside the tables.
    const audited = await auditSnapshot(duck, staging, opts.k, { statements: suppressed.statements });
    lap('audit');
    if (opts.ledger) recordInLedger(opts.ledger, staging);
    await opts.beforeCommit?.(staging);
    const dir = commitSnapshot(opts.outDir, staging, {
      id: opts.snapshotId, built_at: manifest.built_at, synthetic: opts.synthetic, reference_date: opts.referenceDate,
    });
    lap('commit');
    return { dir, manifest, timings, suppression: suppressed.stats, disclosureCost: { suppress: suppressed.cost, audit: audited.cost } };
  } catch (e) {
    discardStaging(staging);
    throw e;
  } finally {
    duck.close();
    rmSync(work, { recursive: true, force: true });
  }
}

// Withheld rows are published as one number: which of them are small (primary) and which protect others is not, since
// "all n withheld rows of this table are small" would prove each of them to hold 1..k-1 children.
function manifestTable(w: WrittenTable, stats: TableStats | undefined): ManifestTable {
  const spec = PUBLISHED_TABLES.find((t) => t.name === w.name)!;
  return {
    file: w.file, rows: w.rows, bytes: w.bytes, sha256: w.sha256,
    description: spec.description,
    finest_level: stats?.finestLevel ?? null,
    withheld: stats ? stats.primary + stats.secondary : null,
    columns: describeColumns(spec.columns),
  };
}
