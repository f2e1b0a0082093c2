import { it } from 'vitest';
import { audit, suppress } from '../../src/pipeline/disclosure/index.ts';
import { syntheticInputForScratch } from './disclosure-realistic.test.ts';
for (const scale of [3, 10, 30]) {
  it(`scale ${scale}`, () => {
    const { regions, tables } = syntheticInputForScratch(7, [2019, 2020, 2021, 2022, 2023, 2024], scale);
    const t0 = performance.now();
    const res = suppress(tables, regions, 5);
    const t1 = performance.now();
    const f = audit(res.tables, regions, 5);
    const t2 = performance.now();
    console.log(scale, (t1 - t0).toFixed(0), (t2 - t1).toFixed(0), f.length, JSON.stringify(res.stats));
  });
}
