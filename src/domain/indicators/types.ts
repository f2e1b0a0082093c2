import type { Label } from '../label.ts';

/**
 * What an indicator is: data, not a component. The app reads its labels, format and palette direction from here and
 * its values from one SQL family template (queries/app/indicators/<family>.sql) filled with the indicator's family
 * parameters (src/domain/indicators/sql.ts). Every family returns every year and level it supports with the columns
 *   year INTEGER (NULL for LKSA), region_code VARCHAR, level VARCHAR, value DOUBLE, suppressed BOOLEAN,
 *   numerator DOUBLE, denominator DOUBLE
 * and one row per region of `regions` for every (year, level) it returns. `value` is NULL when withheld
 * (`suppressed` = true: withheld by disclosure control or computed from a withheld count) or missing
 * (`suppressed` = false: no data, or a zero denominator). Consumers never read the SQL: they ask the one indicator
 * path (src/db/indicator-source.ts) for rows of a year, level and province.
 */

/** Every indicator, by its stable kebab-case id (used in URLs): the catalogue must define each exactly once. */
export const INDICATOR_IDS = [
  'violence-victims',
  'violence-victim-rate',
  'violence-cases',
  'violence-sexual-share',
  'violence-victims-change',
  'violence-any-service-share',
  'violence-social-protection-share',
  'lksa-institutions',
  'lksa-accredited-share',
  'lksa-accredited-a-share',
  'lksa-accredited-b-share',
  'lksa-accredited-c-share',
  'lksa-licence-valid-share',
  'lksa-children-per-caregiver',
  'lksa-inspected-12m-share',
  'lksa-risk-finding-share',
  'lksa-exploitation-trafficking-share',
  'kla-category',
  'kla-awarded-share',
  'kla-average-score',
  'kla-movement',
] as const;

export type IndicatorId = (typeof INDICATOR_IDS)[number];

/**
 * How `value` reads:
 * - count: a whole number (victims, cases, institutions);
 * - rate: per 100,000 (the unit says of what);
 * - percent: a share in per cent, 0-100 (value = 100 x numerator / denominator);
 * - ratio: numerator / denominator (e.g. children per caregiver);
 * - score: points on the indicator's own scale (KLA: 0-1000);
 * - category: an index into `categories` (0 = the first);
 * - change: a change in per cent, centred on 0 (value = 100 x numerator / denominator).
 */
export type IndicatorFormat = 'count' | 'rate' | 'percent' | 'ratio' | 'score' | 'category' | 'change';

export type IndicatorLevel = 'national' | 'province' | 'regency';

/**
 * The SQL family an indicator belongs to and the family's parameters. Names are identifiers of the published tables
 * (src/domain/tables.ts); `code` is a value (quoted when the SQL is made); `condition` is a SQL expression over the
 * family's row alias (`p.` for units, none for kla), written here in the catalogue, never taken from a user.
 */
export type Family =
  | { family: 'count'; table: string; measure: string }
  | { family: 'rate'; table: string; measure: string; population: string; per: number }
  | { family: 'breakdown_share'; table: string; column: string; code: string }
  | { family: 'change'; table: string; measure: string }
  | { family: 'unit_count'; table: string; id: string }
  | { family: 'unit_share'; table: string; id: string; condition: string }
  | { family: 'unit_ratio'; table: string; numerator: string; denominator: string; withheld: string }
  | { family: 'category'; table: string; column: string; vocabulary: string }
  | { family: 'category_movement'; table: string; column: string; vocabulary: string }
  | { family: 'mean'; table: string; measure: string }
  | { family: 'regency_share'; table: string; condition: string };

export type FamilyName = Family['family'];

export interface Indicator {
  id: IndicatorId;
  subject: 'violence' | 'lksa' | 'kla';
  title: Label;
  definition: Label;
  unit: Label;
  format: IndicatorFormat;
  /** Decimal places to show. */
  digits: number;
  /**
   * Which direction is better: drives the palette (the worse end gets the strong warm colour). 'neutral' where a
   * higher value is not simply better or worse, e.g. recorded victims (more reporting is not more violence).
   */
  better: 'higher' | 'lower' | 'neutral';
  /** The SQL family and its parameters. */
  sql: Family;
  /** Published tables it reads (names in PUBLISHED_TABLES): the family SQL's `-- Tables:` header, checked in a test. */
  tables: string[];
  /** What `numerator` and `denominator` count, where they mean something to a reader (table columns, exports). */
  fraction?: { numerator: Label; denominator: Label };
  /**
   * Levels with values on the demo snapshot. Indicators from violence_by_* tables follow the level those tables are
   * published at (the SQL reads it from the data): province and national on the demo, possibly regency elsewhere.
   */
  levels: IndicatorLevel[];
  /** Where its years come from: violence_totals, kla, or none (LKSA describe the snapshot reference date). */
  timeAxis: 'violence' | 'kla' | 'none';
  caveats: Label[];
  /** Its denominator is the child population estimate: its figures cite that source too. */
  childPopulation?: true;
  /** Only for format 'category': value = index into this list, ordered from worst to best. */
  categories?: ReadonlyArray<{ code: string; label: Label }>;
}

/** A catalogue entry: an indicator without its id (the catalogue's key). */
export type IndicatorSpec = Omit<Indicator, 'id'>;
