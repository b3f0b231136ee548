/**
 * The site's lists in their shown order, sorted once per build: every page of a list reads
 * the same sorted array. Each call reads its list again (a cached value), so that every
 * page that shows the list is recorded as reading it (lib/data.ts).
 */
import { programmes, publishers, reports } from './data.ts';

let byPeriod: ReturnType<typeof reports> | undefined;
/** Documents, the latest period first, then by title. */
export const sortedReports = () => {
  const all = reports();
  return (byPeriod ??= [...all].sort((a, b) => b.period.end.localeCompare(a.period.end) || a.title.localeCompare(b.title, 'uk')));
};

let byPublisher: ReturnType<typeof programmes> | undefined;
/** Programmes by publisher, then by title. */
export const sortedProgrammes = () => {
  const all = programmes();
  return (byPublisher ??= [...all].sort((a, b) => a.publisher.title.localeCompare(b.publisher.title, 'uk') || a.title.localeCompare(b.title, 'uk')));
};

let byName: ReturnType<typeof publishers> | undefined;
/** Publishers by name. */
export const sortedPublishers = () => {
  const all = publishers();
  return (byName ??= [...all].sort((a, b) => a.name.uk.localeCompare(b.name.uk, 'uk')));
};
