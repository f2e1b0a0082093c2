import { describe, expect, it } from 'vitest';
import { BYTE_CAP, ResultBudget, ROW_CAP, valueBytes } from '../../src/db/console-limits.ts';

// The console keeps at most ROW_CAP rows and BYTE_CAP bytes of one result: whichever comes first, and says which.

describe('valueBytes', () => {
  it('counts text at 2 bytes a UTF-16 unit, numbers at 8, booleans at 4, NULL at 0', () => {
    expect(valueBytes('abc')).toBe(6);
    expect(valueBytes('😀')).toBe(4);
    expect(valueBytes(12.5)).toBe(8);
    expect(valueBytes(true)).toBe(4);
    expect(valueBytes(null)).toBe(0);
  });
});

describe('ResultBudget', () => {
  it('takes rows until the row cap, and only says capped when a further row exists', () => {
    const b = new ResultBudget(3, 1_000);
    for (let i = 0; i < 3; i++) expect(b.take([i])).toBe(true);
    expect(b.capped).toBeNull();
    expect(b.take([3])).toBe(false);
    expect(b.capped).toBe('rows');
    expect(b.rows).toBe(3);
  });

  it('stops at the byte cap before a row that would pass it (the row is not kept)', () => {
    const b = new ResultBudget(100, 20);
    expect(b.take(['abcd', 1])).toBe(true); // 8 + 8
    expect(b.take(['abc'])).toBe(false); // 16 + 6 > 20
    expect(b.capped).toBe('bytes');
    expect(b.take([null])).toBe(false); // capped stays capped
    expect(b.bytes).toBe(16);
    expect(b.rows).toBe(1);
  });

  it('a first row bigger than the cap gives an empty, capped result', () => {
    const b = new ResultBudget(10, 10);
    expect(b.take(['x'.repeat(6)])).toBe(false);
    expect(b).toMatchObject({ rows: 0, bytes: 0, capped: 'bytes' });
  });

  it('defaults: 10,000 rows and 32 MiB', () => {
    expect(ROW_CAP).toBe(10_000);
    expect(BYTE_CAP).toBe(32 * 1024 * 1024);
    const b = new ResultBudget();
    // 3 rows of 150,000 characters each: 900,000 bytes, far under the cap.
    for (let i = 0; i < 3; i++) expect(b.take(['x'.repeat(150_000)])).toBe(true);
    // 120 rows of 150,000 characters reach 36 MB: the byte cap stops the result before its 112th row.
    const big = new ResultBudget();
    let kept = 0;
    while (big.take(['x'.repeat(150_000)])) kept++;
    expect(kept).toBe(Math.floor(BYTE_CAP / 300_000));
    expect(big.capped).toBe('bytes');
  });
});
