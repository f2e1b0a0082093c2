// Statistical disclosure control for the published counts of child victims and cases.
export type { AuditCost, AuditFinding, CellRow, RegionNode, SuppressionResult, TableCells, TableStats } from './types.ts';
export type { CellKey, KeyedStatement } from './system.ts';
export type { EarlierSnapshot } from './history.ts';
export { suppress } from './suppress.ts';
export { audit } from './audit.ts';
