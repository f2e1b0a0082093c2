// Readers of query cells for the LKSA page's row shapes: a cell becomes a number, a count, a text or a flag.

export type Cell = string | number | boolean | null | undefined;
export type PlainRow = Readonly<Record<string, Cell>>;

export const num = (v: Cell): number | null => {
  if (v === null || v === undefined || v === '' || typeof v === 'boolean') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
};
export const int = (v: Cell): number => num(v) ?? 0;
export const str = (v: Cell): string => (v === null || v === undefined ? '' : String(v));
export const strOrNull = (v: Cell): string | null => (v === null || v === undefined || v === '' ? null : String(v));
export const bool = (v: Cell): boolean => v === true || v === 'true';
