import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Duck } from '../../src/pipeline/duck.ts';
import { loadReference } from '../../src/pipeline/reference.ts';
import { RegionResolver } from '../../src/pipeline/harmonise.ts';
import { normaliseRegionName } from '../../src/domain/regions.ts';

let duck: Duck;
let resolver: RegionResolver;
beforeAll(async () => {
  duck = await Duck.open();
  await loadReference(duck);
  resolver = await RegionResolver.fromReference(duck);
});
afterAll(() => duck.close());

const code = (raw: string) => {
  const r = resolver.resolve(raw);
  return r.ok ? r.code : `ERROR ${r.reason}`;
};

describe('region harmonisation to Kemendagri 2025', () => {
  it('maps every BPS code through the crosswalk, never by stripping the dot', async () => {
    const rows = await duck.all(`SELECT kode_bps, kode_kemendagri FROM ref_bps_regency`);
    expect(rows).toHaveLength(514);
    for (const r of rows) expect(code(String(r.kode_bps))).toBe(r.kode_kemendagri);
    // BPS 1101 is Simeulue (Kemendagri 11.09), while Kemendagri 11.01 is Aceh Selatan.
    expect(code('1101')).toBe('11.09');
    expect(code('11.01')).toBe('11.01');
    // Papua: BPS province 91 is Papua Barat; BPS 9501 is Merauke in Papua Selatan (Kemendagri 93.01).
    expect(code('9501')).toBe('93.01');
  });

  it('maps every 2025 name and every BPS spelling to its own code', async () => {
    const names = await duck.all(`SELECT kode_kemendagri AS code, nama FROM ref_wilayah WHERE level IN ('kabupaten', 'kota')`);
    for (const r of names) expect(code(String(r.nama))).toBe(r.code);
    const bps = await duck.all(`SELECT nama_bps, kode_kemendagri FROM ref_bps_regency`);
    for (const r of bps) expect(code(String(r.nama_bps))).toBe(r.kode_kemendagri);
  });

  it('accepts common spellings', () => {
    expect(code('KAB. SIMEULUE')).toBe('11.09');
    expect(code('kabupaten simeulue')).toBe('11.09');
    expect(code('Kab Simeulue')).toBe('11.09');
    expect(code('Simeulue')).toBe('11.09');
    expect(code('  Kota Bandung ')).toBe('32.73');
    expect(code('KOTA ADM. JAKARTA PUSAT')).toBe('31.71');
    expect(code('Jakarta Pusat')).toBe('31.71');
    expect(code('Kabupaten Fak-Fak')).toBe('92.03');
  });

  it('maps pre-2025 Papua codes (2021 and 2022 rules) to 2025', async () => {
    const rows = await duck.all(`SELECT kode_2022_permendagri58_2021 AS c2021, kode_kepmendagri_100_1_1_6117_2022 AS c2022,
      kode_kepmendagri_300_2_2_2138_2025 AS c2025 FROM ref_papua_codes`);
    expect(rows.length).toBe(42);
    for (const r of rows) {
      expect(code(String(r.c2021))).toBe(r.c2025);
      expect(code(String(r.c2022))).toBe(r.c2025);
    }
    expect(code('91.01')).toBe('93.01'); // Merauke, 2021 code
    expect(code('92.01')).toBe('96.01'); // Kabupaten Sorong, 2022 code
  });

  it('refuses what it cannot place, saying why', () => {
    expect(code('Bogor')).toMatch(/ambiguous name: 32\.01 Kabupaten Bogor; 32\.71 Kota Bogor/);
    expect(code('Kabupaten Bogor')).toBe('32.01');
    expect(code('32')).toMatch(/province code/);
    expect(code('32.99')).toMatch(/unknown Kemendagri code/);
    expect(code('0000')).toMatch(/unknown BPS code/);
    expect(code('Gotham City')).toMatch(/unknown region name or code/);
  });

  it('normalises names by kind and punctuation only', () => {
    expect(normaliseRegionName('Kabupaten Administrasi Kepulauan Seribu')).toBe('KAB KEPULAUAN SERIBU');
    expect(normaliseRegionName('KAB. TOLI-TOLI')).toBe('KAB TOLI TOLI');
    expect(normaliseRegionName('Kota Adm. Jakarta Barat')).toBe('KOTA JAKARTA BARAT');
  });
});
