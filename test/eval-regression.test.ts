import { readFileSync } from 'node:fs'
import t from 'tap'
import { loadCorpus } from '../eval/corpus.ts'
import type { Split } from '../eval/corpus-types.ts'
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
