/** -1, 0 or 1 as a is below, equal to or above b: numbers, bigints and texts (by code unit). */
export function compareValues<T extends number | bigint | string>(a: T, b: T): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}
