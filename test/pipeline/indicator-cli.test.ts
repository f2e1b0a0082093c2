import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../src/pipeline/build.ts';
import { REPO_ROOT } from '../../src/pipeline/sql-files.ts';
import { REFERENCE_DATE, tempDir, VALID_RAW } from '../helpers.ts';

// `npm run indicator`: the command line a researcher scripts, run as a process over the fixture snapshot. Its rows are
// the app's (the browser test indicator-cli.e2e.test.ts compares them with the map's table); here: arguments, values
// checked by hand, provenance and errors.

const run = promisify(execFile);
const scratch = tempDir('pantau-indicator-cli-');
let snapshot: string;

beforeAll(async () => {
  const built = await buildSnapshot({ rawDir: VALID_RAW, outDir: scratch.dir, snapshotId: 'fixture', k: 5, referenceDate: REFERENCE_DATE, synthetic: true });
  snapshot = built.dir;
}, 120_000);
afterAll(() => scratch.cleanup());

const cli = (...args: string[]) => run(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), [join(REPO_ROOT, 'src', 'pipeline', 'cli', 'indicator.ts'), ...args, '--snapshot', snapshot], { cwd: REPO_ROOT });

describe('npm run indicator', () => {
  it('prints a province\'s kab/kota for a year as JSON, with provenance, values and the map\'s ranks', async () => {
    const { stdout, stderr } = await cli('violence-victims', '--year', '2023', '--level', 'regency', '--province', '32', '--format', 'json');
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ snapshot_id: 'fixture', synthetic: true, indicator: 'violence-victims', year: 2023 });
    expect(stderr).toMatch(/SYNTHETIC/);
    expect(out.rows).toHaveLength(27);
    // Kota Bandung 8 victims in 2023; Kabupaten Bandung withheld (secondary suppression); the rest of Jawa Barat 0.
    expect(out.rows.find((r: { region_code: string }) => r.region_code === '32.73'))
      .toEqual({ year: 2023, level: 'regency', region_code: '32.73', name: 'Kota Bandung', value: 8, suppressed: false, numerator: null, denominator: null, rank: 1 });
    expect(out.rows.find((r: { region_code: string }) => r.region_code === '32.04')).toMatchObject({ value: null, suppressed: true, rank: null });
    // Ties share a rank (competition ranking): 25 kab/kota with 0 are all 2nd.
    expect(out.rows.filter((r: { rank: number | null }) => r.rank === 2)).toHaveLength(25);
  });

  it('prints CSV by default: a header, full precision, empty cells for NULL, the snapshot on every row', async () => {
    const { stdout } = await cli('violence-victim-rate', '--level', 'province');
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('year,level,region_code,name,value,suppressed,numerator,denominator,rank,snapshot_id,synthetic');
    expect(lines).toHaveLength(39);
    // The latest year with data (2024), Jawa Barat: 15 victims over its estimated children.
    const jabar = lines.find((l) => l.startsWith('2024,province,32,'))!.split(',');
    expect(Number(jabar[6])).toBe(15);
    expect(Number(jabar[4])).toBeCloseTo(15 * 100000 / Number(jabar[7]), 9);
    expect(jabar.slice(-2)).toEqual(['fixture', 'true']);
  });

  it('answers an indicator without years (LKSA) at every level when no level is given', async () => {
    const out = JSON.parse((await cli('lksa-institutions', '--format', 'json', '--year', '2024')).stdout);
    expect(out.year).toBeNull();
    expect(out.rows).toHaveLength(1 + 38 + 514);
    expect(out.rows.find((r: { region_code: string }) => r.region_code === '00')).toMatchObject({ value: 6, year: null, level: 'national' });
  });

  it('refuses an unknown indicator, naming those that exist, and bad arguments', async () => {
    await expect(cli('no-such-indicator')).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/unknown indicator "no-such-indicator".*violence-victim-rate/) });
    await expect(cli('violence-victims', '--level', 'district')).rejects.toMatchObject({ stderr: expect.stringMatching(/--level.*district/) });
    await expect(cli('violence-victims', '--province', '3')).rejects.toMatchObject({ stderr: expect.stringMatching(/province code/) });
  });
});
