// Messages a user can act on: a pattern in the spec's words with its example, and "did you mean"
// for a key that is a near spelling of a known one.
import type { Schema } from './validate.js';

/** `must be <words>, such as `<example>``: a pattern as the spec says it in words. */
export function inWords(schema: Schema): string {
  const example = schema.examples?.[0];
  return `must be ${schema['x-pattern-description']}${typeof example === 'string' ? `, such as \`${example}\`` : ''}`;
}

/**
 * `; did you mean `sender_id`?` when `key` is a camelCase, case or near spelling of one known
 * key (at most two letters off), else undefined.
 */
export function didYouMean(key: string, known: readonly string[]): string | undefined {
  const found = nearest(key, known);
  return found === undefined ? undefined : `; did you mean \`${found}\`?`;
}

/** The one known key that `key` is a camelCase, case or near spelling of, else undefined. */
export function nearest(key: string, known: readonly string[]): string | undefined {
  const plain = (name: string) => name.replace(/[_\-\s]/g, '').toLowerCase();
  const near = known.filter((name) => plain(name) === plain(key));
  const found =
    near.length > 0
      ? near
      : known.filter((name) => distance(plain(name), plain(key)) <= Math.min(2, Math.floor(name.length / 4)));
  return found.length === 1 ? found[0] : undefined;
}

/** Levenshtein distance between two short names. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}
