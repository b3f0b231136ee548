/** Name-based UUIDs (RFC 9562 version 5): the same name always gives the same id. */
import { createHash } from 'node:crypto';

/** Our namespace: UUIDv5 of the URL namespace and this project's name. */
const NAMESPACE = '8d2c1c4e-6c1a-5d0e-9a53-3b7f2f0d9c11';

export function uuidV5(name: string, namespace = NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
