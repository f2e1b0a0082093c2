import type { Lang } from '../i18n.ts';
import { formatDate, formatNumber, t } from '../i18n.ts';
import type { Row, Snapshot } from '../snapshot.ts';
import { KLA_CATEGORIES } from '../../domain/kla.ts';

const num = (row: Row | null, key: string): number | null => {
  const v = row?.[key];
  return typeof v === 'number' ? v : null;
};

/** Snapshot overview: headline figures from the landing slice, the province table, and the snapshot's tables. */
export function Overview({ lang, snapshot }: { lang: Lang; snapshot: Snapshot }) {
  const { manifest, landing } = snapshot;
  const v = landing.violence_headline;
  const l = landing.lksa_headline;
  const k = landing.kla_headline;
  const provinces = [...landing.violence_map].sort((a, b) => (num(b, 'rate_per_100k') ?? -1) - (num(a, 'rate_per_100k') ?? -1));
  return (
    <>
      <section aria-labelledby="violence-h">
        <h2 id="violence-h">{t(lang, 'violence')} {landing.year}</h2>
        <div className="figures">
          <Figure label={t(lang, 'victims')} value={formatNumber(lang, num(v, 'victims'))} />
          <Figure label={t(lang, 'cases')} value={formatNumber(lang, num(v, 'cases'))} />
          <Figure label={t(lang, 'ratePer100k')} value={formatNumber(lang, num(v, 'rate_per_100k'), 1)} />
          <Figure label={t(lang, 'changeFromPrevious')} value={`${formatNumber(lang, num(v, 'change_pct'), 1)} %`} />
          <Figure label={t(lang, 'sexualShare')} value={`${formatNumber(lang, num(v, 'sexual_share_pct'), 1)} %`} />
        </div>
        <p className="caveat">{t(lang, 'reportingCaveat')}</p>
      </section>
      <section aria-labelledby="lksa-h">
        <h2 id="lksa-h">{t(lang, 'lksa')}</h2>
        <div className="figures">
          <Figure label={t(lang, 'institutions')} value={formatNumber(lang, num(l, 'institutions'))} />
          <Figure label={t(lang, 'accredited')} value={`${formatNumber(lang, num(l, 'accredited_pct'), 1)} %`} />
          <Figure label={t(lang, 'licenceValid')} value={`${formatNumber(lang, num(l, 'licence_valid_pct'), 1)} %`} />
          <Figure label={t(lang, 'inspected12m')} value={`${formatNumber(lang, num(l, 'inspected_12m_pct'), 1)} %`} />
          <Figure label={t(lang, 'riskFinding')} value={`${formatNumber(lang, num(l, 'with_risk_finding_pct'), 1)} %`} />
        </div>
      </section>
      <section aria-labelledby="kla-h">
        <h2 id="kla-h">{t(lang, 'kla')} {landing.kla_year ?? ''}</h2>
        <div className="figures">
          <Figure label={`${t(lang, 'awarded')} (${formatNumber(lang, num(k, 'evaluated'))} ${t(lang, 'evaluated')})`} value={formatNumber(lang, num(k, 'awarded'))} />
          {KLA_CATEGORIES.filter((c) => c.code !== 'tidak_ada').map((c) => (
            <Figure key={c.code} label={c.label[lang]} value={formatNumber(lang, num(k, c.code))} />
          ))}
        </div>
      </section>
      <section aria-labelledby="prov-h">
        <h2 id="prov-h">{t(lang, 'byProvince')} {landing.year}</h2>
        <table className="data-table">
          <thead>
            <tr><th scope="col">{t(lang, 'province')}</th><th scope="col">{t(lang, 'victims')}</th><th scope="col">{t(lang, 'cases')}</th><th scope="col">{t(lang, 'ratePer100k')}</th></tr>
          </thead>
          <tbody>
            {provinces.map((r) => (
              <tr key={String(r.region_code)} data-region={String(r.region_code)}>
                <th scope="row">{String(r.name)}</th>
                <td>{r.suppressed ? t(lang, 'suppressed') : formatNumber(lang, num(r, 'victims'))}</td>
                <td>{r.suppressed ? t(lang, 'suppressed') : formatNumber(lang, num(r, 'cases'))}</td>
                <td>{formatNumber(lang, num(r, 'rate_per_100k'), 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="tables-h">
        <h2 id="tables-h">{t(lang, 'tables')}</h2>
        <ul className="table-list">
          {Object.entries(manifest.tables).map(([name, table]) => (
            <li key={name}>
              <code>{name}</code> — {table.description[lang]} ({formatNumber(lang, table.rows)} {t(lang, 'rows')}, {table.columns.length} {t(lang, 'columns')})
            </li>
          ))}
        </ul>
        <h3>{t(lang, 'disclosure')}</h3>
        <p>{manifest.disclosure.rule[lang]}</p>
        <h3>{t(lang, 'sources')}</h3>
        <ul>{manifest.sources.map((s) => <li key={s.name}>{s.name} ({s.licence})</li>)}</ul>
        <p className="meta">
          {t(lang, 'snapshot')} <code>{manifest.snapshot_id}</code>, {t(lang, 'referenceDate')} {formatDate(lang, manifest.reference_date)},
          {' '}{t(lang, 'builtAt')} {formatDate(lang, manifest.built_at)}. {manifest.licence[lang]}
        </p>
      </section>
    </>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="figure">
      <div className="figure-value">{value}</div>
      <div className="figure-label">{label}</div>
    </div>
  );
}
