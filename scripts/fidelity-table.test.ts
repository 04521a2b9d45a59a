// The README's Fidelity table is the reviewed decisions of openapi/fidelity-decisions.yaml, as
// `npm run fidelity-table` writes them: one file of decisions, read by the radar and the README.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { decisionsPath, markers, readmePath, renderTable, withTable } from './fidelity-table.mjs';

const readme = readFileSync(readmePath, 'utf8');
const decisions = parse(readFileSync(decisionsPath, 'utf8')).decisions as Record<string, unknown>[];

describe("the README's Fidelity table", () => {
  it('is what openapi/fidelity-decisions.yaml renders to (run npm run fidelity-table)', () => {
    expect(withTable(readme)).toBe(readme);
  });

  it('has one row per decision, each with its source and date', () => {
    const table = readme.slice(readme.indexOf(markers[0]), readme.indexOf(markers[1]));
    const rows = table.split('\n').filter((line) => line.startsWith('| '));
    expect(rows).toHaveLength(decisions.length + 2);
    for (const decision of decisions) {
      expect(decision.source, String(decision.topic)).toEqual(expect.any(String));
      expect(String(decision.date), String(decision.topic)).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
    }
  });

  it('no longer matches once a decision changes', () => {
    const changed = decisions.map((decision, i) => (i === 0 ? { ...decision, why: 'another reason' } : decision));
    expect(withTable(readme, renderTable(changed))).not.toBe(readme);
  });
});
