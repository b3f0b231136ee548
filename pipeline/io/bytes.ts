/**
 * Byte arrays joined into a new one of its own. Not Buffer.concat: a small result of that
 * comes from Node's shared pool, which cannot be moved to another thread.
 */
export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
