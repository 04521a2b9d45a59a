// Type-level tests of the profile, written once in the spec: create and update take the same
// fields, and differ only in `name`, which create requires and does not take as null.
import { assertType, describe, expectTypeOf, it } from 'vitest';
import type { SenderCreate, SenderUpdate } from './index.js';

type CreateProfile = SenderCreate['profile'];
type UpdateProfile = NonNullable<SenderUpdate['profile']>;

describe('the profile of create and of update', () => {
  it('requires a name on create, not null', () => {
    assertType<CreateProfile>({ name: 'Example Motors' });
    // @ts-expect-error create needs the profile's name
    assertType<CreateProfile>({ about: 'Cars' });
    // @ts-expect-error create takes no null name
    assertType<CreateProfile>({ name: null });
    expectTypeOf<CreateProfile['name']>().toEqualTypeOf<string>();
  });

  it('takes every field of the update profile on create, with the same type', () => {
    assertType<UpdateProfile>({ about: 'Cars' });
    assertType<UpdateProfile>({ name: null });
    expectTypeOf<keyof CreateProfile>().toEqualTypeOf<keyof UpdateProfile>();
    expectTypeOf<Omit<CreateProfile, 'name'>>().toEqualTypeOf<Omit<UpdateProfile, 'name'>>();
    // @ts-expect-error a field neither profile has
    assertType<CreateProfile>({ name: 'Example Motors', display_name: 'x' });
  });
});
