/** One problem in an input file: what a data officer needs to find and fix it. */
export interface InputIssue {
  file: string;
  /** 1-based row as a spreadsheet shows it (the header is row 1); null for a file-level problem. */
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

/** A build stopped by bad input; carries every issue found, not just the first. */
export class InputError extends Error {
  constructor(readonly issues: InputIssue[]) {
    super(formatIssues(issues));
    this.name = 'InputError';
  }
}

/** A build stopped by a failed check of the output (for example the disclosure audit). */
export class BuildError extends Error {
  override name = 'BuildError';
}

const MAX_PRINTED_PER_FILE = 200;

/** Human-readable report: issues grouped by file, each with row, column and value. */
export function formatIssues(issues: InputIssue[]): string {
  const byFile = new Map<string, InputIssue[]>();
  for (const i of issues) byFile.set(i.file, [...(byFile.get(i.file) ?? []), i]);
  const parts: string[] = [`${issues.length} masalah pada data masukan / ${issues.length} problem(s) in the input:`];
  for (const [file, list] of byFile) {
    parts.push(`\n${file}: ${list.length} masalah / problem(s)`);
    for (const i of list.slice(0, MAX_PRINTED_PER_FILE)) parts.push(`  ${formatIssue(i)}`);
    if (list.length > MAX_PRINTED_PER_FILE) parts.push(`  ... dan ${list.length - MAX_PRINTED_PER_FILE} lagi / and ${list.length - MAX_PRINTED_PER_FILE} more (see the full report CSV)`);
  }
  return parts.join('\n');
}

/** "file:row 12, kolom usia, nilai "19": message" */
export function formatIssue(i: InputIssue): string {
  const where = [
    i.row === null ? null : `baris/row ${i.row}`,
    i.column === null ? null : `kolom/column ${i.column}`,
    i.value === null ? null : `nilai/value ${JSON.stringify(i.value)}`,
  ].filter(Boolean).join(', ');
  return `${i.file}${where ? ` (${where})` : ''}: ${i.message}`;
}

/** The issues as CSV (for the full report written beside a failed build). */
export function issuesToCsv(issues: InputIssue[]): string {
  const q = (s: string | number | null) => (s === null ? '' : `"${String(s).replace(/"/g, '""')}"`);
  return ['file,row,column,value,message', ...issues.map((i) => [i.file, i.row, i.column, i.value, i.message].map(q).join(','))].join('\n') + '\n';
}
