import type { Label } from '../../domain/label.ts';
import type { Manifest } from '../../db/snapshot.ts';
import type { Row, Value } from '../../db/sql.ts';

// Shared shapes of the download modules: what is downloaded (a source, its columns and rows) and from which snapshot.

export type { Row, Value, Manifest, Label };

/** What the rows are: a published table (`violence_by_sex_age`), an indicator (`indicator:<id>`), a console query... */
export interface DownloadSource {
  id: string;
  title: Label;
}

/** A column of the result, with its DuckDB type (VARCHAR, INTEGER, BIGINT, DOUBLE, BOOLEAN, DATE). */
export interface DownloadColumn {
  name: string;
  type: string;
  unit?: Label | null;
  description?: Label | null;
}

export type DownloadFormat = 'csv' | 'parquet' | 'json';

export const DATA_FILE: Record<DownloadFormat, string> = { csv: 'data.csv', parquet: 'data.parquet', json: 'data.json' };
