/**
 * One year of a programme as its year page shows it: for each direction of the annex that
 * covers the year, the money planned for that year, the money the year's report gives (with
 * the report's own word), and the results it reports, side by side. Pure: it reads only the
 * programme's published JSON.
 */
import type { SiteExecution, SiteFigure, SiteProgramme, SiteResult, SiteResultYear } from '../../pipeline/publish/site-types.ts';

type Annex = SiteProgramme['annexes'][number];
type Direction = Annex['directions'][number];

export interface DirectionYear {
  id: string;
  number: number;
  title: string;
  direction: Direction;
  /** Planned for the year: the annex's figure, or the sum of its measures' (plain UAH text). */
  planned: { figure: SiteFigure } | { fromMeasures: string } | null;
  reported: { figure: SiteFigure; word: NonNullable<SiteExecution['directions'][number]['word']>; rate: string | null } | null;
  results: SiteResult[];
}

export interface YearView {
  year: number;
  annex: Annex | null;
  execution: SiteExecution | null;
  reports: SiteResultYear['documents'];
  directions: DirectionYear[];
  /** True when a report gives money or results for the year. */
  reported: boolean;
}

/** Every year of the programme's term. */
export function programmeYears(p: Pick<SiteProgramme, 'period'>): number[] {
  return Array.from({ length: p.period.end - p.period.start + 1 }, (_, i) => p.period.start + i);
}

/** The years some report gives money or results for. */
export function reportedYears(p: Pick<SiteProgramme, 'executions' | 'results'>): number[] {
  return [...new Set([...p.executions.map((e) => e.year), ...p.results.map((r) => r.year)])].sort((a, b) => a - b);
}

export function yearView(p: SiteProgramme, year: number): YearView {
  const execution = p.executions.find((e) => e.year === year) ?? null;
  const annex = (execution && p.annexes.find((a) => a.number === execution.annex)) ?? p.annexes.find((a) => a.period.start <= year && year <= a.period.end) ?? null;
  const results = p.results.find((r) => r.year === year);
  const directions = (annex?.directions ?? []).map((direction): DirectionYear => {
    const planned = direction.planned.find((y) => y.year === year)?.figure;
    const fromMeasures = direction.fromMeasures?.planned.find((y) => y.year === year)?.value;
    const reported = execution?.directions.find((d) => d.id === direction.id);
    return {
      id: direction.id,
      number: direction.number,
      title: direction.title,
      direction,
      planned: planned ? { figure: planned } : fromMeasures !== undefined ? { fromMeasures } : null,
      reported: reported?.reported && reported.word ? { figure: reported.reported, word: reported.word, rate: reported.rate } : null,
      results: results?.directions.find((d) => d.id === direction.id)?.results ?? [],
    };
  });
  const reports = [...(execution ? [execution.document] : []), ...(results?.documents ?? []).filter((d) => d.id !== execution?.document.id)];
  return { year, annex, execution, reports, directions, reported: execution !== null || results !== undefined };
}
