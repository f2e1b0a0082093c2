import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Duck, sqlString } from '../../src/pipeline/duck.ts';
import { generateDemo } from '../../src/pipeline/demo/generate.ts';
import { loadDemoReference } from '../../src/pipeline/demo/reference.ts';
import { violenceTargets, victimsPerCaseCounts } from '../../src/pipeline/demo/violence.ts';
import { largestRemainder } from '../../src/pipeline/demo/alloc.ts';

// --scale N: exactly N victim rows, same distributions, streamed. (10M rows: run by hand, see the report.)

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pantau-demo-scale-'));
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** Data lines of a file (lines minus the header), counted on the bytes. */
async function dataLines(path: string): Promise<number> {
  let n = 0;
  for await (const chunk of createReadStream(path)) {
    const buf = chunk as Buffer;
    for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) n++;
  }
  return n - 1;
}

describe('--scale', () => {
  it('writes exactly 200,000 victim rows in the published year proportions, quickly', async () => {
    const out = join(root, 's200k');
    const t0 = performance.now();
    const s = await generateDemo({ outDir: out, scale: 200_000 });
    const seconds = (performance.now() - t0) / 1000;
    console.log(`generateDemo --scale 200000: ${seconds.toFixed(2)} s (all three files)`);
    expect(await dataLines(join(out, 'kekerasan.csv'))).toBe(200_000);
    expect(s.violenceRows).toBe(200_000);
    expect(seconds).toBeLessThan(20);

    const duck = await Duck.open();
    try {
      const rows = await duck.all(`SELECT substr(id_kasus, 3, 4)::INTEGER AS year, count(*)::INTEGER AS victims, count(DISTINCT id_kasus)::INTEGER AS cases
        FROM read_csv(${sqlString(join(out, 'kekerasan.csv'))}, all_varchar = true, header = true, delim = ',') GROUP BY 1 ORDER BY 1`);
      const demo = violenceTargets(loadDemoReference().published);
      const totalDemo = demo.reduce((a, y) => a + y.victims, 0);
      for (const r of rows) {
        const d = demo.find((y) => y.year === r.year)!;
        expect(Math.abs(Number(r.victims) / 200_000 - d.victims / totalDemo)).toBeLessThan(0.0005);
        expect(Number(r.victims) / Number(r.cases)).toBeCloseTo(d.victims / d.cases, 2);
      }
    } finally {
      duck.close();
    }
    // LKSA and KLA stay demo size (and identical to the demo run's)
    const demoDir = join(root, 'demo');
    await generateDemo({ outDir: demoDir });
    for (const f of ['lksa.csv', 'kla.csv']) {
      expect((await readFile(join(out, f))).equals(await readFile(join(demoDir, f))), f).toBe(true);
    }
  });

  it('handles tiny scales exactly', async () => {
    for (const n of [0, 1, 7, 250]) {
      const s = await generateDemo({ outDir: join(root, `s${n}`), scale: n });
      expect(await dataLines(join(root, `s${n}`, 'kekerasan.csv'))).toBe(n);
      expect(s.violenceRows).toBe(n);
    }
  });
});

describe('allocation helpers', () => {
  it('largest remainder keeps the total exactly', () => {
    expect(largestRemainder(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(largestRemainder(0, [0, 0])).toEqual([0, 0]);
    const parts = largestRemainder(17_641, [3, 2.5, 0.1, 9, 0]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(17_641);
    expect(parts[4]).toBe(0);
  });

  it('splits victims over cases of 1-4 victims exactly', () => {
    for (const [cases, victims] of [[16_106, 17_641], [1, 4], [3, 3], [5, 17], [0, 0], [2, 7]]) {
      const c = victimsPerCaseCounts(cases!, victims!);
      expect(c.reduce((a, b) => a + b, 0)).toBe(cases);
      expect(c[0] + 2 * c[1] + 3 * c[2] + 4 * c[3]).toBe(victims);
      expect(c.every((x) => x >= 0)).toBe(true);
    }
  });
});
