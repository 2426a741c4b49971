/**
 * npm run eval [-- --split dev|heldout|all] [--json] [--misses]
 *
 * Prints the parsing and matching figures of the local provider on eval/corpus/ (see the README's
 * "Evaluation" section). Run with Node 24: `bash .ci/with-node node eval/run.ts`.
 */
import { parseArgs } from 'node:util'
import type { Split } from './corpus-types.ts'
import { runEval } from './evaluate.ts'
import { formatReport } from './format-report.ts'

const { values } = parseArgs({ options: { split: { type: 'string', default: 'dev' }, json: { type: 'boolean', default: false }, misses: { type: 'boolean', default: false } } })
const SPLITS: Record<string, Split[]> = { dev: ['dev'], heldout: ['heldout'], all: ['dev', 'heldout'] }
const splits = SPLITS[values.split]
if (splits === undefined) {
  console.error(`--split must be dev, heldout or all, not "${values.split}"`)
  process.exit(2)
}
if (values.misses && splits.includes('heldout')) {
  console.error('--misses lists the dev split only: the held-out split is not for tuning')
  process.exit(2)
}
const started = performance.now()
const report = await runEval({ splits, misses: values.misses })
if (values.misses) for (const miss of report.misses ?? []) console.log(JSON.stringify(miss))
else if (values.json) console.log(JSON.stringify(report, null, 2))
else console.log(`${formatReport(report)}\n(${((performance.now() - started) / 1000).toFixed(1)} s)`)
