import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { indicator, type IndicatorId } from '../../src/domain/indicators.ts';
import { formatValue } from '../../src/app/indicator/shading.ts';
import { REPO_ROOT } from '../../src/pipeline/sql-files.ts';
import { useSite } from './site.ts';

// The command line and the browser give the same rows: `npm run indicator` over the built snapshot, and the map
// explorer's table for the same indicator, year and level (names, ranks and values as the table writes them).

const run = promisify(execFile);
const site = useSite();

interface CliRow { region_code: string; name: string; value: number | null; suppressed: boolean; rank: number | null }

async function cliRows(id: IndicatorId, level: string, province?: string): Promise<{ year: number | null; rows: CliRow[] }> {
  const args = [join(REPO_ROOT, 'src', 'pipeline', 'cli', 'indicator.ts'), id, '--level', level, '--format', 'json', ...(province ? ['--province', province] : [])];
  const { stdout } = await run(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), args, { cwd: REPO_ROOT, maxBuffer: 1 << 24 });
  return JSON.parse(stdout) as { year: number | null; rows: CliRow[] };
}

/** The map table as shown: code -> { name, rank, value } cell texts. */
async function mapTable(url: string, id: IndicatorId): Promise<{ year: string; rows: Map<string, { name: string; rank: string; value: string }> }> {
  const page = site.page;
  await page.goto(`${site.origin}/${url}`);
  await page.waitForFunction((i) => document.querySelector('.map-view')?.getAttribute('data-source') === 'query'
    && document.querySelector('.map-view')?.getAttribute('aria-busy') === 'false'
    && document.querySelector<HTMLSelectElement>('.control-indicator select')?.value === i, id, { timeout: 120_000 });
  const shown = await page.evaluate(() => {
    const table = document.querySelector('.map-table table')!;
    const heads = [...table.querySelectorAll('thead th')].map((th) => (th.textContent ?? '').trim());
    const col = (prefix: string) => heads.findIndex((h) => h.startsWith(prefix));
    const [name, rank, value] = [col('Wilayah'), col('Peringkat'), col('Nilai')];
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => {
      const cells = [...tr.children].map((c) => (c.textContent ?? '').trim());
      return [tr.getAttribute('data-key') ?? '', { name: cells[name] ?? '', rank: rank < 0 ? '' : cells[rank] ?? '', value: cells[value] ?? '' }] as const;
    });
    return { year: document.querySelector('.year-value')?.textContent ?? '', rows };
  });
  return { year: shown.year, rows: new Map(shown.rows) };
}

const valueText = (id: IndicatorId, r: CliRow) => (r.suppressed ? 'disembunyikan' : r.value === null ? 'tidak ada data' : formatValue(indicator(id), r.value, 'id'));
const rankText = (r: CliRow) => (r.rank === null ? '–' : new Intl.NumberFormat('id-ID').format(r.rank));

describe('npm run indicator equals the map explorer\'s table', () => {
  it.each([
    ['violence-victim-rate', 'province', undefined],
    ['violence-victims', 'regency', '32'],
    ['lksa-accredited-share', 'province', undefined],
    ['kla-average-score', 'regency', '11'],
  ] as const)('%s, %s %s', { timeout: 180_000 }, async (id, level, province) => {
    const cli = await cliRows(id, level, province);
    const shown = await mapTable(`?i=${id}&l=${level}${province ? `&r=${province}` : ''}`, id);
    if (cli.year !== null) expect(shown.year).toBe(String(cli.year));
    expect([...shown.rows.keys()]).toEqual(cli.rows.map((r) => r.region_code));
    for (const r of cli.rows) {
      expect(shown.rows.get(r.region_code), `${id} ${r.region_code}`).toEqual({ name: r.name, rank: rankText(r), value: valueText(id, r) });
    }
  });
});
