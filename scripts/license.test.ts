// The LICENSE file is the license package.json names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { root } from '../src/test/paths.js';

it('has a LICENSE whose text is the license package.json names', () => {
  const { license } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const text = readFileSync(join(root, 'LICENSE'), 'utf8');
  expect(license).toBe('MIT');
  expect(text.split('\n')[0]).toBe('MIT License');
  expect(text).toContain('Permission is hereby granted, free of charge');
});
