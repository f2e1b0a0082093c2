// The URL is the store through these pure functions: a link reproduces the view; defaults are not written.

import { NATIONAL_CODE, provinceOf } from '../domain/regions.ts';

export const VIEWS = ['map', 'profile', 'violence', 'lksa', 'kla', 'data', 'console', 'report'] as const;
export const SUBJECTS = ['all', 'violence', 'lksa', 'kla'] as const;
export type Subject = (typeof SUBJECTS)[number];
export type ViewId = (typeof VIEWS)[number];
export type Lang = 'id' | 'en';
export type MapLevel = 'province' | 'regency';
export type ClassMethod = 'quantile' | 'jenks';
export type SortDir = 'asc' | 'desc';

/** What the user chose; everything else is derived. */
export interface UserState {
  view: ViewId;
  lang: Lang;
  /** Map indicator id (src/domain/indicators.ts). */
  indicator: string;
  /** null = the latest year the indicator has. */
  year: number | null;
  level: MapLevel;
  /**
   * The one region the user chose ('00' = Indonesia, a province or a kab/kota), on every page that can show it: the
   * profile and report show it; the map drills into its province (at kab/kota level); the violence and LKSA pages,
   * which show Indonesia or a province, show its province (provinceOfRegion).
   */
  region: string;
  classes: ClassMethod;
  /** Sort of the map's table. */
  sort: { column: string; dir: SortDir } | null;
  /** Free-text filter of tables. */
  search: string;
  /** LKSA institution table filters. */
  accreditation: string | null;
  licence: string | null;
  finding: string | null;
  /** KLA evaluation year on the KLA page; null = latest. */
  klaYear: number | null;
  /** Data page: a published table name, or `indicator:<id>` for the data behind an indicator; null = none picked. */
  table: string | null;
  /** Data page: filters on the table's dimensions (column -> value); region and year use `region` and `year`. */
  filters: Record<string, string>;
  /** SQL console: the statement in the editor (a link can share a query). */
  sql: string;
  /** Report page: the subject of the report (the region is `region`). */
  subject: Subject;
  /** Embed mode: the id of the one figure (chart or map) shown without the page around it; null = the full page. */
  embed: string | null;
}

export const DEFAULT_STATE: UserState = {
  view: 'map',
  lang: 'id',
  indicator: 'violence-victim-rate',
  year: null,
  level: 'province',
  region: '00',
  classes: 'quantile',
  sort: null,
  search: '',
  accreditation: null,
  licence: null,
  finding: null,
  klaYear: null,
  table: null,
  filters: {},
  sql: '',
  subject: 'all',
  embed: null,
};

const REGION = /^(00|\d{2}|\d{2}\.\d{2})$/;
const PROVINCE = /^\d{2}$/;
const TOKEN = /^[a-z0-9_-]{1,64}$/i;
const SORT_COLUMN = /^[a-z0-9_]{1,32}$/;
const TABLE = /^[a-z0-9_]{1,64}(:[a-z0-9_-]{1,64})?$/;
const FILTER_VALUE = /^[\p{L}\p{N} _.,()/-]{1,64}$/u;
/**
 * The longest link the app writes, in characters: nginx refuses a longer request line by default (its 8 KB header
 * buffers: "414 Request-URI Too Large"), and chat apps and mail clients cut long links. A console statement that would
 * make the link longer is left out of it, and the console says so (linkSearch).
 */
export const LINK_MAX = 8000;

/** Short keys keep links readable. */
const KEYS = {
  view: 'v', lang: 'lang', indicator: 'i', year: 'y', level: 'l', region: 'r', classes: 'c',
  sort: 's', search: 'q', accreditation: 'akr', licence: 'izin', finding: 'temuan', klaYear: 'kla',
  table: 't', filters: 'f', sql: 'sql', subject: 'subj', embed: 'embed',
} as const satisfies Record<keyof UserState, string>;

const year = (s: string | null): number | null => (s !== null && /^\d{4}$/.test(s) ? Number(s) : null);
const oneOf = <T extends string>(s: string | null, allowed: readonly T[]): T | undefined =>
  s !== null && (allowed as readonly string[]).includes(s) ? (s as T) : undefined;
const token = (s: string | null): string | null => (s !== null && TOKEN.test(s) ? s : null);

/** The province of the chosen region: the province itself, a kab/kota's province, or null for Indonesia. */
export const provinceOfRegion = (region: string): string | null => (region === NATIONAL_CODE ? null : provinceOf(region));

/**
 * Old links keep working: each change of a parameter's name or meaning is one entry here, applied in order to every
 * query string before it is read (test/state/url.test.ts tries each).
 */
