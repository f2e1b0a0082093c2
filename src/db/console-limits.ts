// What one SQL console result may hold in the page (pure, unit-tested): at most ROW_CAP rows and BYTE_CAP bytes of
// values, whichever comes first; rows past the cap are never fetched from the engine.
import type { Value } from './sql.ts';

/** Rows kept from one result. */
export const ROW_CAP = 10_000;
/** Bytes of values kept from one result (as the page holds them: text at 2 bytes a character, numbers at 8). */
export const BYTE_CAP = 32 * 1024 * 1024;

/** What a value costs in the page's memory, roughly: 2 bytes a UTF-16 unit, 8 a number, 4 a boolean. */
export function valueBytes(v: Value): number {
  if (v === null) return 0;
  if (typeof v === 'string') return 2 * v.length;
  if (typeof v === 'boolean') return 4;
  return 8;
}

/** Which cap cut a result: null (none), the row cap or the byte cap. */
export type CapReason = null | 'rows' | 'bytes';

/** Counts rows and bytes kept; take() says whether one more row fits. */
export class ResultBudget {
  rows = 0;
  bytes = 0;
  capped: CapReason = null;
  constructor(readonly rowCap = ROW_CAP, readonly byteCap = BYTE_CAP) {}

  /** Takes a row if it fits under both caps; otherwise records which cap stopped the result and returns false. */
  take(row: readonly Value[]): boolean {
    if (this.capped) return false;
    if (this.rows >= this.rowCap) { this.capped = 'rows'; return false; }
    let size = 0;
    for (const v of row) size += valueBytes(v);
    if (this.bytes + size > this.byteCap) { this.capped = 'bytes'; return false; }
    this.rows++;
    this.bytes += size;
    return true;
  }
}
