/**
 * Every figure's quote must occur in the document it cites. The documents' full texts
 * are not part of the project, so this check runs where a folder of them is at hand.
 */
import type { Model } from '../model/types.ts';

export interface QuoteResult {
  document: string;
  textFile: string | undefined;
  checked: number;
  missing: { quote: string; origin: string; reason: string | undefined }[];
  /** True when the document's text was not available. */
  skipped: boolean;
}

/**
 * Whitespace differs between a text export and a quote typed from it; nothing else may.
 * A soft hyphen marks where a word may break, with the line break after it where it did:
 * both go, and the word reads whole («звер\u00ad\nнення» is «звернення»).
 */
export function collapse(text: string): string {
  return text.replace(/\u00ad\s*/g, '').replace(/\s+/g, ' ').trim();
}

/** What the text export adds to the document's words: bold marks (`**275 007 грн**`). */
const EXPORT_MARKUP = /\*\*|__/g;

/** The document's words as printed, without the export's markup. */
export function documentWords(text: string): string {
  return collapse(text.replace(EXPORT_MARKUP, ''));
}

export function verifyQuotes(model: Model, texts: ReadonlyMap<string, string>): QuoteResult[] {
  return model.documents.map((document) => {
    const text = document.textFile ? texts.get(document.textFile) : undefined;
    const figures = model.figures.filter((figure) => figure.document === document.id);
    if (text === undefined) return { document: document.id, textFile: document.textFile, checked: 0, missing: [], skipped: true };
    // The words must match exactly; only spacing and the export's markup may differ.
    const haystack = documentWords(text);
    const missing = figures
      .filter((figure) => !haystack.includes(collapse(figure.quote)))
      .map((figure) => ({
        quote: figure.quote,
        origin: `${figure.origin.file}:${figure.origin.line ?? '?'} ${figure.origin.path}`,
        reason: /\*\*|__/.test(figure.quote) ? 'the quote carries the text export\'s markup (** or __): quote the words only' : undefined,
      }));
    return { document: document.id, textFile: document.textFile, checked: figures.length, missing, skipped: false };
  });
}
