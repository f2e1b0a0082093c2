import { z } from 'zod';
import type { Label } from '../domain/label.ts';
import type { PublishedColumn } from '../domain/tables.ts';

// manifest.json of a snapshot: everything a reader needs to trust and cite it, and nothing more. Every figure in it
// must be derivable from the published tables (disclosure: a figure the model does not know about, such as the number
// of input rows, gives withheld counts back). The schema is strict, so a new field cannot slip in unnoticed, and
// checkManifestFigures (audit-snapshot.ts) recomputes each figure from the files.

const label = z.strictObject({ id: z.string(), en: z.string() });
const count = z.number().int().nonnegative();

const manifestTable = z.strictObject({
  file: z.string(),
  rows: count,
  bytes: count,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  description: label,
  finest_level: z.enum(['regency', 'province']).nullable(),
  /** Rows withheld (NULL counts, suppressed = true): countable in the file. */
  withheld: count.nullable(),
  columns: z.array(z.strictObject({ name: z.string(), type: z.string(), unit: label.nullable(), description: label })),
});

export const manifestSchema = z.strictObject({
  schema_version: z.literal(2),
  snapshot_id: z.string(),
  title: label,
  built_at: z.string(),
  reference_date: z.string(),
  synthetic: z.boolean(),
  synthetic_notice: label.nullable(),
  pipeline_fingerprint: z.string(),
  licence: label,
  disclosure: z.strictObject({
    k: z.number().int().min(2),
    rule: label,
    audit: z.strictObject({
      passed: z.literal(true),
      findings: z.literal(0),
      /** Count tables audited and their rows: derivable from the files. */
      tables_checked: count,
      cells_checked: count,
      /** Earlier snapshots (`<id>@<built_at>`) this one is protected against. */
      earlier_snapshots: z.array(z.string()),
    }),
  }),
  sources: z.array(z.strictObject({ name: z.string(), url: z.string(), licence: z.string(), note: z.string() })),
  /** The input files by name; no figures about them (the number of input rows is a total outside the model). */
  inputs: z.array(z.strictObject({ dataset: z.string(), file: z.string() })),
  landing: z.literal('landing.json'),
  tables: z.record(z.string(), manifestTable),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestTable = z.infer<typeof manifestTable>;

export const SYNTHETIC_NOTICE: Label = {
  id: 'DATA SINTETIS UNTUK DEMONSTRASI: angka kasus, korban, LKSA dan KLA dibangkitkan komputer dan dikalibrasi ke total nasional yang dipublikasikan; tidak menggambarkan wilayah, lembaga, atau anak mana pun. Nama LKSA rekaan.',
  en: 'SYNTHETIC DEMO DATA: case, victim, LKSA and KLA figures are computer-generated and calibrated to published national totals; they describe no real region, institution or child. LKSA names are invented.',
};

export const DATA_LICENCE: Label = {
  id: 'Tabel terbitan: CC BY 4.0. Data referensi dan batas wilayah: lisensi sumber masing-masing (lihat sources).',
  en: 'Published tables: CC BY 4.0. Reference data and boundaries: each source\'s licence (see sources).',
};

export const describeColumns = (columns: PublishedColumn[]): ManifestTable['columns'] =>
  columns.map((c) => ({ name: c.name, type: c.type, unit: c.unit, description: c.description }));
