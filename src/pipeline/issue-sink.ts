import { renameSync, rmSync } from 'node:fs';
import { sqlString, type Duck, type Params } from './duck.ts';
import { InputError, MAX_SHOWN_PER_FILE, type InputIssue } from './issues.ts';

/**
 * Collects input issues in a DuckDB table instead of a JS array, so that a million bad rows cost the same small
 * memory as ten: queries insert their problems directly (INSERT ... SELECT), the report CSV is written by DuckDB
 * (COPY, streaming), and only the first MAX_SHOWN_PER_FILE issues of each file ever become JS objects.
 */
export class IssueSink {
  private fileOrder = 0;

  private constructor(private readonly duck: Duck) {}

  static async create(duck: Duck): Promise<IssueSink> {
    // rowid (insertion order) breaks ties between issues of the same cell.
    await duck.run(`CREATE OR REPLACE TABLE input_issues (file_order INTEGER, file VARCHAR, "row" INTEGER, column_name VARCHAR,
        value VARCHAR, message VARCHAR);
      CREATE OR REPLACE TABLE input_issues_staging (file_order INTEGER, file VARCHAR, "row" INTEGER, column_name VARCHAR,
        value VARCHAR, message VARCHAR);`);
    return new IssueSink(duck);
  }

  /** Issues added from now on sort after those of the files before (files are reported in the order read). */
  nextFile(): void {
    this.fileOrder++;
  }

  /** Adds issues held in JS (file-level problems, XLSX cells, region values). */
  async add(issues: Iterable<InputIssue>): Promise<void> {
    const batch: InputIssue[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const appender = await this.duck.conn.createAppender('input_issues_staging');
      for (const i of batch) {
        appender.appendInteger(this.fileOrder);
        appender.appendVarchar(i.file);
        if (i.row === null) appender.appendNull(); else appender.appendInteger(i.row);
        if (i.column === null) appender.appendNull(); else appender.appendVarchar(i.column);
        if (i.value === null) appender.appendNull(); else appender.appendVarchar(i.value);
        appender.appendVarchar(i.message);
        appender.endRow();
      }
      appender.closeSync();
      batch.length = 0;
      await this.duck.run(`INSERT INTO input_issues (file_order, file, "row", column_name, value, message)
        SELECT * FROM input_issues_staging; DELETE FROM input_issues_staging`);
    };
    for (const i of issues) {
      batch.push(i);
      if (batch.length >= 10_000) await flush();
    }
    await flush();
  }

  /** Adds the rows of a query with columns row, column_name, value, message, all of `file`. */
  async addQuery(file: string, sql: string, params?: Params): Promise<void> {
    await this.duck.run(`INSERT INTO input_issues (file_order, file, "row", column_name, value, message)
      SELECT ${this.fileOrder}, ${sqlString(file)}, "row"::INTEGER, column_name::VARCHAR, value::VARCHAR, message::VARCHAR FROM (${sql})`, params);
  }

  async count(file?: string): Promise<number> {
    const [r] = await this.duck.all(`SELECT count(*)::BIGINT AS n FROM input_issues${file === undefined ? '' : ` WHERE file = ${sqlString(file)}`}`);
    return Number(r?.n ?? 0);
  }

  /**
   * When any issue was added: writes every one to `reportPath` (CSV: file,row,column,value,message; written under a
   * temporary name and renamed) and throws an InputError holding the first issues of each file and the counts.
   */
  async throwIfAny(reportPath?: string): Promise<void> {
    const total = await this.count();
    if (total === 0) return;
    const ordered = `SELECT file, "row", column_name AS "column", value, message FROM input_issues
      ORDER BY file_order, file, "row" NULLS FIRST, column_name NULLS FIRST, rowid`;
    if (reportPath) {
      const tmp = `${reportPath}.tmp-${process.pid}`;
      try {
        await this.duck.run(`COPY (${ordered}) TO ${sqlString(tmp)} (FORMAT csv, HEADER, FORCE_QUOTE *)`);
        renameSync(tmp, reportPath);
      } catch (e) {
        rmSync(tmp, { force: true });
        throw e;
      }
    }
    const counts = await this.duck.all(`SELECT file, count(*)::BIGINT AS n FROM input_issues GROUP BY file_order, file ORDER BY file_order, file`);
    const shown = await this.duck.all(`SELECT file, "row", column_name AS "column", value, message FROM (
        SELECT *, rowid AS seq, row_number() OVER (PARTITION BY file ORDER BY "row" NULLS FIRST, column_name NULLS FIRST, rowid) AS rn FROM input_issues
      ) WHERE rn <= ${MAX_SHOWN_PER_FILE}
      ORDER BY file_order, file, "row" NULLS FIRST, column_name NULLS FIRST, seq`);
    const issues = shown.map((r): InputIssue => ({
      file: String(r.file), row: r.row === null ? null : Number(r.row), column: r.column === null ? null : String(r.column),
      value: r.value === null ? null : String(r.value), message: String(r.message),
    }));
    throw new InputError(issues, { total, perFile: new Map(counts.map((c) => [String(c.file), Number(c.n)])) });
  }
}
