import { MIN_DATE, type DatasetId, type RawDataset } from '../domain/raw-contract.ts';
import { KLA_CATEGORIES } from '../domain/kla.ts';
import type { Duck } from './duck.ts';
import { readQuery } from './sql-files.ts';
import type { IssueSink } from './issue-sink.ts';
import { harmoniseRegions, type RegionResolver } from './harmonise.ts';

/**
 * Validates raw_<dataset> (loaded by read-raw.ts) against the contract: every cell (queries/pipeline/validate_cells.sql),
 * the region column (harmonise.ts, into table region_map_<dataset>) and the rules across columns and rows
 * (queries/pipeline/check_<dataset>_rules.sql). Every issue goes to `sink`, straight from SQL where it is found.
 */
export async function validateDataset(duck: Duck, dataset: RawDataset, file: string, referenceDate: string, resolver: RegionResolver,
  sink: IssueSink): Promise<void> {
  await createContractRules(duck, dataset);
  await duck.run(`CREATE OR REPLACE VIEW raw_input AS SELECT * FROM raw_${dataset.id}`);
  await cellIssues(duck, dataset, referenceDate, file, sink);
  // Region values whose characters were refused above are not looked up again.
  await sink.add(await harmoniseRegions(duck, resolver, file, `region_map_${dataset.id}`, 'cell_problems'));
  await duck.run(`CREATE OR REPLACE VIEW region_map AS SELECT * FROM region_map_${dataset.id}`);
  if (dataset.id === 'violence') await duck.run(`CREATE OR REPLACE TABLE violence_shared_cases AS ${readQuery('pipeline/shared_cases')}`);
  await sink.addQuery(file, readQuery(RULES[dataset.id]), dataset.id === 'lksa' ? { reference_date: referenceDate } : undefined);
}

const TEXT_MAX_LENGTH = 10_000;

/**
 * Checks each distinct value of each column once (raw_<dataset>_values, counted while the file was read), then finds
 * the rows that hold the values with problems; text columns row by row.
 */
async function cellIssues(duck: Duck, dataset: RawDataset, referenceDate: string, file: string, sink: IssueSink): Promise<void> {
  await duck.run(`CREATE OR REPLACE TABLE cell_values AS SELECT column_name, value, n FROM raw_${dataset.id}_values`);
  for (const c of dataset.columns) {
    if (c.type.kind === 'text') {
      // Ids and names: checked row by row (nearly one distinct value per row).
      await sink.addQuery(file, readQuery('pipeline/text_cells'), { column: c.name, required: c.required, max_length: c.type.maxLength ?? TEXT_MAX_LENGTH });
    }
  }
  await duck.run(`CREATE OR REPLACE TABLE cell_problems AS ${readQuery('pipeline/validate_cells')}`, { min_date: MIN_DATE, max_date: referenceDate });
  const columns = await duck.all('SELECT DISTINCT column_name FROM cell_problems ORDER BY column_name');
  for (const c of columns) await sink.addQuery(file, readQuery('pipeline/problem_rows'), { column: String(c.column_name) });
}

/** The rules across columns and rows of each dataset. */
const RULES: Record<DatasetId, string> = {
  violence: 'pipeline/check_violence_rules',
  lksa: 'pipeline/check_lksa_rules',
  kla: 'pipeline/check_kla_rules',
};

/** Table contract_rules: one row per column of the dataset, read by validate_cells.sql. */
async function createContractRules(duck: Duck, dataset: RawDataset): Promise<void> {
  await duck.run(`CREATE OR REPLACE TABLE contract_rules (column_name VARCHAR, kind VARCHAR, required BOOLEAN,
    max_length INTEGER, min_value DOUBLE, max_value DOUBLE, allowed VARCHAR[], min_items INTEGER, allow_future BOOLEAN)`);
  for (const c of dataset.columns) {
    const t = c.type;
    await duck.run(`INSERT INTO contract_rules VALUES ($name, $kind, $required, $max_length, $min_value, $max_value, string_split($allowed, '|'), $min_items, $allow_future)`, {
      name: c.name,
      kind: t.kind,
      required: c.required,
      max_length: t.kind === 'text' ? (t.maxLength ?? TEXT_MAX_LENGTH) : null,
      min_value: t.kind === 'integer' || t.kind === 'decimal' ? t.min : null,
      max_value: t.kind === 'integer' || t.kind === 'decimal' ? t.max : null,
      allowed: t.kind === 'enum' || t.kind === 'enum_list' ? t.values.join('|') : null,
      min_items: t.kind === 'enum_list' ? t.minItems : null,
      allow_future: t.kind === 'date' ? (t.allowFuture ?? false) : null,
    });
  }
}

/** Table kla_thresholds(code, min_points, max_points) from the one definition in src/domain/kla.ts. */
export async function createKlaThresholds(duck: Duck): Promise<void> {
  await duck.run(`CREATE OR REPLACE TABLE kla_thresholds (code VARCHAR, min_points INTEGER, max_points INTEGER, ord INTEGER)`);
  for (const [i, c] of KLA_CATEGORIES.entries()) {
    await duck.run(`INSERT INTO kla_thresholds VALUES ($code, $min, $max, $ord)`, { code: c.code, min: c.min, max: c.max, ord: i });
  }
}
