/** JSON for what validation found: the reconciliation in plain values (decimals as text). */
import type { Figure, Model } from '../model/types.ts';
import { toPlain } from '../numbers/decimal.ts';
import type { Reconciliation } from '../reconcile/reconcile.ts';

function figure(f: Figure | undefined) {
  if (!f) return null;
  return { printed: f.printed, value: f.value ? toPlain(f.value) : null, unit: f.unit, section: f.section, quote: f.quote, origin: f.origin };
}

export function serializeValidation(model: Model, reconciliation: Reconciliation): string {
  return JSON.stringify(
    {
      documents: model.documents.map((document) => ({ id: document.id, figures: model.figures.filter((f) => f.document === document.id).length })),
      checks: reconciliation.checks,
      notes: reconciliation.notes.map((note) => ({
        id: note.id,
        code: note.code,
        document: note.document,
        subject: note.subject,
        stated: figure(note.stated),
        computed: toPlain(note.computed),
        difference: toPlain(note.difference),
        message: note.message,
      })),
    },
    null,
    2,
  ) + '\n';
}
