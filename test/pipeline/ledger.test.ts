import { afterAll, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSnapshot } from '../../src/pipeline/build.ts';
import { Duck, sqlString } from '../../src/pipeline/duck.ts';
import { readLedger } from '../../src/pipeline/ledger.ts';
import { copyValidRaw, REFERENCE_DATE, tempDir } from '../helpers.ts';

// The ledger of published snapshots: every build records its count tables there, and every later build is protected
// against everything recorded, including snapshots that are no longer on the site.

const scratch = tempDir('pantau-ledger-');
afterAll(() => scratch.cleanup());

const build = (raw: string, id: string, extra: { ledger?: string; synthetic?: boolean; out?: string } = {}) => buildSnapshot({
  rawDir: raw, outDir: extra.out ?? join(scratch.dir, 'out'), snapshotId: id, k: 5, referenceDate: REFERENCE_DATE, synthetic: extra.synthetic ?? false,
  ...(extra.ledger ? { ledger: extra.ledger } : {}),
});

describe('the ledger of published snapshots', () => {
  it('records each build, protects the next against it, and keeps it when the snapshot leaves the site', async () => {
    const ledger = join(scratch.dir, 'ledger');
    const raw = copyValidRaw(scratch.dir);
    const first = await build(raw, 'first', { ledger });
    expect(first.manifest.disclosure.audit.earlier_snapshots).toEqual([]);
    expect(readdirSync(ledger)).toEqual([expect.stringMatching(/^first@\d{4}-\d\d-\d\dT/)]);
    // Late reports: two more victims in Kota Bandung in 2024.
    appendFileSync(join(raw, 'kekerasan.csv'), [
      'K-2024-0090,2024-12-01,32.73,P,10,fisik,rumah_tangga,orang_tua,tidak,pengaduan',
      'K-2024-0091,2024-12-02,32.73,L,8,psikis,sekolah,guru,tidak,pengaduan',
    ].join('\n') + '\n');
    // The first snapshot is taken off the site: the ledger still holds it.
    rmSync(first.dir, { recursive: true });
    const second = await build(raw, 'second', { ledger });
    expect(second.manifest.disclosure.audit.earlier_snapshots).toEqual([expect.stringMatching(/^first@/)]);
    expect(readdirSync(ledger).sort()).toEqual([expect.stringMatching(/^first@/), expect.stringMatching(/^second@/)]);
    // The ledger holds published tables only: the count tables and the manifest, no raw rows.
    const entry = join(ledger, readdirSync(ledger).sort()[1]!);
    expect(readdirSync(entry).sort()).toEqual(['manifest.json', 'violence_by_disability.parquet', 'violence_by_perpetrator.parquet', 'violence_by_place.parquet',
      'violence_by_service.parquet', 'violence_by_sex_age.parquet', 'violence_by_type.parquet', 'violence_totals.parquet']);
    const duck = await Duck.open();
    try {
      const earlier = await readLedger(duck, ledger, false);
      expect(earlier.map((e) => e.tables.length)).toEqual([7, 7]);
      const [kota] = await duck.all(`SELECT victims FROM read_parquet(${sqlString(join(second.dir, 'violence_totals.parquet'))}) WHERE year = 2024 AND region_code = '32.73'`);
      expect(kota?.victims).toBe(12);
    } finally {
      duck.close();
    }
  });

  it('adopts the real snapshots already on the site, and leaves synthetic ones out', async () => {
    const ledger = join(scratch.dir, 'ledger-adopt');
    const raw = copyValidRaw(join(scratch.dir, 'adopt'));
    // Built before the ledger existed (no ledger), then a synthetic one.
    const out = join(scratch.dir, 'adopt-out');
    await build(raw, 'old-real', { out });
    await build(raw, 'old-demo', { synthetic: true, out });
    const next = await build(raw, 'next', { ledger, out });
    expect(next.manifest.disclosure.audit.earlier_snapshots).toEqual([expect.stringMatching(/^old-real@/)]);
    expect(readdirSync(ledger).some((n) => n.startsWith('old-demo@'))).toBe(false);
    expect(existsSync(join(ledger, readdirSync(ledger).find((n) => n.startsWith('old-real@'))!, 'manifest.json'))).toBe(true);
    // The earlier snapshot is a copy: the site's folder may go, the record stays.
    const manifest = JSON.parse(readFileSync(join(ledger, readdirSync(ledger).find((n) => n.startsWith('next@'))!, 'manifest.json'), 'utf8'));
    expect(manifest.snapshot_id).toBe('next');
  });
});
