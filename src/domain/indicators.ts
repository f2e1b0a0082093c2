// The indicator catalogue: what the dashboard can map, chart, rank and export. Types and the SQL families are in
// ./indicators/; this module is the catalogue's one entry point.
import { INDICATOR_IDS, type Indicator, type IndicatorId, type IndicatorSpec } from './indicators/types.ts';
import { VIOLENCE } from './indicators/violence.ts';
import { LKSA } from './indicators/lksa.ts';
import { KLA } from './indicators/kla.ts';

export { INDICATOR_IDS };
export type { Family, FamilyName, Indicator, IndicatorFormat, IndicatorId, IndicatorLevel, IndicatorSpec } from './indicators/types.ts';

// A Record over IndicatorId: the compiler checks that every id has exactly one entry.
const CATALOGUE: Record<IndicatorId, IndicatorSpec> = { ...VIOLENCE, ...LKSA, ...KLA };

/** Every indicator, in catalogue order (the order of INDICATOR_IDS). */
export const INDICATORS: readonly Indicator[] = INDICATOR_IDS.map((id) => ({ id, ...CATALOGUE[id] }));

const BY_ID: ReadonlyMap<string, Indicator> = new Map(INDICATORS.map((i) => [i.id, i]));

/** The indicator of a known id. */
export const indicator = (id: IndicatorId): Indicator => BY_ID.get(id)!;

/** The indicator of a string from outside (a URL, a command line): undefined when no indicator has that id. */
export function indicatorById(id: string): Indicator | undefined {
  return BY_ID.get(id);
}

/** Whether a string is an indicator id. */
export const isIndicatorId = (id: string): id is IndicatorId => BY_ID.has(id);

/** The indicators of one subject, in catalogue order. */
export const indicatorsOf = (subject: Indicator['subject']): Indicator[] => INDICATORS.filter((i) => i.subject === subject);
