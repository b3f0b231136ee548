/**
 * How to cite one figure: the document, its section, the quote, the figure, the address
 * and the date of access, in the order a Ukrainian reference list gives them.
 */
export interface FigureCitation {
  /** Publisher, title, number and date of the document: «Криворізька міська рада. Про …, № 1176 від 21.12.2016». */
  document: string;
  section: string | null;
  quote: string | null;
  figure: string | null;
  address: string;
  /** The day of access, as the page writes dates. */
  date: string;
}

const clean = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
/** A sentence ends once: no «..» after a title or quote that ends with a full stop. */
const sentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

export function citation(c: FigureCitation): string {
  const parts = [sentence(clean(c.document))];
  if (clean(c.section)) parts.push(`Розділ «${clean(c.section)}».`);
  if (clean(c.quote)) parts.push(`«${clean(c.quote)}».`);
  if (clean(c.figure)) parts.push(`Число: ${clean(c.figure)}.`);
  parts.push(`URL: ${c.address} (дата звернення: ${c.date}).`);
  return parts.join(' ');
}

/** The document part of a citation, from what a report page knows. */
export function citedDocument(d: { publisher: string; title: string; number: string | null; date: string | null }): string {
  const number = d.number ? `, № ${d.number}` : '';
  const date = d.date ? ` від ${d.date}` : '';
  return `${d.publisher}. ${d.title}${number}${date}`;
}
