/**
 * The forms of the counted units a dataset's figures use, by the unit as its tables hold it
 * (the form after 5: звернень), read from its documents' figures, which carry the units
 * vocabulary's forms.
 */
import type { SiteReport } from '../lib/data.ts';
import type { Forms } from '../lib/plural.ts';

export function unitFormsOf(reports: Pick<SiteReport, 'sections'>[]): Record<string, Forms> {
  const found: Record<string, Forms> = {};
  for (const { sections } of reports) {
    for (const { figures } of sections) {
      for (const { figure } of figures) if (figure.forms && !Object.hasOwn(found, figure.unit)) found[figure.unit] = figure.forms;
    }
  }
  return found;
}
