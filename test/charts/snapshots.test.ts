import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { CASES } from './cases.ts';
import { renderSvg } from './render.ts';
import { SNAPSHOT_DIR, UPDATE_COMMAND, actualPath, isActualFile, readSnapshot, sameSvg, shown, snapshotPath } from './snapshot-files.ts';

// Chart regressions made visible: every case of cases.ts is rendered to SVG by ECharts' server-side renderer and
// compared with its committed snapshot (test/charts/snapshots/<name>.svg). A missing snapshot is written, except in
// CI (CI=true), where it fails; UPDATE_SNAPSHOTS=1 rewrites them all. See README, "Chart snapshots".

const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';
const IN_CI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';

mkdirSync(SNAPSHOT_DIR, { recursive: true });

describe('chart cases', () => {
  it('have unique kebab-case names that cannot be mistaken for a failed rendering', () => {
    const names = CASES.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(isActualFile(`${name}.svg`)).toBe(false);
    }
  });

  it('render deterministically: every case twice gives the same SVG', () => {
    for (const c of CASES) expect(renderSvg(c.option(), c)).toBe(renderSvg(c.option(), c));
  });

  it('the comparer catches a change of one colour', () => {
    const c = CASES.find((x) => x.name === 'violence-type-withheld-id')!;
    const option = c.option();
    const recoloured = { ...option, color: ['#ff00ff', '#00ffff'] };
    const before = renderSvg(option, c);
    const after = renderSvg(recoloured, c);
    expect(after).toContain('#ff00ff');
    expect(sameSvg(before, after)).toBe(false);
    expect(sameSvg(before, before.replace(/\n/g, '\r\n'))).toBe(true);
  });

  it('every committed snapshot belongs to a case', () => {
    const names = new Set(CASES.map((c) => `${c.name}.svg`));
    const orphans = readdirSync(SNAPSHOT_DIR).filter((f) => f.endsWith('.svg') && !isActualFile(f) && !names.has(f));
    if (UPDATE) for (const f of orphans) rmSync(`${SNAPSHOT_DIR}/${f}`);
    else expect(orphans, `snapshots without a case: remove them or run ${UPDATE_COMMAND}`).toEqual([]);
  });
});

describe('chart snapshots', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const svg = renderSvg(c.option(), c);
      // A real chart, not a blank canvas: drawn shapes and text.
      expect(svg).toMatch(/^<svg /);
      expect(svg).toContain('<path');
      expect(svg).toContain('<text');

      const committed = readSnapshot(c.name);
      rmSync(actualPath(c.name), { force: true });
      if (committed === null && IN_CI && !UPDATE) {
        throw new Error(`Chart "${c.name}" has no snapshot (${shown(snapshotPath(c.name))}). Run ${UPDATE_COMMAND} and commit it.`);
      }
      if (committed === null || UPDATE) {
        if (committed === null || !sameSvg(committed, svg)) writeFileSync(snapshotPath(c.name), svg);
        return;
      }
      if (!sameSvg(committed, svg)) {
        writeFileSync(actualPath(c.name), svg);
        throw new Error(`Chart "${c.name}" differs from its snapshot ${shown(snapshotPath(c.name))}; the new rendering is in ` +
          `${shown(actualPath(c.name))}. Compare them (npm run charts:gallery), and if the change is intended: ${UPDATE_COMMAND}`);
      }
    });
  }
});
