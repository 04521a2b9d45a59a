// Reading a response body within a bound. fetch decodes gzip, deflate and br on its own, so the
// bytes are counted as the stream yields them: decoded bytes, which a compression bomb cannot hide.

/** A body that passed `maxBytes`: it was cancelled there, and the rest never read. */
export class TooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`the response body is larger than maxResponseBytes (${maxBytes} bytes); it was not read`);
  }
}

const decoder = new TextDecoder();

/** The body as text, read as a stream and counted as it arrives; past `maxBytes`, cancelled with TooLarge. */
export async function readBody(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    total += next.value.byteLength;
    if (total > maxBytes) {
      // Not awaited: a server that keeps the stream open must not hold the call.
      reader.cancel().catch(() => undefined);
      throw new TooLarge(maxBytes);
    }
    chunks.push(next.value);
  }
  if (chunks.length === 1) return decoder.decode(chunks[0]);
  const whole = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  return decoder.decode(whole);
}
