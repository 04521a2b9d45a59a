// The radar's model of our spec reads the create profile through its allOf: every field of the
// update profile is a field of the create profile, and only `name` differs (required, not null).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import { specPath } from './drift.mjs';
import { fromDescription } from './drift-model.mjs';

it('models the create profile as the update profile with name required and not null', () => {
  const { fields } = fromDescription(parse(readFileSync(specPath, 'utf8')));
  const profile = (body: string) =>
    new Map(
      [...fields]
        .filter(([key]) => key.startsWith(`${body} profile.`))
        .map(([key, field]) => [key.split(' ')[1], field]),
    );
  const create = profile('create');
  const update = profile('update');
  expect([...create.keys()]).toEqual([...update.keys()]);
  expect(create.size).toBeGreaterThan(10);
  expect(create.get('profile.name')).toMatchObject({ type: 'string', nullable: false, required: true });
  expect(update.get('profile.name')).toMatchObject({ type: 'string', nullable: true, required: false });
  for (const [path, field] of update) if (path !== 'profile.name') expect(create.get(path)).toEqual(field);
});
