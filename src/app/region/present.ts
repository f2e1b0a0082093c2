// Pure presentation of the profile's values: numbers, withheld and missing cells, ranks and spreads as text.
import type { Indicator } from '../../domain/indicators.ts';
import type { Lang } from '../../state/url.ts';
import { formatChange, formatDateMedium, formatNumber, formatPercent } from '../format.ts';
import { t } from '../i18n.ts';
import type { Cell, PeerGroup, Spread, Standing } from './model.ts';
import { tx } from './text.ts';

type Formatted = Pick<Indicator, 'format' | 'digits' | 'categories'>;

/** A value of an indicator as text (categories by their label); '–' for null. */
export function formatValue(lang: Lang, indicator: Formatted, value: number | null): string {
  if (value === null) return '–';
  switch (indicator.format) {
    case 'percent': return formatPercent(lang, value, indicator.digits);
    case 'change': return formatChange(lang, value, indicator.digits);
    case 'category': return indicator.categories?.[Math.round(value)]?.label[lang] ?? formatNumber(lang, value);
    default: return formatNumber(lang, value, indicator.digits);
  }
}

/** A cell as text: the value, or why there is none (withheld / no data). */
export const cellText = (lang: Lang, indicator: Formatted, cell: Cell): string =>
  cell.value !== null ? formatValue(lang, indicator, cell.value) : t(lang, cell.suppressed ? 'suppressed' : 'missing');

/** "rank 3 of 27" (1 = the highest value, the one rank rule), with ties and the unranked. */
export function standingText(lang: Lang, standing: Standing): string {
  if (standing.kind === 'withheld') return tx(lang, 'notRankedWithheld');
  if (standing.kind === 'missing') return tx(lang, 'notRankedMissing');
  const head = tx(lang, 'rank', { rank: standing.rank, of: standing.of });
  const extra = [
    standing.tied > 0 ? tx(lang, standing.tied === 1 ? 'tiedOne' : 'tied', { n: standing.tied }) : null,
    standing.unranked > 0 ? tx(lang, 'unranked', { n: standing.unranked }) : null,
  ].filter((s): s is string => s !== null);
  return extra.length > 0 ? `${head} (${extra.join('; ')})` : head;
}

/** The header of a peer group's rank column. */
export function peerColumnLabel(lang: Lang, group: PeerGroup): string {
  const rule = t(lang, 'rankHighest');
  if (group.kind === 'provinces') return tx(lang, 'colRankProvinces', { rule });
  if (group.kind === 'same-province') return tx(lang, 'colRankProvince', { rule });
  return tx(lang, 'colRankType', { type: tx(lang, group.name === 'kota' ? 'kotaPlural' : 'kabupatenPlural'), rule });
}

/** A date (ISO) in the language's medium form: "31 Des 2025". */
export const shortDate = (lang: Lang, iso: string): string => formatDateMedium(lang, iso);

/** "12,3 (Papua) / 45,6 / 78,9 (Bali +2)" with the provinces without a value; +k = k more provinces with that value. */
export function spreadText(lang: Lang, indicator: Formatted, spread: Spread | null, nameOf: (code: string) => string): string {
  if (!spread) return tx(lang, 'noSpread');
  const text = tx(lang, 'spreadText', {
    min: formatValue(lang, indicator, spread.min.value),
    minName: `${nameOf(spread.min.code)}${spread.min.ties > 0 ? ` +${spread.min.ties}` : ''}`,
    median: formatValue(lang, indicator, spread.median),
    max: formatValue(lang, indicator, spread.max.value),
    maxName: `${nameOf(spread.max.code)}${spread.max.ties > 0 ? ` +${spread.max.ties}` : ''}`,
  });
  return spread.without > 0 ? `${text}; ${tx(lang, 'spreadWithout', { n: spread.without })}` : text;
}

/** The label of a region kind: Provinsi, Kabupaten, Kota, Nasional. */
export function kindText(lang: Lang, level: string, regencyType: string | null): string {
  if (level === 'national') return tx(lang, 'national');
  if (level === 'province') return tx(lang, 'province');
  return tx(lang, regencyType === 'kota' ? 'kota' : 'kabupaten');
}
