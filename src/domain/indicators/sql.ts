// An indicator's SQL: its family's template (queries/app/indicators/<family>.sql) with the family's parameters filled
// in. Pure text: the caller supplies the template (the browser bundles the files, Node reads them from disk).
import type { Family, FamilyName, Indicator } from './types.ts';

/** The template file of a family, relative to queries/app. */
export const familyFile = (family: FamilyName): string => `indicators/${family}`;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
/** Parameters that are SQL expressions (catalogue-owned): no statement separators, comments or parameters. */
const EXPRESSIONS = new Set(['condition']);
/** Parameters that are values: quoted as SQL string literals. */
const LITERALS = new Set(['code', 'vocabulary']);

/** The text a family parameter stands for in SQL. Throws on anything that is not what its kind allows. */
function sqlText(name: string, value: string | number): string {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`indicator SQL: {{${name}}} must be a positive whole number, not ${value}`);
    return String(value);
  }
  if (LITERALS.has(name)) return `'${value.replace(/'/g, "''")}'`;
  if (EXPRESSIONS.has(name)) {
    if (/;|--|\/\*|\$/.test(value)) throw new Error(`indicator SQL: {{${name}}} may not hold ; -- /* or $ (${value})`);
    return value;
  }
  if (!IDENTIFIER.test(value)) throw new Error(`indicator SQL: {{${name}}} must be a lower-case identifier, not "${value}"`);
  return value;
}

/**
 * Fills a family template with the family's parameters: every `{{name}}` must be a parameter and every parameter must
 * be used (a template and a catalogue entry that drift apart fail loudly, in a test, not silently in the browser).
 */
export function renderFamily(template: string, params: Family): string {
  const { family, ...values } = params;
  const used = new Set<string>();
  const out = template.replace(/\{\{([a-z_]+)\}\}/g, (_, name: string) => {
    const value = (values as Record<string, string | number | undefined>)[name];
    if (value === undefined) throw new Error(`indicator SQL: family ${family} uses {{${name}}}, which its parameters do not give`);
    used.add(name);
    return sqlText(name, value);
  });
  const unused = Object.keys(values).filter((k) => !used.has(k));
  if (unused.length > 0) throw new Error(`indicator SQL: family ${family} does not use ${unused.join(', ')}`);
  return out;
}

/** The first line of an indicator's SQL: it names the indicator in every query of the path (timings, logs). */
export const indicatorMarker = (id: string): string => `-- Indicator ${id}.`;

/** The SQL of an indicator: `template` is the text of familyFile(indicator.sql.family). */
export const indicatorSql = (indicator: Pick<Indicator, 'id' | 'sql'>, template: string): string =>
  `${indicatorMarker(indicator.id)}\n${renderFamily(template, indicator.sql)}`;
