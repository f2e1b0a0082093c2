// Labels of the snapshot's codes (accreditation, licence status, findings) in the page's language.
import type { Lang } from '../../../state/url.ts';
import { int, str, type PlainRow } from './cells.ts';

export interface CodeRow { vocabulary: string; code: string; ord: number; label_id: string; label_en: string }

export const toCodeRows = (rows: readonly PlainRow[]): CodeRow[] =>
  rows.map((r) => ({ vocabulary: str(r.vocabulary), code: str(r.code), ord: int(r.ord), label_id: str(r.label_id), label_en: str(r.label_en) }));

/** Labels of codes in a language, looked up by vocabulary and code. */
export interface CodeLabels {
  /** The label; the code itself when the codes table does not have it. */
  label(vocabulary: string, code: string): string;
  /** The codes of a vocabulary in display order. */
  codes(vocabulary: string): string[];
}

export function codeLabels(rows: readonly CodeRow[], lang: Lang): CodeLabels {
  const byVocab = new Map<string, CodeRow[]>();
  for (const r of rows) byVocab.set(r.vocabulary, [...(byVocab.get(r.vocabulary) ?? []), r]);
  for (const list of byVocab.values()) list.sort((a, b) => a.ord - b.ord);
  return {
    label: (vocabulary, code) => {
      const row = byVocab.get(vocabulary)?.find((r) => r.code === code);
      return row ? (lang === 'id' ? row.label_id : row.label_en) : code;
    },
    codes: (vocabulary) => (byVocab.get(vocabulary) ?? []).map((r) => r.code),
  };
}
