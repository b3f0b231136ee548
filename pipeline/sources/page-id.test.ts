/** `page` is the address of a list's further pages, so nothing listed in pages may take it as its id. */
import { describe, expect, it } from 'vitest';
import { Programme, Publisher, SourceDocument } from './schema.ts';

describe('ids of things listed in pages', () => {
  it.each([
    ['a publisher', () => Publisher().shape.id],
    ['a document', () => SourceDocument().shape.id],
    ['a programme', () => Programme().shape.id],
  ])('refuse "page" for %s, saying why, and keep other ids', (_, idOf) => {
    const id = idOf();
    const refused = id.safeParse('page');
    expect(refused.success).toBe(false);
    expect(refused.error!.issues[0]!.message).toContain('/reports/page/2/');
    expect(id.safeParse('page-2').success).toBe(true);
    expect(id.safeParse('kr-2023-report').success).toBe(true);
  });
});