export const URL_MIGRATIONS: ReadonlyArray<{ what: string; apply(q: URLSearchParams): void }> = [
  {
    what: '2026-12: `p` (the map\'s drilled province, which the violence and LKSA pages also read) became part of the one '
      + 'chosen region `r`. A province in `p` becomes `r`, unless `r` already names it or one of its kab/kota.',
    apply(q) {
      const p = q.get('p');
      if (p === null) return;
      q.delete('p');
      const r = q.get('r');
      if (!PROVINCE.test(p) || (r !== null && provinceOfRegion(r) === p)) return;
      q.set('r', p);
    },
  },
];

function migrate(q: URLSearchParams): URLSearchParams {
  for (const m of URL_MIGRATIONS) m.apply(q);
  return q;
}

/** The state a query string describes; anything unknown or malformed falls back to the default. */
export function decodeState(search: string): UserState {
  const q = migrate(new URLSearchParams(search));
  const get = (k: keyof UserState) => q.get(KEYS[k]);
  const s: UserState = { ...DEFAULT_STATE };
  s.view = oneOf(get('view'), VIEWS) ?? s.view;
  s.lang = oneOf(get('lang'), ['id', 'en'] as const) ?? s.lang;
  s.indicator = token(get('indicator')) ?? s.indicator;
  s.year = year(get('year'));
  s.level = oneOf(get('level'), ['province', 'regency'] as const) ?? s.level;
  const r = get('region');
  s.region = r !== null && REGION.test(r) ? r : s.region;
  s.classes = oneOf(get('classes'), ['quantile', 'jenks'] as const) ?? s.classes;
  const sort = get('sort')?.match(/^(-?)(.+)$/);
  s.sort = sort && SORT_COLUMN.test(sort[2]!) ? { column: sort[2]!, dir: sort[1] === '-' ? 'desc' : 'asc' } : null;
  s.search = (get('search') ?? '').slice(0, 100);
  s.accreditation = token(get('accreditation'));
  s.licence = token(get('licence'));
  s.finding = token(get('finding'));
  s.klaYear = year(get('klaYear'));
  const table = get('table');
  s.table = table !== null && TABLE.test(table) ? table : null;
  s.filters = decodeFilters(get('filters'));
  // Whole, however long: a link the app wrote holds at most LINK_MAX characters, and cutting a statement silently
  // would run another query than the one shared.
  s.sql = get('sql') ?? '';
  s.subject = oneOf(get('subject'), SUBJECTS) ?? s.subject;
  s.embed = token(get('embed'));
  return s;
}

/** The query string for a state ('' for the defaults); keys in a fixed order so equal states give equal links. */
export function encodeState(state: UserState): string {
  const q = new URLSearchParams();
  for (const key of Object.keys(KEYS) as Array<keyof UserState>) {
    const v = state[key];
    if (JSON.stringify(v) === JSON.stringify(DEFAULT_STATE[key])) continue;
    if (key === 'filters') {
      const f = encodeFilters(v as UserState['filters']);
      if (f) q.set(KEYS.filters, f);
    } else if (key === 'sort') {
      const sort = v as UserState['sort'];
      if (sort) q.set(KEYS.sort, `${sort.dir === 'desc' ? '-' : ''}${sort.column}`);
    } else if (v !== null && v !== undefined) {
      q.set(KEYS[key], String(v));
    }
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Filters as `column:value` pairs joined by `;`, columns sorted (equal filters give equal links). */
function encodeFilters(filters: Record<string, string>): string {
  return Object.keys(filters).sort()
    .filter((k) => SORT_COLUMN.test(k) && FILTER_VALUE.test(filters[k]!))
    .map((k) => `${k}:${filters[k]}`).join(';');
}

function decodeFilters(s: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!s) return out;
  for (const part of s.split(';').slice(0, 16)) {
    const i = part.indexOf(':');
    const k = part.slice(0, i);
    const v = part.slice(i + 1);
    if (i > 0 && SORT_COLUMN.test(k) && FILTER_VALUE.test(v)) out[k] = v;
  }
  return out;
}

/**
 * The query string of a state for a page whose address before the query string is `baseLength` characters long:
 * encodeState, except that the console's statement is left out when it would make the link longer than LINK_MAX
 * (`sqlLeftOut`; the caller says so). `length` is the whole link's length as written.
 */
export function linkSearch(state: UserState, baseLength: number, max = LINK_MAX): { search: string; sqlLeftOut: boolean; length: number } {
  const search = encodeState(state);
  if (baseLength + search.length <= max || state.sql === '') return { search, sqlLeftOut: false, length: baseLength + search.length };
  const without = encodeState({ ...state, sql: '' });
  return { search: without, sqlLeftOut: true, length: baseLength + without.length };
}
