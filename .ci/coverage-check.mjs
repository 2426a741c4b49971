// Usage: node .ci/coverage-check.mjs   (from the project root, after a tap run)
//
// tap 21 enforces its coverage thresholds itself: package.json "tap" keys `statements`,
// `branches`, `functions` and `lines` (each defaults to 100); a run below any of them exits 1.
// But its `text` coverage report never says which threshold was missed. This prints one line
// that does, from the `json-summary` coverage report (package.json "tap": "coverage-report"
// must include "json-summary"). Informational: it always exits 0, tap's exit status decides.
import { existsSync, readFileSync } from 'node:fs'

const summaryFile = '.tap/report/coverage-summary.json'
if (!existsSync(summaryFile)) {
  console.log(`coverage: no ${summaryFile} (coverage disabled, or "json-summary" not in tap's coverage-report)`)
  process.exit(0)
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
