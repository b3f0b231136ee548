/**
 * The site's lists in their shown order, sorted once per build: every page of a list reads
 * the same sorted array.
 */
import { programmes, publishers, reports } from './data.ts';

let byPeriod: ReturnType<typeof reports> | undefined;
/** Documents, the latest period first, then by title. */
export const sortedReports = () =>
  (byPeriod ??= [...reports()].sort((a, b) => b.period.end.localeCompare(a.period.end) || a.title.localeCompare(b.title, 'uk')));

let byPublisher: ReturnType<typeof programmes> | undefined;
/** Programmes by publisher, then by title. */
export const sortedProgrammes = () =>
  (byPublisher ??= [...programmes()].sort((a, b) => a.publisher.title.localeCompare(b.publisher.title, 'uk') || a.title.localeCompare(b.title, 'uk')));

let byName: ReturnType<typeof publishers> | undefined;
/** Publishers by name. */
export const sortedPublishers = () => (byName ??= [...publishers()].sort((a, b) => a.name.uk.localeCompare(b.name.uk, 'uk')));
