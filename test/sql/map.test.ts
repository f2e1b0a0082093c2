import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../src/pipeline/build.ts';
import { Duck } from '../../src/pipeline/duck.ts';
import { auditSnapshot } from '../../src/pipeline/audit-snapshot.ts';
import { REFERENCE_DATE, tempDir, VALID_RAW } from '../helpers.ts';

// queries/app/map/*.sql on the snapshot built from the fixture (test/fixtures/raw/valid), hand-checked.

const scratch = tempDir('pantau-map-sql-');
let duck: Duck;
beforeAll(async () => {
  const { dir } = await buildSnapshot({ rawDir: VALID_RAW, outDir: scratch.dir, snapshotId: 'fixture', k: 5, referenceDate: REFERENCE_DATE, synthetic: true });
  duck = await Duck.open();
  await auditSnapshot(duck, dir, 5); // views named after the published tables
});
afterAll(() => { duck.close(); scratch.cleanup(); });

describe('map queries', () => {
  it('map/regions.sql names every province and kab/kota, with its province, in code order', async () => {
    const rows = await duck.query('app/map/regions');
    expect(rows).toHaveLength(38 + 514);
    expect(rows.filter((r) => r.level === 'province')).toHaveLength(38);
    expect(rows.some((r) => r.region_code === '00')).toBe(false);
    expect(rows[0]).toEqual({ region_code: '11', level: 'province', name: 'Aceh', province_code: '11' });
    expect(rows.find((r) => r.region_code === '32.73')).toEqual({ region_code: '32.73', level: 'regency', name: 'Kota Bandung', province_code: '32' });
    const codes = rows.map((r) => String(r.region_code));
    expect(codes).toEqual([...codes].sort());
    expect(rows.filter((r) => r.level === 'regency' && r.province_code === '32')).toHaveLength(27);
  });
});
