import type { Lang } from '../../../state/url.ts';
import { formatNumber } from '../../format.ts';
import { NOT_EVALUATED, type KlaCategoryTable } from './sections.ts';
import { tx } from './text.ts';

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
