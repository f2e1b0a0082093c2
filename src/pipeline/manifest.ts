import type { Label } from '../domain/label.ts';
import type { PublishedColumn } from '../domain/tables.ts';

/** manifest.json of a snapshot: everything a reader needs to trust and cite it. */
export interface Manifest {
  schema_version: 1;
  snapshot_id: string;
  title: Label;
  built_at: string;
  reference_date: string;
  synthetic: boolean;
  synthetic_notice: Label | null;
  pipeline_fingerprint: string;
  licence: Label;
  disclosure: {
    k: number;
    rule: Label;
    audit: { passed: true; tables_checked: number; cells_checked: number; findings: 0 };
  };
  sources: Array<{ name: string; url: string; licence: string; note: string }>;
  inputs: Array<{ dataset: string; file: string; rows: number }>;
  landing: string;
  tables: Record<string, ManifestTable>;
}

export interface ManifestTable {
  file: string;
  rows: number;
  bytes: number;
  sha256: string;
  description: Label;
  finest_level: 'regency' | 'province' | null;
  suppressed: { primary: number; secondary: number } | null;
  columns: Array<{ name: string; type: string; unit: Label | null; description: Label }>;
}

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
