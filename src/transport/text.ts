// Text from the server, made safe to show: a message or a terminal line must not be rewritten by
// the bytes of an upstream (a line break that forges a line, an ANSI escape that recolours one).

/** `text` with every control character (C0, DEL, C1, line separators, bidi overrides) as a visible `\uXXXX`. */
export const escapeControl = (text: string): string =>
  text.replace(
    /[\0-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
