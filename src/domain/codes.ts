import type { Term } from './label.ts';
import {
  ACCREDITATIONS, AGE_GROUPS, LEVELS, LICENCE_STATUSES, LKSA_FINDINGS, PERPETRATORS, PLACES, SERVICES, SERVICE_SUMMARIES,
  SEXES, VIOLENCE_TYPES, YES_NO,
} from './vocab.ts';
import { KLA_CATEGORIES } from './kla.ts';

/** Every code list by the name the published `codes` table gives it. */
export const CODE_LISTS: Readonly<Record<string, ReadonlyArray<Term>>> = {
  level: LEVELS,
  violence_type: VIOLENCE_TYPES,
  sex: SEXES,
  age_group: AGE_GROUPS,
  place: PLACES,
  perpetrator: PERPETRATORS,
  disability: YES_NO,
  service: [...SERVICES, ...SERVICE_SUMMARIES],
  licence_status: LICENCE_STATUSES,
  accreditation: ACCREDITATIONS,
  lksa_finding: LKSA_FINDINGS,
  kla_category: KLA_CATEGORIES,
};

/** The rows of the published `codes` table. */
export function codeRows(): Array<{ vocabulary: string; code: string; ord: number; label_id: string; label_en: string }> {
  return Object.entries(CODE_LISTS).flatMap(([vocabulary, terms]) =>
    terms.map((t, ord) => ({ vocabulary, code: t.code, ord, label_id: t.label.id, label_en: t.label.en })));
}
