import type { Lang } from '../../state/url.ts';
import { formatNumber } from '../format.ts';
import type { PeerGroup, RegionInfo } from './model.ts';
import { peerColumnLabel } from './present.ts';
import { NOT_EVALUATED, type KlaCategoryTable, type KlaEvaluation } from './sections.ts';
import { tx } from './text.ts';

// Tables the region profile and the printed report both draw (the report in print styles, the profile on screen).

/**
 * The head of a subject's indicator table: indicator, year, value, then the ranks among each peer group (or, for
 * Indonesia, the provinces' spread) and Indonesia's value. `spread` overrides the spread column's heading.
 */
export function IndicatorTableHead({ lang, level, groups, spread }: {
  lang: Lang; level: RegionInfo['level']; groups: readonly PeerGroup[]; spread?: string;
}) {
  return (
    <thead>
      <tr>
        <th scope="col">{tx(lang, 'colIndicator')}</th>
        <th scope="col">{tx(lang, 'colYear')}</th>
        <th scope="col" className="num">{tx(lang, 'colValue')}</th>
        {level === 'national'
          ? <th scope="col">{spread ?? tx(lang, 'colSpread')}</th>
          : groups.map((g) => <th scope="col" key={g.kind}>{peerColumnLabel(lang, g)}</th>)}
        {level !== 'national' && <th scope="col" className="num">{tx(lang, 'colNational')}</th>}
      </tr>
    </thead>
  );
}

/** A kab/kota's KLA category and score per evaluation year (`badges`: the category as a coloured badge). */
export function KlaHistoryTable({ lang, history, caption, className, captionClassName, badges = false }: {
  lang: Lang; history: readonly KlaEvaluation[]; caption: string; className: string; captionClassName?: string; badges?: boolean;
}) {
  return (
    <table className={`data-table ${className}`}>
      <caption className={captionClassName}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{tx(lang, 'klaYear')}</th>
          <th scope="col">{tx(lang, 'klaCategory')}</th>
          <th scope="col" className="num">{tx(lang, 'klaScore')}</th>
        </tr>
      </thead>
      <tbody>
        {history.map((h) => (
          <tr key={h.year} data-kla-year={h.year}>
            <th scope="row">{h.year}</th>
            <td>{badges ? <span className={`profile-kla-badge kla-${h.category}`}>{h.categoryLabel[lang]}</span> : h.categoryLabel[lang]}</td>
            <td className="num">{formatNumber(lang, h.score, 1)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Kab/kota per KLA category per evaluation year, as a table: the region profile's and the report's. */
export function KlaCountsTable({ lang, table, caption, className, captionClassName }: {
  lang: Lang; table: KlaCategoryTable; caption: string; className: string; captionClassName?: string;
}) {
  return (
    <table className={`data-table ${className}`}>
      <caption className={captionClassName}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{tx(lang, 'klaYear')}</th>
          {table.categories.map((c) => <th scope="col" key={c.code} className="num">{c.label[lang]}</th>)}
          <th scope="col" className="num">{NOT_EVALUATED[lang]}</th>
        </tr>
      </thead>
      <tbody>
        {table.years.map((y, i) => (
          <tr key={y} data-kla-year={y}>
            <th scope="row">{y}</th>
            {table.categories.map((c) => <td key={c.code} className="num">{formatNumber(lang, c.counts[i] ?? 0)}</td>)}
            <td className="num">{formatNumber(lang, table.notEvaluated[i] ?? 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
