// Text from the server, made safe to show: a message or a terminal line must not be rewritten by
// the bytes of an upstream (a line break that forges a line, an ANSI escape that recolours one).

// C0 controls, DEL, C1 controls, the line and paragraph separators and the bidi overrides.
const control = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

/** `text` with every control character written as an escape (`\n`, `\e`, `\u0085`), visible and inert. */
export const escapeControl = (text: string): string =>
  text.replace(control, (char) => named[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
