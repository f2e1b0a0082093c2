import type { Label } from './label.ts';

/**
 * How to cite a snapshot (or one table / result of it): plain text in Bahasa Indonesia or English, and BibTeX.
 * Built from the manifest only, so the app and the pipeline give the same citation.
 */

/** The parts of a manifest a citation needs. */
export interface CitableSnapshot {
  snapshot_id: string;
  title: Label;
  built_at: string;
  reference_date: string;
  synthetic: boolean;
  licence: Label;
}

export const PUBLISHER = 'Pantau Anak';

/** A short licence name from the licence text ('CC BY 4.0'), or the text itself. */
export function licenceName(licence: Label, lang: 'id' | 'en'): string {
  const m = /CC BY(?:-[A-Z]+)* \d\.\d/.exec(licence.en) ?? /CC BY(?:-[A-Z]+)* \d\.\d/.exec(licence.id);
  return m ? m[0] : licence[lang];
}

const year = (iso: string) => iso.slice(0, 4);
const day = (iso: string) => iso.slice(0, 10);

/**
 * A plain-text citation: `Pantau Anak (2026). <title> — <part>. Snapshot demo, reference date 2025-12-31, built
 * 2026-11-22. SYNTHETIC DATA. Licence: CC BY 4.0.` `part` names a table or a result within the snapshot.
 */
export function citationText(m: CitableSnapshot, lang: 'id' | 'en', part?: Label): string {
  const title = `${m.title[lang]}${part ? ` — ${part[lang]}` : ''}`;
  const parts = lang === 'id'
    ? [
      `${PUBLISHER} (${year(m.built_at)}). ${title} [Set data].`,
      `Snapshot ${m.snapshot_id}, tanggal acuan ${day(m.reference_date)}, dibangun ${day(m.built_at)}.`,
      ...(m.synthetic ? ['DATA SINTETIS, bukan data sebenarnya.'] : []),
      `Lisensi: ${licenceName(m.licence, 'id')}.`,
    ]
    : [
      `${PUBLISHER} (${year(m.built_at)}). ${title} [Data set].`,
      `Snapshot ${m.snapshot_id}, reference date ${day(m.reference_date)}, built ${day(m.built_at)}.`,
      ...(m.synthetic ? ['SYNTHETIC DATA, not real data.'] : []),
      `Licence: ${licenceName(m.licence, 'en')}.`,
    ];
  return parts.join(' ');
}

const BIBTEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '$': '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  '_': '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

/** Escapes text for a BibTeX field value inside braces (LaTeX special characters). */
export const escapeBibtex = (s: string): string => s.replace(/[\\{}$&%#_^~]/g, (c) => BIBTEX_SPECIAL[c]!);

/** A BibTeX key from a snapshot id: `pantauanak_<id>` with only letters, digits, '_', '-', ':' and '.'. */
export const bibtexKey = (snapshotId: string, built_at: string): string =>
  `pantauanak_${snapshotId.replace(/[^A-Za-z0-9_.:-]/g, '_')}_${year(built_at)}`;

/** A BibTeX @misc entry (English title; the note says synthetic when it is). */
export function citationBibtex(m: CitableSnapshot, part?: Label): string {
  const title = `${m.title.en}${part ? ` — ${part.en}` : ''}`;
  const note = [
    `Snapshot ${m.snapshot_id}, reference date ${day(m.reference_date)}, built ${day(m.built_at)}`,
    ...(m.synthetic ? ['SYNTHETIC DATA, not real data'] : []),
    `Licence: ${licenceName(m.licence, 'en')}`,
  ].join('. ');
  const fields: Array<[string, string]> = [
    ['author', `{${escapeBibtex(PUBLISHER)}}`], // double braces: an organisation, not "Anak, Pantau"
    ['title', `{${escapeBibtex(title)}}`],
    ['year', escapeBibtex(year(m.built_at))],
    ['howpublished', escapeBibtex('Data set (Parquet snapshot)')],
    ['note', escapeBibtex(`${note}.`)],
  ];
  return `@misc{${bibtexKey(m.snapshot_id, m.built_at)},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`;
}
