// Statistical disclosure control for the published counts of child victims.
export type { AuditFinding, CellRow, RegionNode, SuppressionResult, TableCells, TableStats } from './types.ts';
export { suppress } from './suppress.ts';
export { audit } from './audit.ts';
