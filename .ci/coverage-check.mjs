// Usage: node .ci/coverage-check.mjs [--enforce]   (from the project root, after a tap run)
//
// Checks the coverage of the run against package.json "tap" keys `statements`, `branches`,
// `functions` and `lines` (each defaults to 100) and prints one line naming any threshold missed
// (tap's `text` report never says which), from the `json-summary` coverage report (package.json
// "tap": "coverage-report" must include "json-summary"). tap itself does not fail on coverage
// (package.json "tap": "allow-incomplete-coverage", so that a run of one file can pass): with
// --enforce (.ci/test passes it on a full run) a missed threshold, or a run that produced no
// coverage, exits 1; without it the line is informational and the exit status 0.
import { existsSync, readFileSync } from 'node:fs'

const enforce = process.argv.includes('--enforce')
const summaryFile = '.tap/report/coverage-summary.json'
if (!existsSync(summaryFile)) {
  console.log(`coverage: no ${summaryFile} (coverage disabled, or "json-summary" not in tap's coverage-report)`)
  process.exit(enforce ? 1 : 0)
}
const { total } = JSON.parse(readFileSync(summaryFile, 'utf8'))
const tapConfig = JSON.parse(readFileSync('package.json', 'utf8')).tap ?? {}
const missed = []
const parts = ['statements', 'branches', 'functions', 'lines'].map((metric) => {
  const pct = Number(total[metric]?.pct) || 0
  const min = Number(tapConfig[metric] ?? 100)
  if (pct < min) missed.push(metric)
  return `${metric} ${pct}% (min ${min})`
})
console.log(`coverage: ${parts.join(', ')}: ${missed.length ? `BELOW THRESHOLD: ${missed.join(', ')}` : 'ok'}`)
process.exit(enforce && missed.length > 0 ? 1 : 0)
