import { normaliseRegionName } from '../../domain/regions.ts';
import type { DemoRegion } from './reference.ts';
import type { Rng } from './rng.ts';

/**
 * How the demo files spell a kab/kota in the `wilayah` column, as real exports do: mostly the Kemendagri
 * 2025 code, some 4-digit BPS codes, some names in other spellings, and for the Papua regencies whose code
 * changed in 2022/2025 some rows with the pre-2022 code. Every spelling resolves to exactly one kab/kota
 * through data/reference (checked when the speller is built).
 */
export interface RegionSpelling {
  code: number;
  bps: number;
  name: number;
  /** Share of rows with the old code, for regions that have one (taken from the `code` share). */
  oldCode: number;
}

export const DEFAULT_SPELLING: RegionSpelling = { code: 0.85, bps: 0.1, name: 0.05, oldCode: 0.3 };

export type SpellingKind = 'kemendagri' | 'bps' | 'name' | 'old_papua';

export class RegionSpeller {
  /** Per region: the spellings, each already CSV-safe. */
  private readonly variants: Array<{ code: string; bps: string; names: string[]; old: string | null }>;

  constructor(regions: readonly DemoRegion[], private readonly mix: RegionSpelling = DEFAULT_SPELLING) {
    const byName = new Map<string, Set<string>>();
    const addName = (name: string, code: string) => {
      const key = normaliseRegionName(name);
      const set = byName.get(key) ?? new Set<string>();
      set.add(code);
      byName.set(key, set);
    };
    for (const r of regions) {
      addName(r.name, r.code);
      addName(r.bpsName, r.code);
    }
    const codes = new Set(regions.map((r) => r.code));
    this.variants = regions.map((r) => {
      const candidates = [r.name, r.bpsName, r.name.toUpperCase(), altSpelling(r)];
      const names = [...new Set(candidates)].filter((n) => {
        const hits = byName.get(normaliseRegionName(n));
        return hits !== undefined && hits.size === 1 && hits.has(r.code);
      });
      if (names.length === 0) throw new Error(`no unambiguous name spelling for ${r.code}`);
      if (r.oldPapuaCode !== null && codes.has(r.oldPapuaCode)) {
        throw new Error(`old Papua code ${r.oldPapuaCode} of ${r.code} is also a 2025 code; it would be ambiguous`);
      }
      return { code: r.code, bps: r.bpsCode, names: names.map(csvSafe), old: r.oldPapuaCode };
    });
  }

  /** The spelling kind for the next row of region `i`. */
  kind(i: number, rng: Rng): SpellingKind {
    const v = this.variants[i]!;
    const u = rng.float();
    const m = this.mix;
    if (u < m.code) {
      if (v.old !== null && rng.float() < m.oldCode) return 'old_papua';
      return 'kemendagri';
    }
    return u < m.code + m.bps ? 'bps' : 'name';
  }

  /** A spelling of region `i` (index into the regions given to the constructor). */
  spell(i: number, rng: Rng): string {
    const v = this.variants[i]!;
    switch (this.kind(i, rng)) {
      case 'kemendagri': return v.code;
      case 'old_papua': return v.old ?? v.code;
      case 'bps': return v.bps;
      case 'name': return rng.pick(v.names);
    }
  }
}

/** "Kab. Simeulue" for a regency, "kota bandung" (lower case) for a city. */
function altSpelling(r: DemoRegion): string {
  if (r.kind === 'kota') return r.name.toLowerCase();
  return r.name.replace(/^Kabupaten\s+/i, 'Kab. ');
}

/** Quotes a CSV field when it needs it (comma, quote or line break). */
export function csvSafe(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
