import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { INPUTS, OUTPUTS } from '../../action/src/registry.js';

const actionYml = parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'action', 'action.yml'), 'utf8'),
) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  runs: Record<string, unknown>;
};

describe('action.yml', () => {
  it('declares exactly the inputs of the registry: names, required, defaults and descriptions', () => {
    expect(actionYml.inputs).toEqual(INPUTS);
    expect(Object.keys(actionYml.inputs)).toEqual(Object.keys(INPUTS));
  });

  it('declares exactly the outputs of the registry', () => {
    expect(actionYml.outputs).toEqual(OUTPUTS);
  });

  it('runs the committed ESM bundle on node24', () => {
    expect(actionYml.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });
});
