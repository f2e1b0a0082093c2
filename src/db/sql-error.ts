// DuckDB's errors as the SQL console shows them: the error's type and message, and where in the user's own statement
// it is. Pure (no engine import): unit-tested in Node.
//
// The console's engine reports errors as JSON (SET errors_as_json=true: type, message and `position`, an offset into
// the text DuckDB was given: in UTF-8 bytes, except for a syntax error (type Parser), whose offset counts characters,
// i.e. code points; measured on DuckDB-WASM 1.4.3, test/db/sql-error.test.ts). The guard hands DuckDB the user's statement inside a wrapper
// (`EXPLAIN (FORMAT JSON) SELECT * FROM query('<statement, quotes doubled>')`, console-guard.ts), so an offset is
// mapped back through the wrapper to the user's text, then to a line and column; an offset outside the user's text
// (DuckDB points at the wrapper's own query( call for any error inside it) maps to nothing.

/**
 * A DuckDB error: its type ('Binder', 'Parser', ...), message, and offset in the SQL text it was given, counted in
 * `unit`: UTF-8 bytes, or characters (code points) for a syntax error.
 */
export interface SqlErrorInfo { type: string; message: string; position: number | null; unit: PositionUnit }
export type PositionUnit = 'byte' | 'char';

/** How DuckDB counts an error's position: characters for a syntax error (the parser's), UTF-8 bytes otherwise. */
const unitOf = (type: string): PositionUnit => (type === 'Parser' ? 'char' : 'byte');

/** Reads DuckDB's error text: the JSON form (errors_as_json, possibly after "Parser Error: ") or the classic one. */
export function parseDuckDbError(raw: string): SqlErrorInfo {
  const brace = raw.indexOf('{');
  if (brace !== -1) {
    try {
      const j = JSON.parse(raw.slice(brace)) as Record<string, unknown>;
      if (typeof j.exception_message === 'string') {
        const pos = Number(j.position);
        const type = typeof j.exception_type === 'string' ? j.exception_type : /^(\w+) Error:/.exec(raw)?.[1] ?? '';
        return {
          type,
          message: j.exception_message.replace(/\s+$/, ''),
          position: j.position !== undefined && Number.isInteger(pos) && pos >= 0 ? pos : null,
          unit: unitOf(type),
        };
      }
    } catch {
      // not JSON after all: a message that holds a brace
    }
  }
  // Classic: "Binder Error: message\n\nLINE 1: <context>\n      ^" (the context is DuckDB's, of the text it was given).
  const m = /^(\w[\w ]*?) Error: ([\s\S]*)$/.exec(raw);
  const body = (m ? m[2]! : raw).replace(/\n+LINE \d+:[\s\S]*$/, '').replace(/\s+$/, '');
  return { type: m ? m[1]! : '', message: body, position: null, unit: unitOf(m ? m[1]! : '') };
}

/** The classic one-line form: "Binder Error: message" (what the guard's patterns and the user read). */
export const errorText = (info: SqlErrorInfo): string => (info.type ? `${info.type} Error: ${info.message}` : info.message);

/** A DuckDB error with its parsed parts; its message is the classic text. */
export class DuckDbError extends Error {
  override name = 'DuckDbError';
  constructor(readonly info: SqlErrorInfo, options?: ErrorOptions) {
    super(errorText(info), options);
  }
}

/** Any error thrown by DuckDB as a DuckDbError (parsed once). */
export function asDuckDbError(e: unknown): DuckDbError {
  if (e instanceof DuckDbError) return e;
  return new DuckDbError(parseDuckDbError(e instanceof Error ? e.message : String(e)), { cause: e });
}

/** How a user's statement sits inside the SQL text DuckDB is given: prefix + statement (quotes doubled if quoted) + suffix. */
export interface SqlWrapper { prefix: string; quoted: boolean; suffix: string }

/** The statement as the user typed it. */
export const AS_TYPED: SqlWrapper = { prefix: '', quoted: false, suffix: '' };

/** The SQL text of a statement in a wrapper. */
export const wrapSql = (w: SqlWrapper, sql: string): string => `${w.prefix}${w.quoted ? sql.replace(/'/g, "''") : sql}${w.suffix}`;

/**
 * The UTF-16 index in `text` of an offset DuckDB counted in UTF-8 bytes ('byte') or in code points ('char'); past the
 * end: text.length.
 */
export function toIndex(text: string, offset: number, unit: PositionUnit = 'byte'): number {
  let n = 0;
  let i = 0;
  while (i < text.length && n < offset) {
    const cp = text.codePointAt(i)!;
    n += unit === 'char' ? 1 : cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/**
 * The index in the user's statement `sql` of an offset DuckDB reported for the wrapped text (in `unit`), or null when
 * the offset is not inside the statement (it points at the wrapper itself).
 */
export function userOffset(w: SqlWrapper, sql: string, position: number | null, unit: PositionUnit = 'byte'): number | null {
  if (position === null) return null;
  const wrapped = wrapSql(w, sql);
  const at = toIndex(wrapped, position, unit) - w.prefix.length;
  const encodedLength = wrapped.length - w.prefix.length - w.suffix.length;
  if (at < 0 || at > encodedLength) return null;
  if (!w.quoted) return at;
  // Walk the statement: each quote takes two characters in the wrapped text.
  let enc = 0;
  for (let i = 0; i < sql.length; i++) {
    const width = sql[i] === "'" ? 2 : 1;
    if (at < enc + width) return i;
    enc += width;
  }
  return sql.length;
}

/** 1-based line and column (in characters, a surrogate pair counting once) of an index in a text. */
export function lineColumn(sql: string, index: number): { line: number; column: number } {
  const before = sql.slice(0, Math.max(0, Math.min(index, sql.length)));
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: [...lines[lines.length - 1]!].length + 1 };
}

/** The characters of a line shown around the error at most (an ellipsis stands for the rest). */
const EXCERPT = 60;

/**
 * The line of `sql` holding `index`, and a caret line under the character at `index`: tabs are kept in the caret
 * line so that both align in a monospaced block; a long line is cut to EXCERPT characters either side.
 */
export function caretExcerpt(sql: string, index: number): { line: number; column: number; text: string; caret: string } {
  const { line, column } = lineColumn(sql, index);
  const chars = [...(sql.split(/\r\n|\r|\n/)[line - 1] ?? '')];
  const start = Math.max(0, column - 1 - EXCERPT);
  const end = Math.min(chars.length, column - 1 + EXCERPT);
  const lead = start > 0 ? '…' : '';
  const shown = chars.slice(start, end);
  const text = `${lead}${shown.join('')}${end < chars.length ? '…' : ''}`;
  const pad = [...lead, ...shown.slice(0, column - 1 - start)].map((c) => (c === '\t' ? '\t' : ' ')).join('');
  return { line, column, text, caret: `${pad}^` };
}
