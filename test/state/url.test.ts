import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, decodeState, encodeState, LINK_MAX, linkSearch, provinceOfRegion, URL_MIGRATIONS, type UserState } from '../../src/state/url.ts';

describe('URL <-> state', () => {
  it('writes nothing for the defaults', () => {
    expect(encodeState(DEFAULT_STATE)).toBe('');
    expect(decodeState('')).toEqual(DEFAULT_STATE);
  });

  const cases: Array<Partial<UserState>> = [
    { view: 'map', indicator: 'lksa-accredited-share', year: 2023, level: 'regency', region: '32' },
    { view: 'profile', region: '32.73', lang: 'en' },
    { view: 'profile', region: '91' },
    { view: 'lksa', accreditation: 'belum', licence: 'kedaluwarsa', finding: 'risiko_tppo', search: 'Cempaka 04' },
    { view: 'kla', klaYear: 2023, classes: 'jenks' },
    { sort: { column: 'value', dir: 'desc' } },
    { sort: { column: 'name', dir: 'asc' }, search: 'a&b=c?d#e' },
    { view: 'data', table: 'violence_by_sex_age', region: '32', year: 2023, filters: { age_group: '13-17', sex: 'P' } },
    { view: 'data', table: 'indicator:violence-victim-rate' },
    { view: 'console', sql: "SELECT province_code, sum(victims) FROM violence_totals WHERE year = 2024 AND name LIKE '%a;b%' GROUP BY 1" },
    { view: 'report', region: '32.73', subject: 'violence' },
    { view: 'violence', embed: 'violence-by-type' },
  ];
  it.each(cases)('round-trips %o', (patch) => {
    const state = { ...DEFAULT_STATE, ...patch };
    const url = encodeState(state);
    expect(decodeState(url)).toEqual(state);
    expect(encodeState(decodeState(url))).toBe(url);
  });

  it('gives equal links for equal states, whatever order the choices were made in', () => {
    expect(encodeState({ ...DEFAULT_STATE, year: 2022, view: 'violence' })).toBe(encodeState({ ...DEFAULT_STATE, view: 'violence', year: 2022 }));
  });

  it('ignores unknown or malformed values rather than failing', () => {
    expect(decodeState('?v=admin&y=20x4&l=desa&p=32.73&r=<script>&c=pie&s=1;drop&lang=fr&i=a%20b')).toEqual(DEFAULT_STATE);
  });

  it('keeps old links working: the drilled province `p` becomes the one chosen region `r`', () => {
    expect(URL_MIGRATIONS.length).toBeGreaterThan(0);
    // A map drilled into Jawa Barat, and the violence page for DI Yogyakarta, as links were written before.
    expect(decodeState('?l=regency&p=32')).toEqual({ ...DEFAULT_STATE, level: 'regency', region: '32' });
    expect(decodeState('?v=violence&p=34')).toEqual({ ...DEFAULT_STATE, view: 'violence', region: '34' });
    // A kab/kota of that province already chosen stays chosen; another region gives way to the province in `p`.
    expect(decodeState('?v=profile&p=32&r=32.73').region).toBe('32.73');
    expect(decodeState('?v=map&l=regency&p=32&r=11.01').region).toBe('32');
    // A malformed `p` is dropped, as before; the new link never writes `p`.
    expect(decodeState('?p=32.73&r=11').region).toBe('11');
    expect(encodeState(decodeState('?l=regency&p=32'))).toBe('?l=regency&r=32');
  });

  it('the pages that show Indonesia or a province show the chosen region\'s province', () => {
    expect([provinceOfRegion('00'), provinceOfRegion('32'), provinceOfRegion('32.73')]).toEqual([null, '32', '32']);
  });

  it('drops malformed data-page filters and tables, keeps the well-formed ones', () => {
    const s = decodeState('?v=data&t=lksa;drop&f=sex:P;bad key:x;age_group:<b>;year:2023&subj=evil&embed=a%20b');
    expect(s.table).toBeNull();
    expect(s.filters).toEqual({ sex: 'P', year: '2023' });
    expect(s.subject).toBe('all');
    expect(s.embed).toBeNull();
  });

  it('keeps region codes as strings ("32.10" is not "32.1")', () => {
    expect(decodeState('?v=profile&r=32.10').region).toBe('32.10');
    expect(decodeState('?r=32.1').region).toBe('00');
  });
});

describe('a console statement too long for a link', () => {
  const base = 'https://pantau-anak.example.go.id/';
  const state = (sql: string): UserState => ({ ...DEFAULT_STATE, view: 'console', sql });

  it('stays in the link while the whole link fits in LINK_MAX characters', () => {
    const sql = `SELECT '${'x'.repeat(100)}' AS a`;
    const r = linkSearch(state(sql), base.length);
    expect(r).toEqual({ search: encodeState(state(sql)), sqlLeftOut: false, length: base.length + encodeState(state(sql)).length });
    expect(decodeState(r.search).sql).toBe(sql);
  });

  it('is left out of the link (never cut) when the link would be longer, and the caller is told', () => {
    const sql = `SELECT ${"'é'".repeat(3000)}`; // %C3%A9 etc.: much longer encoded than typed
    const r = linkSearch(state(sql), base.length);
    expect(r.sqlLeftOut).toBe(true);
    expect(r.search).toBe('?v=console');
    expect(r.length).toBeLessThanOrEqual(LINK_MAX);
    // Exactly at the limit it stays; one character more and it is left out.
    const head = base.length + encodeState(state('')).length + '&sql='.length;
    const fits = 'x'.repeat(LINK_MAX - head);
    expect(linkSearch(state(fits), base.length)).toMatchObject({ sqlLeftOut: false, length: LINK_MAX });
    expect(linkSearch(state(`${fits}y`), base.length)).toMatchObject({ sqlLeftOut: true, search: '?v=console' });
  });

  it('reads a long statement from a link whole (it is never cut on the way in)', () => {
    const sql = `SELECT ${'1 + '.repeat(5000)}1`;
    expect(decodeState(`?v=console&sql=${encodeURIComponent(sql)}`).sql).toBe(sql);
  });
});
