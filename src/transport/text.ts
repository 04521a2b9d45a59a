// Text from the server, made safe to show: a message or a terminal line must not be rewritten by
// the bytes of an upstream (a line break that forges a line, an ANSI escape that recolours one).

/** The control characters (C0, DEL, C1, the line separators, the bidi overrides and isolates), each. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this finds
export const controlCharacters = /[\0-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069]/g;

/**
 * `text` with every control character (C0, DEL, C1, the line separators, the bidi overrides and
 * isolates) percent-encoded: a line break shows as `%0A`, an ANSI escape as `%1B`, visible and inert.
 */
export const escapeControl = (text: string): string => text.replace(controlCharacters, encodeURIComponent);
