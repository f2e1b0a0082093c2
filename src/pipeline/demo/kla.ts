import { KLA } from '../../domain/raw-contract.ts';
import { KLA_CATEGORIES, KLA_CLUSTERS, klaCategoryForScore, type KlaCategory } from '../../domain/kla.ts';
import type { DemoReference, PublishedTargets } from './reference.ts';
import { Rng } from './rng.ts';
import type { RegionSpeller } from './spelling.ts';
import { writeCsvAtomically } from './writer.ts';

export interface KlaYearSummary {
  year: number;
  byCategory: Record<KlaCategory, number>;
}

export interface KlaOptions {
  seed: number;
  awards: PublishedTargets['klaAwards'];
  speller: RegionSpeller;
  /** Persistent per-region quality (shared with LKSA), one per region. */
  regionQuality: readonly number[];
}

/** Categories from best to worst; regions are ranked each year and take categories by rank. */
const AWARDED: ReadonlyArray<Exclude<KlaCategory, 'tidak_ada'>> = ['kla', 'utama', 'nindya', 'madya', 'pratama'];
/** Scores of regions without an award are drawn from 250-499 (a total of 0-249 would be implausible). */
const NO_AWARD_MIN = 250;

/**
 * Every kab/kota is evaluated in every award year. A latent quality that persists and improves over time
 * ranks the regions; the best get the categories in exactly the published numbers, then the score is drawn
 * uniformly (in tenths of a point) inside the category's range so that the rounded score lands in it.
 */
export async function writeKla(path: string, ref: DemoReference, opts: KlaOptions): Promise<KlaYearSummary[]> {
  const { regions } = ref;
  const stable = new Rng(opts.seed, 'kla/trend');
  const trend = regions.map(() => 0.12 + 0.06 * stable.normal());
  const summaries: KlaYearSummary[] = [];
  const header = KLA.columns.map((c) => c.name);

  await writeCsvAtomically(path, header, async (w) => {
    for (const { year, counts } of [...opts.awards].sort((a, b) => a.year - b.year)) {
      const rng = new Rng(opts.seed, `kla/${year}`);
      const latent = regions.map((_, i) => opts.regionQuality[i]! + trend[i]! * (year - 2019) + 0.25 * rng.normal());
      const order = regions.map((_, i) => i).sort((x, y) => latent[y]! - latent[x]! || x - y);
      const category = new Array<KlaCategory>(regions.length).fill('tidak_ada');
      let rank = 0;
      for (const c of AWARDED) {
        for (let k = 0; k < counts[c]; k++) {
          if (rank >= regions.length) throw new Error(`more KLA awards in ${year} than kab/kota`);
          category[order[rank++]!] = c;
        }
      }
      const summary: KlaYearSummary = { year, byCategory: Object.fromEntries(KLA_CATEGORIES.map((c) => [c.code, 0])) as Record<KlaCategory, number> };
      for (let i = 0; i < regions.length; i++) {
        const cat = category[i]!;
        const range = KLA_CATEGORIES.find((c) => c.code === cat)!;
        const lo = Math.max(range.min, cat === 'tidak_ada' ? NO_AWARD_MIN : range.min) * 10;
        const hi = range.max * 10 + 4; // x.4 still rounds down into the category
        const score = rng.int(lo, hi) / 10;
        if (klaCategoryForScore(score) !== cat) throw new Error(`internal: KLA score ${score} outside ${cat}`);
        const clusters = KLA_CLUSTERS.map(() => Math.min(100, Math.max(0, score / 10 + rng.normal() * 6)).toFixed(1));
        const stated = rng.float() < 0.5 ? cat : '';
        await w.line([year, opts.speller.spell(i, rng), score.toFixed(1), ...clusters, stated].join(','));
        summary.byCategory[cat]++;
      }
      summaries.push(summary);
    }
  });
  return summaries;
}
