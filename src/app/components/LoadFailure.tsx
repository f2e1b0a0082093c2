// The one way a load failure shows (the engine, a table, the snapshot, a page's code): its message in the user's
// language, a "try again" button and, folded away, the technical words for a report. A failure is named once on the
// page: where several parts fail for the same reason (five charts of one missing table), the first one mounted shows
// the message and the others say only that they are not available.
import { useId, useLayoutEffect, useMemo, useSyncExternalStore } from 'react';
import { createStore } from '../../db/progress.ts';
import { L } from '../../domain/label.ts';
import type { Lang } from '../../state/url.ts';
import { describeFaults, type Fault } from '../faults.ts';
import { retryLoads } from '../retry.ts';

export const FAILURE_TEXT = {
  retry: L('Coba lagi', 'Try again'),
  details: L('Rincian teknis', 'Technical details'),
  unavailable: L('Tidak tersedia (lihat pesan kesalahan di halaman ini).', 'Not available (see the error message on this page).'),
} as const;

// Which mounted failure shows each message: key -> instance ids in the order they mounted.
const holders = new Map<string, string[]>();
const version = createStore(0);
const claim = (key: string, id: string) => {
  holders.set(key, [...(holders.get(key) ?? []), id]);
  version.update((n) => n + 1);
};
const release = (key: string, id: string) => {
  const rest = (holders.get(key) ?? []).filter((x) => x !== id);
  if (rest.length) holders.set(key, rest); else holders.delete(key);
  version.update((n) => n + 1);
};

export interface LoadFailureProps {
  lang: Lang;
  /** What was thrown: an EngineStartError, TableLoadError (or several in an AggregateError), SnapshotLoadError... */
  error: unknown;
  /** What "try again" does; default: every failed load is tried again (retry.ts). */
  onRetry?: () => void;
  /** Keeps apart failures of the same kind that are not the same (the SQL console's engine is not the page's). */
  scope?: string;
}

/** The message of each distinct failure in `error`, with a retry button (or, if already shown, a short note). */
export function LoadFailure({ lang, error, onRetry, scope }: LoadFailureProps) {
  const faults = useMemo(() => describeFaults(error), [error]);
  return <>{faults.map((f) => <OneFailure key={f.key} lang={lang} fault={f} onRetry={onRetry ?? retryLoads} scope={scope ?? ''} />)}</>;
}

function OneFailure({ lang, fault, onRetry, scope }: { lang: Lang; fault: Fault; onRetry: () => void; scope: string }) {
  const id = useId();
  const key = `${scope}${fault.key}`;
  useLayoutEffect(() => {
    claim(key, id);
    return () => release(key, id);
  }, [key, id]);
  const primary = useSyncExternalStore(version.subscribe, () => holders.get(key)?.[0] === id);
  if (!primary) return <p className="load-failure-ref meta" data-fault={fault.key}>{FAILURE_TEXT.unavailable[lang]}</p>;
  return (
    <div role="alert" className="load-failure error" data-fault={fault.key}>
      <p className="load-failure-message">{fault.message[lang]}</p>
      <button type="button" className="load-failure-retry" onClick={onRetry}>{FAILURE_TEXT.retry[lang]}</button>
      <details className="load-failure-detail">
        <summary>{FAILURE_TEXT.details[lang]}</summary>
        <code>{fault.detail}</code>
      </details>
    </div>
  );
}
