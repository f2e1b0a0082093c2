import { basename } from 'node:path';
import { rmSync } from 'node:fs';
import { RAW_DATASETS, type DatasetId } from '../domain/raw-contract.ts';
import { AGE_GROUPS } from '../domain/vocab.ts';
import { codeRows } from '../domain/codes.ts';
import { sqlString, type Duck } from './duck.ts';
import { readQuery } from './sql-files.ts';
import { IssueSink } from './issue-sink.ts';
import { loadReference } from './reference.ts';
import { RegionResolver } from './harmonise.ts';
import { loadRawFile, locateRawFile } from './read-raw.ts';
import { createKlaThresholds, validateDataset } from './validate.ts';
import type { Manifest } from './manifest.ts';

// The stages of a build before disclosure control, each usable alone (tests run them on fixtures).

export interface InputOptions {
  rawDir: string;
  referenceDate: string;
  errorReport?: string;
}

/** Points the views raw_input and region_map, which the SQL files read, at one dataset. */
export async function useDataset(duck: Duck, id: DatasetId): Promise<void> {
  await duck.run(`CREATE OR REPLACE VIEW raw_input AS SELECT * FROM raw_${id}; CREATE OR REPLACE VIEW region_map AS SELECT * FROM region_map_${id};`);
}

/**
 * Victim rows (view violence_victims, compact and internal; violence_clean is a readable view of them) and the
 * complete cube of counts (violence_cube).
 */
export async function aggregateViolence(duck: Duck): Promise<void> {
  await useDataset(duck, 'violence');
  await duck.run(`CREATE OR REPLACE TABLE type_lists AS ${readQuery('pipeline/list_values')}`, { column: 'jenis_kekerasan' });
  await duck.run(`CREATE OR REPLACE TABLE service_lists AS ${readQuery('pipeline/list_values')}`, { column: 'layanan' });
  await duck.run(`CREATE OR REPLACE VIEW violence_victims AS ${readQuery('pipeline/clean_violence')}`);
  await duck.run(`CREATE OR REPLACE VIEW violence_clean AS ${readQuery('pipeline/violence_clean')}`);
  await duck.run(`CREATE OR REPLACE TABLE violence_cube AS ${readQuery('pipeline/violence_cube')}`);
}

/** Macros, reference tables, code lists and the published regions table. */
export async function prepare(duck: Duck): Promise<void> {
  await duck.run(readQuery('pipeline/macros'));
  await loadReference(duck);
  await duck.run(`CREATE OR REPLACE TABLE codes AS SELECT * FROM (VALUES ${codeRows().map((r) =>
    `(${sqlString(r.vocabulary)}, ${sqlString(r.code)}, ${r.ord}, ${sqlString(r.label_id)}, ${sqlString(r.label_en)})`).join(', ')})
    AS t(vocabulary, code, ord, label_id, label_en)`);
  const ages = AGE_GROUPS.flatMap((g) => Array.from({ length: g.max - g.min + 1 }, (_, i) => `(${g.min + i}, '${g.code}')`));
  await duck.run(`CREATE OR REPLACE TABLE age_groups AS SELECT * FROM (VALUES ${ages.join(', ')}) AS t(age, code)`);
  await createKlaThresholds(duck);
  await duck.run(`CREATE OR REPLACE TABLE regions AS ${readQuery('pipeline/regions')}`);
}

/**
 * Loads and validates every raw file; throws InputError with the first problems of each file and their counts, after
 * writing every problem to `errorReport`. When the inputs are valid, a report left by an earlier run is removed.
 */
export async function validateInputs(duck: Duck, opts: InputOptions, tmpDir: string): Promise<Manifest['inputs']> {
  const resolver = await RegionResolver.fromReference(duck);
  const sink = await IssueSink.create(duck);
  const inputs: Manifest['inputs'] = [];
  for (const dataset of RAW_DATASETS) {
    sink.nextFile();
    const located = locateRawFile(opts.rawDir, dataset);
    if (!located.path) {
      await sink.add([located.issue!]);
      continue;
    }
    if (!await loadRawFile(duck, dataset, located.path, tmpDir, sink)) continue;
    await validateDataset(duck, dataset, basename(located.path), opts.referenceDate, resolver, sink);
    inputs.push({ dataset: dataset.id, file: basename(located.path) });
  }
  await sink.throwIfAny(opts.errorReport);
  if (opts.errorReport) rmSync(opts.errorReport, { force: true });
  return inputs;
}
