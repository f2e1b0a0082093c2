/** One problem in an input file: what a data officer needs to find and fix it. */
export interface InputIssue {
  file: string;
  /** 1-based row as a spreadsheet shows it (the header is row 1); null for a file-level problem. */
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

/** How many issues of one file the console shows (and an InputError carries); the report CSV has them all. */
export const MAX_SHOWN_PER_FILE = 200;

/**
 * A build stopped by bad input. `issues` holds the first MAX_SHOWN_PER_FILE problems of each file (all of them
 * when there are fewer); `total` and `perFile` count every problem, and the report CSV lists every one.
 */
export class InputError extends Error {
  readonly total: number;
  readonly perFile: ReadonlyMap<string, number>;

  constructor(readonly issues: InputIssue[], counts?: { total: number; perFile: ReadonlyMap<string, number> }) {
    const perFile = counts?.perFile ?? countByFile(issues);
    const total = counts?.total ?? issues.length;
    super(formatIssues(issues, total, perFile));
    this.name = 'InputError';
    this.total = total;
    this.perFile = perFile;
  }
}

/** A build stopped by a failed check of the output (for example the disclosure audit). */
export class BuildError extends Error {
  override name = 'BuildError';
}

/** A command-line problem said as one sentence (a missing folder, a bad option, a full disk), never a stack. */
export class UsageError extends Error {
  override name = 'UsageError';
}

function countByFile(issues: InputIssue[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of issues) m.set(i.file, (m.get(i.file) ?? 0) + 1);
  return m;
}

/** Human-readable report: issues grouped by file, each with row, column and value; a count of those not shown. */
export function formatIssues(issues: InputIssue[], total = issues.length, perFile: ReadonlyMap<string, number> = countByFile(issues)): string {
  const byFile = new Map<string, InputIssue[]>();
  for (const i of issues) {
    let list = byFile.get(i.file);
    if (!list) byFile.set(i.file, (list = []));
    list.push(i);
  }
  const parts: string[] = [`${total} masalah pada data masukan / ${total} problem(s) in the input:`];
  for (const [file, n] of perFile) {
    const list = (byFile.get(file) ?? []).slice(0, MAX_SHOWN_PER_FILE);
    parts.push(`\n${file}: ${n} masalah / problem(s)`);
    for (const i of list) parts.push(`  ${formatIssue(i)}`);
    if (n > list.length) parts.push(`  ... dan ${n - list.length} lagi / and ${n - list.length} more (lihat / see the report CSV)`);
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
