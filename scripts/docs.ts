// Writes docs/input-contract.md and data/templates/*.csv from the one contract in src/domain/raw-contract.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RAW_DATASETS } from '../src/domain/raw-contract.ts';
import { inputContractMarkdown, templateCsv } from '../src/pipeline/contract-doc.ts';
import { REPO_ROOT } from '../src/pipeline/sql-files.ts';

mkdirSync(join(REPO_ROOT, 'docs'), { recursive: true });
writeFileSync(join(REPO_ROOT, 'docs', 'input-contract.md'), inputContractMarkdown());
mkdirSync(join(REPO_ROOT, 'data', 'templates'), { recursive: true });
for (const d of RAW_DATASETS) writeFileSync(join(REPO_ROOT, 'data', 'templates', `${d.file}.csv`), templateCsv(d));
console.log('docs: wrote docs/input-contract.md and data/templates/*.csv');
