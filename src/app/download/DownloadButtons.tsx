import { useState } from 'react';
import type { Lang } from '../../state/url.ts';
import { useSnapshot } from '../hooks/use-snapshot.ts';
import { fill } from '../i18n.ts';
import { formatNumber } from '../format.ts';
import { DOWNLOAD_TEXT as T } from './text.ts';
import type { DownloadColumn, DownloadFormat, DownloadSource, Label, Row } from './types.ts';
import './download.css';

export interface DownloadButtonsProps {
  lang: Lang;
  source: DownloadSource;
  columns: readonly DownloadColumn[];
  /** The FULL result to download (not a preview page). */
  rows: readonly Row[];
  /** Self-contained DuckDB SQL that reproduces `rows` from the snapshot's Parquet files. */
  sql: string;
  filtersText?: Label | null;
  /** E.g. while the rows are still loading. */
  disabled?: boolean;
}

const FORMATS: DownloadFormat[] = ['csv', 'parquet', 'json'];

/** Saves bytes under a name through a blob: URL and a clicked <a download> (the CSP allows blob:). */
function save(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** CSV / Parquet / JSON buttons: each builds a ZIP (data, README, datapackage.json, CITATION.bib, query.sql). */
export function DownloadButtons({ lang, source, columns, rows, sql, filtersText, disabled }: DownloadButtonsProps) {
  const snap = useSnapshot();
  const [busy, setBusy] = useState<DownloadFormat | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const manifest = snap.status === 'ready' ? snap.snapshot.manifest : null;

  const download = async (format: DownloadFormat) => {
    if (!manifest) return;
    setBusy(format);
    setStatus(null);
    try {
      // The writers (Parquet, ZIP) load only when a download is asked for.
      const { makeBundle } = await import('./bundle.ts');
      const bundle = await makeBundle({ format, manifest, source, columns, rows, sql, filtersText: filtersText ?? null });
      save(bundle.name, bundle.bytes);
      setStatus({ ok: true, text: fill(T.ready[lang], { name: bundle.name }) });
    } catch (e) {
      setStatus({ ok: false, text: `${T.failed[lang]}: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="download-buttons" role="group" aria-label={T.heading[lang]}>
      <span className="download-label">{T.heading[lang]}:</span>
      {FORMATS.map((f) => (
        <button key={f} type="button" data-download={f} disabled={disabled || !manifest || busy !== null}
          aria-label={fill(T.describe[lang], { n: formatNumber(lang, rows.length), format: T[f][lang] })}
          onClick={() => { void download(f); }}>
          {T[f][lang]}
        </button>
      ))}
      <span className="download-status" role="status" aria-live="polite">
        {busy ? T.preparing[lang] : status?.ok ? status.text : ''}
      </span>
      {status && !status.ok && <p role="alert" className="error">{status.text}</p>}
      <p className="meta download-note">{T.note[lang]}{manifest?.synthetic ? ` ${T.synthetic[lang]}` : ''}</p>
    </div>
  );
}
