import { readFileSync } from 'node:fs'
import t from 'tap'
import { parseJobText } from '../src/ai/local/jd-parser.ts'
import type { ParsedJob } from '../src/ai/schemas.ts'
import { loadCorpus } from '../eval/corpus.ts'
import { REFERENCE_DATE } from '../eval/corpus-types.ts'
import type { Split } from '../eval/corpus-types.ts'
import { evaluateCvs } from '../eval/evaluate-cv.ts'
import { evaluateJds } from '../eval/evaluate-jd.ts'
import { runEval } from '../eval/evaluate.ts'
import { figureAt, GUARDED } from '../eval/guarded-figures.ts'

/**
 * `npm run eval` as a regression guard: the eval runs in process on both splits of eval/corpus/
 * and every figure listed in eval/thresholds.json must stay at or above its floor (at or below
 * its ceiling). The floors are measured values minus a small margin; see the file's comment.
 */

type Bound = { min: number } | { max: number }
const thresholds = JSON.parse(readFileSync(new URL('../eval/thresholds.json', import.meta.url), 'utf8')) as Record<Split, Record<string, Bound>>

t.test('the corpus has the size, professions and split the evaluation promises', async (t) => {
  const corpus = loadCorpus(['dev', 'heldout'])
  const families = new Set(corpus.cvs.map(({ truth }) => truth.family))
  t.ok(corpus.cvs.length >= 90, `${corpus.cvs.length} CVs`)
  t.ok(corpus.jds.length >= 30, `${corpus.jds.length} job descriptions`)
  t.ok(families.size >= 15, `${families.size} profession families`)
  const heldOut = corpus.cvs.filter(({ truth }) => truth.split === 'heldout').length / corpus.cvs.length
  t.ok(heldOut > 0.3 && heldOut < 0.5, `held-out share of CVs ${heldOut.toFixed(2)}`)
  for (const family of families) {
    t.ok(corpus.cvs.some(({ truth }) => truth.family === family && truth.split === 'heldout'), `${family} has held-out CVs`)
    t.ok(corpus.jds.some(({ truth }) => truth.family === family), `${family} has a job description`)
  }
  t.ok(corpus.layouts.length > 0, 'some CVs are also drawn as PDF and DOCX files')
})

for (const split of ['dev', 'heldout'] as const) {
  t.test(`${split}: every figure holds its threshold`, async (t) => {
    const report = await runEval({ splits: [split] })
    const bounds = Object.entries(thresholds[split])
    t.same(bounds.map(([path]) => path).sort(), GUARDED(split).map(({ path }) => path).sort(), 'every guarded figure has a bound')
    for (const [path, bound] of bounds) {
      const value = figureAt(report, path)
      if (typeof value !== 'number') {
        t.fail(`${path} is missing from the report`)
        continue
      }
      if ('min' in bound) t.ok(value >= bound.min, `${path} ${value.toFixed(3)} ≥ ${bound.min}`)
      else t.ok(value <= bound.max, `${path} ${value.toFixed(3)} ≤ ${bound.max}`)
    }
  })
}

t.test('misses are listed for dev documents only, and the held-out split refuses to list them', async (t) => {
  const report = await runEval({ splits: ['dev'], misses: true, binaries: false, matching: false })
  const devIds = new Set(loadCorpus(['dev']).cvs.map(({ truth }) => truth.id).concat(loadCorpus(['dev']).jds.map(({ truth }) => truth.id)))
  const misses = report.misses ?? []
  const count = (field: string, kind: string) => misses.filter((miss) => miss.field === field && miss.id.startsWith(kind)).length
  t.equal(count('name', 'cv-'), Math.round((1 - (report.cv.name as number)) * report.cv.documents), 'one name miss per CV the name figure counts as wrong')
  t.equal(count('title', 'jd-'), Math.round((1 - (report.jd.title as number)) * report.jd.documents), 'one title miss per posting the title figure counts as wrong')
  t.ok(report.misses?.every((miss) => devIds.has(miss.id)), 'every miss names a dev document')
  t.same(report.matching, {}, 'matching skipped when not asked for')
  t.equal(report.cv_upload, null, 'uploads skipped when not asked for')
  await t.rejects(runEval({ splits: ['heldout'], misses: true }), /held-out split is not for tuning/)
})

t.test('the eval scores a parse that equals the truth as right on every field', async (t) => {
  const { cvs, jds } = loadCorpus(['dev', 'heldout'])
  const today = new Date(`${REFERENCE_DATE}T00:00:00Z`)
  const perfectCvs = cvs.map((document) => ({
    ...document,
    parsed: {
      name: document.truth.name,
      contact: { email: document.truth.email, phone: document.truth.phone, location: null, links: [] },
      headline: null,
      summary: null,
      skills: document.truth.skills,
      experience: document.truth.jobs.map(({ title, company, start, end, current }) => ({ title, company, start, end, current, description: null })),
      total_years_experience: document.truth.total_years_experience as number,
      education: document.truth.degrees.map(({ degree, level, institution }) => ({ degree, level, field: null, institution, start: null, end: null })),
      certifications: [],
      languages: []
    }
  }))
  const cv = evaluateCvs(perfectCvs, today)
  for (const [field, value] of Object.entries({ name: cv.name, email: cv.email, phone: cv.phone, years: cv.total_years.within_tolerance, ...cv.jobs, degrees: cv.degrees.recall, level: cv.degrees.level, skillPrecision: cv.skills.precision, skillRecall: cv.skills.recall })) {
    if (typeof value === 'number') t.equal(value, 1, `CV ${field}`)
  }
  t.equal(cv.invented_emails, 0)
  t.equal(cv.degrees.counted_as_jobs, 0)
  const perfectJds = jds.map((document) => ({
    ...document,
    parsed: {
      ...parseJobText(document.text),
      title: document.truth.title,
      location: document.truth.location,
      min_years_experience: document.truth.min_years_experience,
      required_skills: document.truth.required_skills,
      preferred_skills: document.truth.preferred_skills,
      role_category: document.truth.role_category as ParsedJob['role_category'],
      industries: document.truth.industries as ParsedJob['industries']
    }
  }))
  const jd = evaluateJds(perfectJds)
  t.same([jd.title, jd.location, jd.min_years, jd.role_category, jd.industries.top, jd.industries.main_found], [1, 1, 1, 1, 1, 1])
  t.same([jd.required_skills, jd.preferred_skills, jd.all_skills.precision, jd.all_skills.recall], [{ precision: 1, recall: 1 }, { precision: 1, recall: 1 }, 1, 1])
  t.equal(jd.industries.retail_not_in_truth, 0)
})
