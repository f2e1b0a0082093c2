import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RAW_DATASETS } from '../../src/domain/raw-contract.ts';
import { inputContractMarkdown, templateCsv } from '../../src/pipeline/contract-doc.ts';
import { REPO_ROOT } from '../../src/pipeline/sql-files.ts';
import { Duck } from '../../src/pipeline/duck.ts';
import { prepare, validateInputs } from '../../src/pipeline/stages.ts';
import { REFERENCE_DATE, tempDir } from '../helpers.ts';

describe('the documented input contract', () => {
  it('docs/input-contract.md and data/templates are generated from the contract (run npm run docs)', () => {
    expect(readFileSync(join(REPO_ROOT, 'docs', 'input-contract.md'), 'utf8')).toBe(inputContractMarkdown());
    for (const d of RAW_DATASETS) {
      expect(readFileSync(join(REPO_ROOT, 'data', 'templates', `${d.file}.csv`), 'utf8')).toBe(templateCsv(d));
    }
  });

  it('documents every column of every file', () => {
    const md = inputContractMarkdown();
    for (const d of RAW_DATASETS) for (const c of d.columns) expect(md).toContain(`| \`${c.name}\` |`);
  });

  it('its example rows are valid input', async () => {
    const duck = await Duck.open();
    const { dir, cleanup } = tempDir();
    try {
      await prepare(duck);
      await expect(validateInputs(duck, { rawDir: join(REPO_ROOT, 'data', 'templates'), referenceDate: REFERENCE_DATE }, dir)).resolves.toHaveLength(3);
    } finally {
      cleanup();
      duck.close();
    }
  });
});
