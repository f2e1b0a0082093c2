import type { PublishedTable } from '../domain/tables.ts';
import type { Level } from '../domain/vocab.ts';
import type { Duck, Row } from './duck.ts';
import type { CellRow, RegionNode, TableCells } from './disclosure/index.ts';

const CATEGORY_SEPARATOR = '|';

/** The region hierarchy from the published regions rows. */
export function regionNodes(rows: Row[]): RegionNode[] {
  return rows.map((r) => {
    const level = String(r.level) as Level;
    const parent = level === 'national' ? null : level === 'province' ? '00' : String(r.province_code);
    return { code: String(r.region_code), level, parent };
  });
}

/** The violence cube (table violence_cube, see queries/pipeline/violence_cube.sql) as cells per published table. */
export async function cubeToCells(duck: Duck, specs: readonly PublishedTable[]): Promise<TableCells[]> {
  const out: TableCells[] = [];
  for (const spec of specs) {
    const rows = await duck.all(`SELECT year, region_code, level, category, cases, victims FROM violence_cube WHERE dim = $dim`, { dim: spec.name });
    const counts = spec.disclosure?.counts ?? [];
    out.push({
      spec,
      rows: rows.map((r): CellRow => {
        return {
          year: Number(r.year), region_code: String(r.region_code), level: String(r.level) as Level,
          categories: String(r.category) === '' ? [] : String(r.category).split(CATEGORY_SEPARATOR),
          counts: Object.fromEntries(counts.map((c) => [c, r[c] === null ? null : Number(r[c])])), suppressed: false,
        };
      }),
    });
  }
  return out;
}

/** Cells back to rows keyed by the published table's column names. */
export function cellsToRows(t: TableCells): Row[] {
  const categories = t.spec.disclosure?.categories ?? [];
  return t.rows.map((c) => {
    const row: Row = { year: c.year, region_code: c.region_code, level: c.level, suppressed: c.suppressed };
    categories.forEach((name, i) => { row[name] = c.categories[i] ?? null; });
    for (const [k, v] of Object.entries(c.counts)) row[k] = v;
    return row;
  });
}

/** Published rows of a count table (as DuckDB returns them) as cells. */
export function cellsFromRows(spec: PublishedTable, rows: Row[]): TableCells {
  const d = spec.disclosure;
  if (!d) throw new Error(`${spec.name} is not a count table`);
  return {
    spec,
    rows: rows.map((r): CellRow => ({
      year: Number(r.year), region_code: String(r.region_code), level: String(r.level) as Level,
      categories: d.categories.map((c) => String(r[c])),
      counts: Object.fromEntries(d.counts.map((c) => [c, r[c] === null ? null : Number(r[c])])),
      suppressed: Boolean(r.suppressed),
    })),
  };
}

/** Published violence tables (views of the same names) read back as cells, for the audit. */
export async function readPublishedCells(duck: Duck, specs: readonly PublishedTable[]): Promise<TableCells[]> {
  const out: TableCells[] = [];
  for (const spec of specs) {
    if (!spec.disclosure) continue;
    out.push(cellsFromRows(spec, await duck.all(`SELECT * FROM ${spec.name}`)));
  }
  return out;
}
