/** A text in Bahasa Indonesia (the default) and English. */
export interface Label {
  id: string;
  en: string;
}

/** A code with its labels: the unit of every controlled vocabulary. */
export interface Term<C extends string = string> {
  code: C;
  label: Label;
}

/** A label from its two texts: L('Tahun', 'Year'). */
export const L = (id: string, en: string): Label => ({ id, en });
