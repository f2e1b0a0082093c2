import { useMemo } from 'react';
import { useStore } from '../../../state/store.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { formatNumber } from '../../format.ts';
import { t } from '../../i18n.ts';
import { useQuery } from '../../hooks/use-query.ts';
import type { PageContext } from './Indicators.tsx';
import { shortDate } from '../../region/present.ts';
import { institutions, lksaSummary, type Institution, type LksaCount } from '../../region/sections.ts';
import { tx } from '../../region/text.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';

function CountTable({ ctx, caption, counts, total }: { ctx: PageContext; caption: string; counts: LksaCount[]; total: number }) {
  const { lang } = ctx;
  return (
    <table className="data-table profile-lksa-counts">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{caption}</th>
          <th scope="col" className="num">{tx(lang, 'institutions')}</th>
        </tr>
      </thead>
      <tbody>
        {counts.map((c) => (
          <tr key={c.code} data-code={c.code}>
            <th scope="row">{c.label[lang]}</th>
            <td className="num">
              <span className="profile-barline">
                <span className="profile-bar-track" aria-hidden="true">
                  <span className="profile-bar" style={{ width: `${total > 0 ? (100 * c.institutions) / total : 0}%` }} />
                </span>
                <span className="profile-count">{formatNumber(lang, c.institutions)}</span>
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The region's LKSA: counts by accreditation and licence, and the table of institutions. */
export function LksaSection({ ctx }: { ctx: PageContext }) {
  const { lang, region } = ctx;
  const summaryQ = useQuery('profile/lksa_summary', { region: region.code });
  const listQ = useQuery('profile/lksa_institutions', { region: region.code });
  const summary = useMemo(() => lksaSummary(summaryQ.rows), [summaryQ.rows]);
  const list = useMemo(() => institutions(listQ.rows), [listQ.rows]);
  const sort = useStore((s) => s.sort);
  const search = useStore((s) => s.search);
  const set = useStore((s) => s.set);

  const columns = useMemo((): Array<Column<Institution>> => [
    { key: 'name', label: tx(lang, 'colName'), value: (r) => r.name },
    ...(region.level === 'regency' ? [] : [{ key: 'regency', label: tx(lang, 'colRegency'), value: (r: Institution) => r.regencyName }]),
    { key: 'accreditation', label: tx(lang, 'accreditation'), value: (r) => r.accreditation[lang] },
    { key: 'licence', label: tx(lang, 'licence'), value: (r) => r.licence[lang] },
    {
      key: 'children', label: tx(lang, 'colChildren'), numeric: true, value: (r) => r.children,
      render: (r) => (r.children !== null ? formatNumber(lang, r.children) : t(lang, r.childrenWithheld ? 'suppressed' : 'missing')),
    },
    { key: 'caregivers', label: tx(lang, 'colCaregivers'), numeric: true, value: (r) => r.caregivers, render: (r) => formatNumber(lang, r.caregivers) },
    {
      key: 'inspection', label: tx(lang, 'colInspection'), value: (r) => r.lastInspection,
      render: (r) => (r.lastInspection ? shortDate(lang, r.lastInspection) : tx(lang, 'neverInspected')),
    },
    {
      key: 'findings', label: tx(lang, 'colFindings'), value: (r) => r.findings.map((f) => f[lang]).join(', '),
      render: (r) => (r.findings.length > 0 ? r.findings.map((f) => f[lang]).join(', ') : tx(lang, 'noFindings')),
    },
  ], [lang, region.level]);

  if (summaryQ.status === 'error' || listQ.status === 'error') {
    return <LoadFailure lang={lang} error={summaryQ.status === 'error' ? summaryQ.cause : listQ.cause} />;
  }
  const loading = summaryQ.status === 'loading' || listQ.status === 'loading';
  if (loading && summaryQ.rows.length === 0) return <p className="meta" aria-busy="true">{tx(lang, 'loading')}</p>;
  return (
    <div className="profile-lksa" aria-busy={loading}>
      <h4>{tx(lang, 'lksaCounts')}</h4>
      <p className="profile-lksa-total" data-lksa-total={summary.total}>{tx(lang, 'lksaTotal', { n: formatNumber(lang, summary.total) })}</p>
      <div className="profile-lksa-grid">
        <CountTable ctx={ctx} caption={tx(lang, 'accreditation')} counts={summary.accreditation} total={summary.total} />
        <CountTable ctx={ctx} caption={tx(lang, 'licence')} counts={summary.licence} total={summary.total} />
      </div>
      {summary.total === 0 ? <p className="meta">{tx(lang, 'lksaNone')}</p> : (
        <>
          <p className="meta">{tx(lang, 'institutionNames')}</p>
          <DataTable
            lang={lang}
            caption={tx(lang, 'lksaTable', { region: region.name })}
            rows={list}
            columns={columns}
            rowKey={(r) => r.id}
            sort={sort}
            onSort={(s) => set({ sort: s })}
            search={search}
            onSearch={(s) => set({ search: s }, { replace: true })}
            limit={25}
          />
        </>
      )}
    </div>
  );
}
