import type { CvFigures } from './evaluate-cv.ts'
import type { EvalReport } from './evaluate.ts'
import type { RankingFigures } from './evaluate-matching.ts'

/** The eval report as text for a terminal: one line per figure, groups as small tables. */

const pct = (value: number | null) => value === null ? '   n/a' : `${(value * 100).toFixed(1).padStart(5)}%`
const num = (value: number | null, digits = 2) => value === null ? 'n/a' : value.toFixed(digits)

function cvSection (title: string, cv: CvFigures): string[] {
  const lines = [
    `${title} (${cv.documents} documents)`,
    `  name ${pct(cv.name)}   e-mail ${pct(cv.email)} (invented addresses: ${cv.invented_emails})   phone ${pct(cv.phone)}`,
    `  total years within ±1.5 y ${pct(cv.total_years.within_tolerance)}   mean abs error ${num(cv.total_years.mean_abs_error, 1)} y   no dated experience → null ${pct(cv.total_years.unknown_as_null)}`,
    `  jobs found ${pct(cv.jobs.recall)} (precision ${pct(cv.jobs.precision)})   title ${pct(cv.jobs.title)}   company ${pct(cv.jobs.company)}   start ${pct(cv.jobs.start)}   end ${pct(cv.jobs.end)}`,
    `  degrees found ${pct(cv.degrees.recall)}   level ${pct(cv.degrees.level)}   degrees read as jobs: ${cv.degrees.counted_as_jobs}`,
    `  skills precision ${pct(cv.skills.precision)}   recall ${pct(cv.skills.recall)}`,
    '  per format                 n  years±1.5  jobs found  job title  skill P  skill R'
  ]
  for (const [format, count] of Object.entries(cv.per_format)) {
    const skills = cv.skills.per_format[format]
    lines.push(`    ${format.padEnd(22)} ${String(count).padStart(3)}    ${pct(cv.total_years.per_format[format] ?? null)}     ${pct(cv.jobs.recall_per_format[format] ?? null)}    ${pct(cv.jobs.title_per_format[format] ?? null)}   ${pct(skills?.precision ?? null)}  ${pct(skills?.recall ?? null)}`)
  }
  lines.push('  skills per profession      precision  recall')
  for (const [family, skills] of Object.entries(cv.skills.per_family)) lines.push(`    ${family.padEnd(26)} ${pct(skills.precision)}  ${pct(skills.recall)}`)
  return lines
}

function rankingLine (label: string, figures: RankingFigures): string {
  const { same, adjacent, unrelated } = figures.mean_score
  return `    ${label.padEnd(26)} ${num(figures.precision_at_1)}  ${num(figures.mrr)}  ${num(figures.ndcg_at_5)}  ${num(figures.auc)}   ${num(same, 1).padStart(5)} ${num(adjacent, 1).padStart(5)} ${num(unrelated, 1).padStart(5)}`
}

export function formatReport (report: EvalReport): string {
  const { jd } = report
  const lines = [`jobfit eval — splits: ${report.splits.join(', ')} — reference date ${report.reference_date}`, '', ...cvSection('CVs (text)', report.cv)]
  if (report.cv_upload !== null) lines.push('', ...cvSection('CVs (PDF and DOCX uploads, through extract-text)', report.cv_upload))
  lines.push(
    '',
    `Job descriptions (${jd.documents} documents)`,
    `  title ${pct(jd.title)}   location ${pct(jd.location)}   minimum years ${pct(jd.min_years)}   role category ${pct(jd.role_category)}`,
    `  industries: first one right ${pct(jd.industries.top)}   main one found ${pct(jd.industries.main_found)}   "retail" given to non-retail postings: ${jd.industries.retail_not_in_truth}`,
    `  required skills precision ${pct(jd.required_skills.precision)} recall ${pct(jd.required_skills.recall)}   preferred precision ${pct(jd.preferred_skills.precision)} recall ${pct(jd.preferred_skills.recall)}`,
    `  all skills precision ${pct(jd.all_skills.precision)} recall ${pct(jd.all_skills.recall)}`,
    '  per profession             fields  skill P  skill R'
  )
  for (const [family, skills] of Object.entries(jd.all_skills.per_family)) lines.push(`    ${family.padEnd(26)} ${pct(jd.per_family[family] ?? null)}  ${pct(skills.precision)}  ${pct(skills.recall)}`)
  for (const [split, matching] of Object.entries(report.matching)) {
    lines.push('', `Matching, ${split}: ${matching.jobs} jobs × ${matching.cvs} CVs`, '                               P@1   MRR   NDCG@5 AUC    mean score same/adj/unrel', rankingLine('all', matching))
    for (const [family, figures] of Object.entries(matching.per_family)) lines.push(rankingLine(family, figures))
  }
  return lines.join('\n')
}
