import { describe, expect, it } from 'vitest';
import { ALLOWED_TABLE_FUNCTIONS, RefusedError, notSelect, refusal, type RefusalKind } from '../../src/db/console-guard.ts';
import { refusalMessage } from '../../src/app/views/console/refusals.ts';

// The console's refusals: the guard (src/db) gives a kind and a subject, the page words them in both languages.

const KINDS: RefusalKind[] = [
  'empty', 'multiple', 'write', 'attach', 'extension', 'copy', 'config', 'call', 'not-select',
  'file', 'environment', 'function', 'table-function', 'unknown-table', 'schema',
];

describe('refusal messages', () => {
  it.each(KINDS)('%s has a message in both languages', (kind) => {
    const m = refusalMessage(refusal(kind, 'x_subject'));
    expect(m.id).not.toBe(m.en);
    expect(m.id.length).toBeGreaterThan(10);
    expect(m.en.length).toBeGreaterThan(10);
    // Every refusal but "nothing to run" says it is a refusal.
    if (kind !== 'empty') {
      expect(m.id).toMatch(/^Ditolak: /);
      expect(m.en).toMatch(/^Refused: /);
    }
    // Kinds about a statement as a whole name nothing; the others name their subject.
    if (kind !== 'empty' && kind !== 'multiple') {
      expect(m.id).toContain('x_subject');
      expect(m.en).toContain('x_subject');
    }
  });

  it('words a statement after its first keyword, as before the guard returned kinds', () => {
    expect(refusalMessage(notSelect('insert into t values (1)'))).toEqual({
      id: 'Ditolak: INSERT mengubah data atau struktur (tulis/DDL). Konsol ini hanya-baca: gunakan SELECT.',
      en: 'Refused: INSERT changes data or structure (writes/DDL). This console is read-only: use SELECT.',
    });
    expect(refusalMessage(notSelect("EXPORT DATABASE 'd'")).en).toContain('EXPORT DATABASE');
    expect(refusalMessage(refusal('not-select')).en).toBe('Refused: only a single SELECT statement is allowed.');
    expect(refusalMessage(refusal('unknown-table', 'nope')).id).toContain('"nope"');
    expect(refusalMessage(refusal('table-function', 'f')).en).toContain(ALLOWED_TABLE_FUNCTIONS.join(', '));
  });

  it('keeps the guard free of user text: a refusal is its kind and subject', () => {
    expect(refusal('file', 'read_csv')).toEqual({ kind: 'file', subject: 'read_csv' });
    const e = new RefusedError(refusal('write', 'DROP'));
    expect(e.refusal).toEqual({ kind: 'write', subject: 'DROP' });
    expect(e.message).toBe('Refused (write): DROP');
  });
});
