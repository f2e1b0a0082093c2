import type { RegionNode } from '../../src/pipeline/disclosure/index.ts';

/** Province code -> its kab/kota codes ([] for a province published without kab/kota). */
export type Tree = Record<string, string[]>;

/** A small region hierarchy for disclosure tests: Indonesia ('00'), the provinces and their kab/kota. */
export function regionsOf(tree: Tree): RegionNode[] {
  const out: RegionNode[] = [{ code: '00', level: 'national', parent: null }];
  for (const [p, kids] of Object.entries(tree)) {
    out.push({ code: p, level: 'province', parent: '00' });
    for (const r of kids) out.push({ code: r, level: 'regency', parent: p });
  }
  return out;
}
