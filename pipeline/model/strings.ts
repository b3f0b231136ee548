/**
 * Strings the model keeps for the whole build, held at their own size. In V8 a substring of
 * 13 characters or more points into the string it was cut from, and a string built with +
 * points to its parts: a figure's few words would keep its whole source file alive, and a
 * key built from four parts would cost a header for each. The loader copies what it parsed
 * (structuredClone makes strings of their own), keys are joined (Array.join makes one
 * string), and strings the model repeats are interned here.
 */
const encoder = new TextEncoder();
/** Keeps a leading U+FEFF: the copy is the string, whatever it holds. */
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const SHARED_FROM = 13;

/** The same text in a string of its own. */
function ownString(value: string): string {
  // A lone surrogate would not survive UTF-8; such a string stays as it is.
  if (value.length < SHARED_FROM || !value.isWellFormed()) return value;
  return decoder.decode(encoder.encode(value));
}

/** One string for each distinct text passed in, each of its own. */
export function interner(): (value: string) => string {
  const seen = new Map<string, string>();
  return (value) => {
    let kept = seen.get(value);
    if (kept === undefined) seen.set(value, (kept = ownString(value)));
    return kept;
  };
}
