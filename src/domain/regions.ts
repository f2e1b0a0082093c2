// Region codes: Kemendagri 2025 codes are strings ("11.01" is not "11.1"); keep them strings everywhere.

/** The code used for the whole of Indonesia in published tables. */
export const NATIONAL_CODE = '00';

const PROVINCE = /^\d{2}$/;
const REGENCY = /^\d{2}\.\d{2}$/;

export const isProvinceCode = (code: string): boolean => PROVINCE.test(code);
export const isRegencyCode = (code: string): boolean => REGENCY.test(code);

/** The province code of a kab/kota code ("32.73" -> "32"). */
export const provinceOf = (regencyCode: string): string => regencyCode.slice(0, 2);

/**
 * Normalises a region name for matching: upper case, punctuation folded, and the kind
 * of region reduced to a prefix "KAB" or "KOTA" ("Kabupaten Simeulue", "KAB. SIMEULUE" -> "KAB SIMEULUE").
 */
export function normaliseRegionName(name: string): string {
  const s = name
    .toUpperCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[.,'’`()-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return s
    .replace(/^(KABUPATEN|KAB)\s+((ADMINISTRASI|ADM)\s+)?/, 'KAB ')
    .replace(/^KOTA\s+((ADMINISTRASI|ADM)\s+)?/, 'KOTA ')
    .replace(/\bFAK FAK\b/, 'FAKFAK');
}

/** The name without its kind prefix, for matching names given without "Kabupaten"/"Kota". */
export const bareRegionName = (normalised: string): string => normalised.replace(/^(KAB|KOTA) /, '');
