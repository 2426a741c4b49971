/**
 * The optimizations the profile led to, measured against the code they replaced (kept in
 * ./previous/), on the inputs of a real warm request: the sample backend CV and JD.
 */
import { performance } from 'node:perf_hooks'
import { embedLexically } from '../../src/ai/local/lexical-embedder.ts'
import { parseCvText } from '../../src/ai/local/cv-parser.ts'
import { parseJobText } from '../../src/ai/local/jd-parser.ts'
import { hashInput } from '../../src/cache/keys.ts'
import { cosineSimilarityMatrix } from '../../src/matching/similarity.ts'
import { sampleText } from '../../test/fixtures/texts/index.ts'
import { ratio, table } from '../lib/report.ts'
import { hashInputWithCreateHash } from './previous/keys-create-hash.ts'
import { denseCosineSimilarityMatrix } from './previous/similarity-dense.ts'

const ROUNDS = 7
const ROUND_MS = 300

interface Comparison {
  what: string
  workload: string
  beforeUs: number
  afterUs: number
}

/** Median time of one call over ROUNDS rounds of ROUND_MS each, before and after interleaved. */
function medianMicros (work: () => unknown): number {
  const perCall: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    let calls = 0
    const started = performance.now()
    while (performance.now() - started < ROUND_MS) {
      work()
      calls++
    }
    perCall.push((performance.now() - started) * 1000 / calls)
  }
  return perCall.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)] as number
}

function compare (what: string, workload: string, before: () => unknown, after: () => unknown): Comparison {
  medianMicros(before)
  medianMicros(after)
  return { what, workload, beforeUs: medianMicros(before), afterUs: medianMicros(after) }
}

function warmRequestInputs () {
  const job = parseJobText(sampleText('backend-engineer-jd'))
  const cv = parseCvText(sampleText('backend-engineer-cv'))
  const jdSkills = [...job.required_skills, ...job.preferred_skills].filter((skill) => !cv.skills.includes(skill))
  const vector = (text: string) => embedLexically(text, 768)
  const dense = (count: number, seed: number) => Array.from({ length: count }, (_, row) => {
    const values = Float32Array.from({ length: 768 }, (_, k) => Math.sin(seed + row * 7.1 + k * 0.37))
    const norm = Math.hypot(...values)
    return values.map((value) => value / norm)
  })
  return {
    lexical: { rows: jdSkills.map(vector), cols: cv.skills.map(vector) },
    dense: { rows: dense(jdSkills.length, 1), cols: dense(cv.skills.length, 2) },
    keys: [...cv.skills, ...jdSkills].map((text) => ({ model: 'jobfit-lexical-v1', dimensions: 768, text }))
  }
}

export function measureBeforeAfter (): { markdown: string, comparisons: Comparison[] } {
  const inputs = warmRequestInputs()
  const shape = `${inputs.lexical.rows.length}×${inputs.lexical.cols.length}`
  const comparisons = [
    compare('cosine matrix, only non-zero dimensions multiplied', `${shape}, lexical vectors`,
      () => denseCosineSimilarityMatrix(inputs.lexical.rows, inputs.lexical.cols), () => cosineSimilarityMatrix(inputs.lexical.rows, inputs.lexical.cols)),
    compare('cosine matrix, same change', `${shape}, dense 768-dim vectors (a model's)`,
      () => denseCosineSimilarityMatrix(inputs.dense.rows, inputs.dense.cols), () => cosineSimilarityMatrix(inputs.dense.rows, inputs.dense.cols)),
    compare('cache keys: `crypto.hash()` instead of `createHash()`', `${inputs.keys.length} embedding keys`,
      () => inputs.keys.map(hashInputWithCreateHash), () => inputs.keys.map(hashInput))
  ]
  const markdown = [
    '### Before and after',
    '',
    'What the profile pointed at, measured against the code it replaced (`bench/profile/previous/`) on the inputs of one warm ' +
      'request (the backend CV and JD samples): median of 7 rounds of 300 ms each.',
    '',
    table(['change', 'workload', 'before', 'after', 'speed-up'], comparisons.map((row) => [
      row.what, row.workload, `${row.beforeUs.toFixed(1)} µs`, `${row.afterUs.toFixed(1)} µs`, ratio(row.beforeUs / row.afterUs)
    ]))
  ].join('\n')
  return { markdown, comparisons }
}
