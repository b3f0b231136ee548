import { describe, expect, it } from 'vitest';
import { uuidV5 } from './uuid.ts';

describe('uuidV5', () => {
  it('matches the RFC example for the DNS namespace', () => {
    // RFC 9562 appendix A.4: www.example.com in the DNS namespace.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
  it('is stable and distinct per name', () => {
    expect(uuidV5('a/b')).toBe(uuidV5('a/b'));
    expect(uuidV5('a/b')).not.toBe(uuidV5('a/c'));
    expect(uuidV5('a/b')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
