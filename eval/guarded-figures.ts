import type { Split } from './corpus-types.ts'

/** The figures of an eval report the regression test guards, with the direction and margin of each bound. */

export interface GuardedFigure {
  /** Dotted path into the report, e.g. "cv.skills.recall". */
  path: string
  bound: 'min' | 'max'
  margin: number
}

const PARSING_RATIOS = [
  'cv.name', 'cv.email', 'cv.phone', 'cv.total_years.within_tolerance', 'cv.jobs.recall', 'cv.jobs.precision', 'cv.jobs.title',
  'cv.jobs.company', 'cv.jobs.start', 'cv.jobs.end', 'cv.degrees.recall', 'cv.degrees.level', 'cv.skills.precision', 'cv.skills.recall',
  'cv_upload.total_years.within_tolerance', 'cv_upload.jobs.recall', 'cv_upload.jobs.title', 'cv_upload.jobs.company',
  'cv_upload.degrees.recall', 'cv_upload.skills.precision', 'cv_upload.skills.recall',
  'jd.title', 'jd.location', 'jd.min_years', 'jd.role_category', 'jd.industries.top', 'jd.industries.main_found', 'jd.required_skills.precision', 'jd.required_skills.recall',
  'jd.preferred_skills.recall', 'jd.all_skills.precision', 'jd.all_skills.recall'
]
const RANKING = ['precision_at_1', 'mrr', 'ndcg_at_5', 'auc']

export const GUARDED = (split: Split): GuardedFigure[] => [
  ...PARSING_RATIOS.map((path) => ({ path, bound: 'min' as const, margin: 0.03 })),
  { path: 'cv.invented_emails', bound: 'max', margin: 0 },
  { path: 'jd.industries.retail_not_in_truth', bound: 'max', margin: 0 },
  ...RANKING.map((name) => ({ path: `matching.${split}.${name}`, bound: 'min' as const, margin: 0.05 })),
  { path: `matching.${split}.mean_score.same`, bound: 'min', margin: 3 },
  { path: `matching.${split}.mean_score.unrelated`, bound: 'max', margin: 3 }
]

/** The value at a dotted path of a report, or undefined. */
export function figureAt (report: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | null | undefined)?.[key], report)
}
