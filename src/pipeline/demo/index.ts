// The synthetic demo data generator: the one entry point the builder and the CLI use.
export {
  generateDemo, DEFAULT_SEED, DEFAULT_REFERENCE_DATE, EARLIEST_REFERENCE_DATE,
  type DemoOptions, type DemoSummary,
} from './generate.ts';
export type { ViolenceYearSummary } from './violence.ts';
export type { LksaSummary, Grade } from './lksa.ts';
export type { KlaYearSummary } from './kla.ts';
