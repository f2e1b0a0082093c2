import { describe, expect, it } from 'vitest';
import { bibtexKey, citationBibtex, citationText, escapeBibtex, licenceName, type CitableSnapshot } from '../../src/domain/citation.ts';
import { DATA_LICENCE } from '../../src/pipeline/manifest.ts';

const snapshot: CitableSnapshot = {
  snapshot_id: 'demo',
  title: { id: 'Pantau Anak: snapshot data perlindungan anak', en: 'Pantau Anak: child-protection data snapshot' },
  built_at: '2026-11-22T20:47:43.501Z',
  reference_date: '2025-12-31',
  synthetic: true,
  licence: DATA_LICENCE,
};

describe('citation text', () => {
  it('names publisher, year, title, snapshot, dates, synthetic and licence, in Bahasa Indonesia', () => {
    expect(citationText(snapshot, 'id')).toBe(
      'Pantau Anak (2026). Pantau Anak: snapshot data perlindungan anak [Set data]. Snapshot demo, tanggal acuan 2025-12-31, dibangun 2026-11-22. DATA SINTETIS, bukan data sebenarnya. Lisensi: CC BY 4.0.');
  });

  it('and in English, with the part of the snapshot cited', () => {
    expect(citationText(snapshot, 'en', { id: 'Tabel x', en: 'Table x' })).toBe(
      'Pantau Anak (2026). Pantau Anak: child-protection data snapshot — Table x [Data set]. Snapshot demo, reference date 2025-12-31, built 2026-11-22. SYNTHETIC DATA, not real data. Licence: CC BY 4.0.');
  });

  it('says nothing of synthetic data for a real snapshot; an unnamed licence is quoted whole', () => {
    const real = { ...snapshot, synthetic: false, licence: { id: 'Lisensi khusus', en: 'Custom licence' } };
    expect(citationText(real, 'en')).not.toMatch(/SYNTHETIC/);
    expect(citationText(real, 'id')).toMatch(/Lisensi: Lisensi khusus\.$/);
    expect(licenceName(DATA_LICENCE, 'en')).toBe('CC BY 4.0');
  });
});

describe('BibTeX', () => {
  it('is a @misc entry keyed by the snapshot id and year', () => {
    const bib = citationBibtex(snapshot);
    expect(bib).toBe([
      '@misc{pantauanak_demo_2026,',
      '  author = {{Pantau Anak}},',
      '  title = {{Pantau Anak: child-protection data snapshot}},',
      '  year = {2026},',
      '  howpublished = {Data set (Parquet snapshot)},',
      '  note = {Snapshot demo, reference date 2025-12-31, built 2026-11-22. SYNTHETIC DATA, not real data. Licence: CC BY 4.0.}',
      '}',
      '',
    ].join('\n'));
  });

  it('escapes LaTeX special characters in every field and keeps the key safe', () => {
    expect(escapeBibtex('a & b % c $ d # e _ f { g } h ~ i ^ j \\ k')).toBe(
      'a \\& b \\% c \\$ d \\# e \\_ f \\{ g \\} h \\textasciitilde{} i \\textasciicircum{} j \\textbackslash{} k');
    const odd = { ...snapshot, snapshot_id: 'simfoni_2025', title: { id: 'x', en: 'Data & 100% {raw} #1' } };
    const bib = citationBibtex(odd, { id: 'y', en: 'table_x' });
    expect(bib).toContain('@misc{pantauanak_simfoni_2025_2026,');
    expect(bib).toContain('title = {{Data \\& 100\\% \\{raw\\} \\#1 — table\\_x}}');
    expect(bib).toContain('note = {Snapshot simfoni\\_2025,');
    expect(bibtexKey('a b{c}', '2025-01-01')).toBe('pantauanak_a_b_c__2025');
    // Braces stay balanced whatever the text holds.
    const depth = [...bib.replace(/\\[{}]/g, '')].reduce((d, c) => d + (c === '{' ? 1 : c === '}' ? -1 : 0), 0);
    expect(depth).toBe(0);
  });
});
