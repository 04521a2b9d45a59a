// Hostile JavaScript values for property tests: a JSON value from the spec's generators, with
// "twists" applied at any depth: keys named after Object.prototype's members, getters (stable,
// fickle, throwing, on a class's prototype), toJSON, Proxies (transparent, throwing, revoked),
// wrapper objects, Dates, Maps, class instances, cycles, BigInts, functions and symbols.
// A case is a recipe (plain data), so that each `build()` makes a fresh value: the client and the
// reference each read their own copy, getters included.
import fc from 'fast-check';

export const prototypeKeys = [
  'constructor',
  'toString',
  '__proto__',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupGetter__',
] as const;

const twistKinds = [
  'prototype-key',
  'getter',
  'fickle-getter',
  'throwing-getter',
  'prototype-getter',
  'tojson-adds-key',
  'tojson-replaces',
  'date',
  'wrapper',
  'class-instance',
  'proxy',
  'throwing-proxy',
  'revoked-proxy',
  'map',
  'null-prototype',
  'cycle',
  'bigint',
  'function',
  'symbol',
  'undefined',
  'not-finite',
] as const;

type TwistKind = (typeof twistKinds)[number];

/** One change, applied to the `node`-th value (depth first, the root is 0, modulo the count). */
export interface Twist {
  kind: TwistKind;
  node: number;
  pick: number;
  key: string;
  value: unknown;
}

export interface Recipe {
  base: unknown;
  twists: Twist[];
}

const twist: fc.Arbitrary<Twist> = fc.record({
  kind: fc.constantFrom(...twistKinds),
  node: fc.nat(),
  pick: fc.nat(),
  key: fc.oneof(fc.constantFrom(...prototypeKeys), fc.constantFrom('sender_id', 'name', 'waba_id', 'x')),
  value: fc.oneof(
    fc.constantFrom('whatsapp:+15017122661', 'Acme', 'sms', '', 7, null, true),
    fc.jsonValue({ maxDepth: 1 }),
  ),
});

/** Recipes over `bases`, with up to `most` twists each. */
export const recipes = (bases: fc.Arbitrary<unknown>, most = 3): fc.Arbitrary<Recipe> =>
  fc.record({ base: bases, twists: fc.array(twist, { maxLength: most }) });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// A key a twist cannot redefine (a String object's index, a revoked Proxy) stays as it is.
const define = (target: object, key: string, descriptor: PropertyDescriptor) =>
  Reflect.defineProperty(target, key, { enumerable: true, configurable: true, ...descriptor });

function count(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 1;
  return 1 + Object.values(value).reduce<number>((sum, item) => sum + count(item), 0);
}

function apply(twist: Twist, value: unknown): unknown {
  const keys = isRecord(value) ? Object.keys(value) : [];
  const chosen = keys.length > 0 ? (keys[twist.pick % keys.length] as string) : undefined;
  switch (twist.kind) {
    case 'prototype-key':
      if (isRecord(value)) define(value, twist.key, { value: twist.value, writable: true });
      return value;
    case 'getter':
      if (isRecord(value) && chosen !== undefined) {
        const held = value[chosen];
        define(value, chosen, { get: () => held });
      }
      return value;
    case 'fickle-getter':
      if (isRecord(value) && chosen !== undefined) {
        const held = value[chosen];
        let reads = 0;
        define(value, chosen, { get: () => (reads++ === 0 ? held : twist.value) });
      }
      return value;
    case 'throwing-getter':
      if (isRecord(value)) {
        define(value, chosen ?? twist.key, {
          get: () => {
            throw new Error('getter refuses');
          },
        });
      }
      return value;
    case 'prototype-getter': {
      if (!isRecord(value)) return value;
      const key = chosen ?? twist.key;
      const held = key in value ? value[key] : twist.value;
      class Holder {}
      Object.defineProperty(Holder.prototype, key, { get: () => held, enumerable: true });
      const instance = new Holder() as Record<string, unknown>;
      for (const [name, item] of Object.entries(value)) if (name !== key) define(instance, name, { value: item });
      return instance;
    }
    case 'tojson-adds-key':
      if (isRecord(value)) {
        const copy = { ...value };
        define(value, 'toJSON', { value: () => ({ ...copy, [twist.key]: twist.value }), writable: true });
      }
      return value;
    case 'tojson-replaces':
      return { toJSON: () => twist.value };
    case 'date':
      return new Date(Date.UTC(2026, 0, 1 + (twist.pick % 365)));
    case 'wrapper':
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? Object(value)
        : Object(String(twist.value));
    case 'class-instance': {
      if (!isRecord(value)) return value;
      class Sender {}
      return Object.assign(new Sender(), value);
    }
    case 'proxy':
      return typeof value === 'object' && value !== null ? new Proxy(value, {}) : value;
    case 'throwing-proxy':
      return typeof value === 'object' && value !== null
        ? new Proxy(value, {
            [twist.pick % 2 === 0 ? 'ownKeys' : 'get']: () => {
              throw new Error('trap refuses');
            },
          })
        : value;
    case 'revoked-proxy': {
      if (typeof value !== 'object' || value === null) return value;
      const { proxy, revoke } = Proxy.revocable(value, {});
      revoke();
      return proxy;
    }
    case 'map':
      return isRecord(value) ? new Map(Object.entries(value)) : value;
    case 'null-prototype':
      return isRecord(value) ? Object.assign(Object.create(null), value) : value;
    case 'cycle':
      if (isRecord(value)) value.self = value;
      return value;
    case 'bigint':
      return BigInt(twist.pick);
    case 'function':
      return () => twist.value;
    case 'symbol':
      return Symbol('value');
    case 'undefined':
      return undefined;
    case 'not-finite':
      return twist.pick % 2 === 0 ? Number.NaN : Number.POSITIVE_INFINITY;
  }
}

/** A fresh value from a recipe: the base copied, each twist applied to its node, children first. */
export function build({ base, twists }: Recipe): unknown {
  const nodes = count(base);
  let next = 0;
  const visit = (value: unknown): unknown => {
    const index = next++;
    let copy: unknown = value;
    if (Array.isArray(value)) copy = value.map(visit);
    else if (isRecord(value)) {
      const object: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) define(object, key, { value: visit(item), writable: true });
      copy = object;
    }
    for (const one of twists) {
      if (one.node % nodes !== index) continue;
      try {
        copy = apply(one, copy);
      } catch {
        // A twist on a value an earlier twist made hostile (a throwing Proxy): that value stays.
      }
    }
    return copy;
  };
  return visit(base);
}
