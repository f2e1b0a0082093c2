import { useMemo } from 'react';
import { Chart } from '../../components/Chart.tsx';
import { Figure } from '../../components/Figure.tsx';
import { formatNumber } from '../../format.ts';
import { useQuery } from '../../hooks/use-query.ts';
import { klaCategoryOption, klaClusterOption } from '../../region/charts.ts';
import type { PageContext } from './Indicators.tsx';
import { klaCategoryTable, klaHistory } from '../../region/sections.ts';
import { tx } from '../../region/text.ts';
import { KlaCountsTable, KlaHistoryTable } from '../../region/tables.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';

/** A kab/kota: its category and score per evaluation year, and the cluster scores of the latest evaluation. */
export function KlaHistory({ ctx }: { ctx: PageContext }) {
  const { lang, region } = ctx;
  const q = useQuery('profile/kla_history', { region: region.code });
  const history = useMemo(() => klaHistory(q.rows), [q.rows]);
  const latest = history[history.length - 1];
  const option = useMemo(() => (latest ? klaClusterOption(lang, latest.clusters) : null), [lang, latest]);
  if (q.status === 'error') return <LoadFailure lang={lang} error={q.cause} />;
  if (q.status === 'loading' && history.length === 0) return <p className="meta" aria-busy="true">{tx(lang, 'loading')}</p>;
  if (history.length === 0) return <p className="meta">{tx(lang, 'klaNever')}</p>;
  return (
    <div className="profile-kla" aria-busy={q.status === 'loading'}>
      <KlaHistoryTable lang={lang} history={history} caption={tx(lang, 'klaPerYear', { region: region.name })} className="profile-kla-history" badges />
      {latest && option && (
        <Figure id="profile-kla-clusters" title={tx(lang, 'klaClusters', { year: latest.year })} subtitle={region.name} lang={lang} kind="chart" className="profile-kla-clusters">
          <Chart option={option} label={`${tx(lang, 'klaClusters', { year: latest.year })}: ${latest.clusters.map((c) => `${c.label[lang]} ${formatNumber(lang, c.value, 1)}`).join('; ')}`} height={300} />
        </Figure>
      )}
    </div>
  );
}

/** Indonesia or a province: kab/kota per KLA category per evaluation year. */
export function KlaCounts({ ctx }: { ctx: PageContext }) {
  const { lang, region } = ctx;
  const q = useQuery('profile/kla_categories', { region: region.code });
  const table = useMemo(() => klaCategoryTable(q.rows), [q.rows]);
  const option = useMemo(() => klaCategoryOption(lang, table.years, table.categories), [lang, table]);
  if (q.status === 'error') return <LoadFailure lang={lang} error={q.cause} />;
  if (q.status === 'loading' && table.years.length === 0) return <p className="meta" aria-busy="true">{tx(lang, 'loading')}</p>;
  const caption = tx(lang, 'klaCountsCaption', { region: region.name });
  return (
    <div className="profile-kla-stack" aria-busy={q.status === 'loading'}>
      <div className="profile-table-scroll" role="region" tabIndex={0} aria-label={caption}>
        <KlaCountsTable lang={lang} table={table} caption={caption} className="profile-kla-counts" />
      </div>
      {table.years.length > 0 && (
        <Figure id="profile-kla-counts" title={caption} lang={lang} kind="chart" showTitle={false}>
          <Chart option={option} label={caption} height={260} />
        </Figure>
      )}
    </div>
  );
}
