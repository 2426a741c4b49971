/**
 * Writes eval/thresholds.json from a fresh run on both splits: each guarded figure as measured,
 * minus a margin (plus for ceilings). Run after a parser or scorer change has been reviewed:
 *
 *   bash .ci/with-node node eval/write-thresholds.ts
 */
import { writeFileSync } from 'node:fs'
import type { Split } from './corpus-types.ts'
import { runEval } from './evaluate.ts'
import { figureAt, GUARDED } from './guarded-figures.ts'

const output: Record<string, unknown> = {
  $comment: [
    'Regression bounds for test/eval-regression.test.ts, one block per split, written by eval/write-thresholds.ts.',
    'Each `min` is the figure `npm run eval -- --split <split> --json` measured when the file was written, minus a margin ' +
      '(0.03 for parsing ratios, 0.05 for ranking figures, 3 points for mean scores); each `max` is the measured value plus that margin ' +
      '(0 for invented e-mail addresses, which must never appear).',
    'Raise them when the parser improves (re-run the script); never lower one to make a change pass without saying why in the commit.'
  ]
}
for (const split of ['dev', 'heldout'] as const satisfies readonly Split[]) {
  const report = await runEval({ splits: [split] })
  const block: Record<string, { min: number } | { max: number }> = {}
  for (const { path, bound, margin } of GUARDED(split)) {
    const value = figureAt(report, path)
    if (typeof value !== 'number') continue
    block[path] = bound === 'min' ? { min: Math.max(0, Math.round((value - margin) * 1000) / 1000) } : { max: Math.round((value + margin) * 1000) / 1000 }
  }
  output[split] = block
}
writeFileSync(new URL('thresholds.json', import.meta.url), `${JSON.stringify(output, null, 2)}\n`)
console.log('eval/thresholds.json written')
