// Colours of the LKSA page: Okabe-Ito (colour-blind safe), the same on the map, in the bars and in the province chart.

/** Accreditation grades, from the best grade to none. */
export const ACCREDITATION_COLOURS: Readonly<Record<string, string>> = { A: '#0072b2', B: '#56b4e9', C: '#e69f00', belum: '#d55e00' };
export const OTHER_COLOUR = '#999999';
export const LICENCE_COLOURS: Readonly<Record<string, string>> = {
  berlaku: '#0072b2', berlaku_lapsed: '#56b4e9', kedaluwarsa: '#e69f00', dalam_proses: '#cc79a7', tidak_ada: '#d55e00',
};

/** The chosen province in the province chart, and the other bars. */
export const HIGHLIGHT_COLOUR = '#d55e00';
export const BAR_COLOUR = '#0072b2';
