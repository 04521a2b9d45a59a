// Reading a response body within a bound. fetch decodes gzip, deflate and br on its own, so the
// bytes are counted as the stream yields them: decoded bytes, which a compression bomb cannot hide.

/** What a body that passed `maxBytes` rejects with: it was cancelled there, and the rest never read. */
export const tooLarge: Error = new RangeError('over maxResponseBytes');

/** The body as text, read as a stream and counted as it arrives; past `maxBytes`, cancelled with `tooLarge`. */
export async function readBody(response: Response, maxBytes: number): Promise<string> {
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let total = 0;
  for (let next = await reader?.read(); next && !next.done; next = await reader?.read()) {
    total += next.value.byteLength;
    if (total > maxBytes) {
      // Not awaited: a server that keeps the stream open must not hold the call.
      reader?.cancel().catch(() => undefined);
      throw tooLarge;
    }
    text += decoder.decode(next.value, { stream: true });
  }
  return text + decoder.decode();
}
