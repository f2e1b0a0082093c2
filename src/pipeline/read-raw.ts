import { lstatSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { RawDataset } from '../domain/raw-contract.ts';
import type { Duck } from './duck.ts';
import type { InputIssue } from './issues.ts';
import type { IssueSink } from './issue-sink.ts';
import { checkFileKind, scanCsv } from './raw-file-check.ts';
import { xlsxToCsv } from './xlsx-read.ts';
import { oneLine, readRawTable } from './raw-table.ts';

const exists = (p: string) => {
  try {
    lstatSync(p); // a symlink counts, even a dangling one: checkFileKind names it
    return true;
  } catch {
    return false;
  }
};

/** The raw file of a dataset in `dir`: <file>.csv or <file>.xlsx (first visible sheet). */
export function locateRawFile(dir: string, dataset: RawDataset): { path?: string; issue?: InputIssue } {
  const candidates = ['csv', 'xlsx'].map((ext) => join(dir, `${dataset.file}.${ext}`)).filter(exists);
  if (candidates.length === 0) {
    return { issue: { file: `${dataset.file}.csv`, row: null, column: null, value: null,
      message: `berkas tidak ditemukan di ${dir} (juga tidak ada .xlsx) / file not found in ${dir} (nor .xlsx): ${dataset.title.en}` } };
  }
  if (candidates.length > 1) {
    return { issue: { file: candidates.map((c) => basename(c)).join(' + '), row: null, column: null, value: null,
      message: 'ada dua berkas untuk data yang sama; sisakan satu / two files for the same data; keep one' } };
  }
  return { path: candidates[0] };
}

/**
 * Loads a raw CSV or XLSX file into view raw_<dataset> (over table raw_<dataset>_data; see raw-table.ts) with every
 * column as text (surrounding spaces removed, empty cells NULL) and `__row`, the row number as a spreadsheet shows it,
 * and the distinct values of its columns but free text in raw_<dataset>_values. File-level
 * problems (what the file is, its encoding, header, broken lines) go to `sink`; when there are any the table is not
 * created and the file's cells are not validated. Returns whether the table was created.
 */
export async function loadRawFile(duck: Duck, dataset: RawDataset, path: string, tmpDir: string, sink: IssueSink): Promise<boolean> {
  const file = basename(path);
  const issue = (message: string, row: number | null = null, column: string | null = null, value: string | null = null): InputIssue =>
    ({ file, row, column, value, message });
  const xlsx = path.endsWith('.xlsx');
  const kind = checkFileKind(path, xlsx ? 'xlsx' : 'csv');
  if (kind) {
    await sink.add([issue(kind.message, kind.row)]);
    return false;
  }
  let csvPath = path;
  if (xlsx) {
    csvPath = join(tmpDir, `${dataset.id}.from-xlsx.csv`);
    let sheetIssues: InputIssue[];
    try {
      sheetIssues = await xlsxToCsv(path, csvPath, file);
    } catch (e) {
      await sink.add([issue(`berkas XLSX tidak dapat dibaca / cannot read the XLSX file: ${oneLine((e as Error).message)}`)]);
      return false;
    }
    if (sheetIssues.length > 0) {
      await sink.add(sheetIssues);
      return false;
    }
  }
  const scan = await scanCsv(csvPath);
  if (scan.problem) {
    await sink.add([issue(scan.problem.message, xlsx ? null : scan.problem.row)]);
    return false;
  }
  const header = splitHeader(scan.firstLine, scan.delimiter);
  const headerIssues = checkHeader(dataset, header.filter((h) => h !== '__row'), issue);
  if (scan.blankLine !== null && !xlsx) {
    headerIssues.push(issue('baris kosong di tengah berkas; hapus baris kosong / blank line inside the file; remove blank lines', scan.blankLine));
  }
  if (headerIssues.length > 0) {
    await sink.add(headerIssues);
    return false;
  }

  return readRawTable(duck, dataset, { path: csvPath, header, delimiter: scan.delimiter, numbered: xlsx }, file, sink);
}


function checkHeader(dataset: RawDataset, header: string[], issue: (m: string, r?: number | null, c?: string | null, v?: string | null) => InputIssue): InputIssue[] {
  const issues: InputIssue[] = [];
  const names = header.map((h) => h.trim().toLowerCase());
  const known = new Set(dataset.columns.map((c) => c.name));
  const seen = new Set<string>();
  for (const [i, n] of names.entries()) {
    if (!known.has(n)) issues.push(issue(`kolom tidak dikenal; yang diharapkan: ${[...known].join(', ')} / unknown column`, 1, header[i] ?? n));
    if (seen.has(n)) issues.push(issue('kolom ganda / duplicate column', 1, n));
    seen.add(n);
  }
  for (const c of dataset.columns) {
    if (!seen.has(c.name) && c.required) issues.push(issue('kolom wajib tidak ada / required column missing', 1, c.name));
  }
  return issues;
}

function splitHeader(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((h) => h.trim().replace(/^"(.*)"$/, '$1').trim());
}

