import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSnapshot } from '../../src/pipeline/build.ts';
import { Duck, sqlString } from '../../src/pipeline/duck.ts';
import { auditSnapshot } from '../../src/pipeline/audit-snapshot.ts';
import { landingPlugin } from '../../scripts/vite-landing.ts';
import { formatChange, formatNumber, formatPercent } from '../../src/app/format.ts';
import { REPO_ROOT } from '../../src/pipeline/sql-files.ts';
import { copyValidRaw, REFERENCE_DATE, tempDir } from '../helpers.ts';

// Totals outside the disclosure model: a figure published beside the tables that the model does not know about gives
// withheld counts back (the earlier manifest stated the number of input rows: minus the published national victims of
// each year, it gave back a withheld national year). Every figure beside the tables must now be derivable from them,
// and the audit proves it.

const scratch = tempDir('pantau-figures-');
afterAll(() => scratch.cleanup());
let dir: string;
let duck: Duck;

beforeAll(async () => {
  // The fixture plus three victims reported in 2022: a national year too small to publish.
  const raw = copyValidRaw(scratch.dir);
  appendFileSync(join(raw, 'kekerasan.csv'), [
    'K-2022-0001,2022-03-01,32.73,P,10,fisik,rumah_tangga,orang_tua,tidak,pengaduan',
    'K-2022-0002,2022-04-01,32.73,L,8,psikis,sekolah,guru,tidak,pengaduan',
    'K-2022-0003,2022-05-01,3204,P,15,seksual,rumah_tangga,keluarga,tidak,pengaduan',
  ].join('\n') + '\n');
  dir = (await buildSnapshot({ rawDir: raw, outDir: join(scratch.dir, 'out'), snapshotId: 'figures', k: 5, referenceDate: REFERENCE_DATE, synthetic: true })).dir;
  duck = await Duck.open();
}, 120_000);
afterAll(() => duck?.close());

const copy = (name: string): string => {
  const to = join(scratch.dir, name);
  cpSync(dir, to, { recursive: true });
  return to;
};

describe('figures published beside the tables', () => {
  it('the 2022 national total is withheld, and no published figure adds up to it', async () => {
    const [y2022] = await duck.all(`SELECT victims, suppressed FROM read_parquet(${sqlString(join(dir, 'violence_totals.parquet'))}) WHERE year = 2022 AND region_code = '00'`);
    expect(y2022).toEqual({ victims: null, suppressed: true });
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    // The input files are named, not counted: 45 rows minus the published 19 + 23 would give the 3 back.
    expect(manifest.inputs).toEqual([
      { dataset: 'violence', file: 'kekerasan.csv' }, { dataset: 'lksa', file: 'lksa.csv' }, { dataset: 'kla', file: 'kla.csv' },
    ]);
    // Withheld rows are one number per table: a split into small and secondary ones would prove, where all are
    // small, that each holds 1..k-1 children.
    for (const t of Object.values(manifest.tables) as Array<Record<string, unknown>>) {
      expect(Object.keys(t)).not.toContain('suppressed');
      expect(Object.keys(t)).toContain('withheld');
    }
    const datapackage = readFileSync(join(dir, 'datapackage.json'), 'utf8');
    expect(datapackage).not.toMatch(/"primary"|"secondary"/);
    await expect(auditSnapshot(duck, dir, 5)).resolves.toBeDefined();
  });

  it('the audit refuses a manifest that states the number of input rows', async () => {
    const to = copy('rows');
    const manifest = JSON.parse(readFileSync(join(to, 'manifest.json'), 'utf8'));
    manifest.inputs[0].rows = 45;
    writeFileSync(join(to, 'manifest.json'), JSON.stringify(manifest));
    await expect(auditSnapshot(duck, to, 5)).rejects.toThrow(/manifest\.json: not the published manifest schema.*inputs\.0/);
  });

  it('the audit refuses a manifest figure that the files do not give', async () => {
    const to = copy('withheld');
    const manifest = JSON.parse(readFileSync(join(to, 'manifest.json'), 'utf8'));
    manifest.tables.violence_totals.withheld += 1;
    writeFileSync(join(to, 'manifest.json'), JSON.stringify(manifest));
    await expect(auditSnapshot(duck, to, 5)).rejects.toThrow(/tables\.violence_totals\.withheld \d+ != \d+ suppressed rows in the file/);
  });

  it('the landing slice is exactly what the app queries give on the published tables alone, and a changed one is refused', async () => {
    const to = copy('landing');
    const landing = JSON.parse(readFileSync(join(to, 'landing.json'), 'utf8'));
    expect(landing.year).toBe(2024);
    landing.violence_headline.victims += 3;
    writeFileSync(join(to, 'landing.json'), JSON.stringify(landing));
    await expect(auditSnapshot(duck, to, 5)).rejects.toThrow(/landing\.json: differs from what the app's queries compute/);
  });

  it('the page baked into index.html shows no figure but those of the audited landing slice', async () => {
    // The site as vite sees it: this snapshot as the current one, and the province boundaries.
    const pub = join(scratch.dir, 'public');
    cpSync(dir, join(pub, 'data', 'figures'), { recursive: true });
    writeFileSync(join(pub, 'data', 'index.json'), JSON.stringify({ current: 'figures' }));
    mkdirSync(join(pub, 'geo'), { recursive: true });
    cpSync(join(REPO_ROOT, 'public', 'geo', 'provinces.topojson'), join(pub, 'geo', 'provinces.topojson'));
    const transform = landingPlugin(pub).transformIndexHtml as (html: string) => string;
    const html = transform('<html><body><div id="root"></div></body></html>');
    expect(html).toContain('id="landing-map"');

    // Every number a reader sees (text and titles, not the map's path coordinates) is a landing figure as the page
    // formats it, a year of the slice, or the page's fixed wording ("per 100.000 anak", "0-17").
    const landing = JSON.parse(readFileSync(join(dir, 'landing.json'), 'utf8'));
    const leaves: number[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'number') leaves.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(landing);
    const allowed = new Set(['100.000', '0', '17', String(landing.year), String(landing.kla_year)]);
    for (const n of leaves) {
      for (const s of [formatNumber('id', n), formatNumber('id', n, 1), formatChange('id', n), formatPercent('id', n)]) {
        for (const part of s.match(/\d[\d.,]*/g) ?? []) allowed.add(part);
      }
    }
    const shown = [
      ...html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]*>/g, ' ').matchAll(/\d[\d.,]*\d|\d/g),
      ...[...html.matchAll(/title="([^"]*)"|<title>([^<]*)<\/title>/g)].flatMap((m) => [...(m[1] ?? m[2] ?? '').matchAll(/\d[\d.,]*\d|\d/g)]),
    ].map((m) => m[0]);
    expect(shown.length).toBeGreaterThan(40);
    expect(shown.filter((n) => !allowed.has(n))).toEqual([]);
    // The headline is the slice's, which the audit re-derives from the tables (test above).
    expect(html).toContain(`<div class="figure-value">${formatNumber('id', landing.violence_headline.victims)}</div>`);
  });
});
