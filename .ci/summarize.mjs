// Usage: node .ci/summarize.mjs TAP_LOG [EXIT_STATUS]
//
// TAP_LOG is the stdout of `tap --reporter=tap`. At its end tap's root runner prints its own
// totals as a comment, e.g. `# { total: 216, pass: 212, fail: 2, todo: 1, skip: 1 }`. They count
// test points: every assertion in every subtest of every file, plus any subtest or file that
// failed with no failing assertion of its own (a crash, a timeout, a thrown error). A subtest's
// closing `ok`/`not ok` line that only sums up its own assertions is not counted again.
//
// Prints `N passed, N failed, N skipped` (skipped = skip + todo) as the LAST line, and exits
// non-zero when a test failed, when EXIT_STATUS (tap's, or lint's in .ci/run) is non-zero (e.g.
// coverage under its threshold), or when the totals line is missing (tap did not finish).
import { readFileSync } from 'node:fs'

const [logFile, statusArg = '0'] = process.argv.slice(2)
if (logFile === undefined) {
  console.error('usage: node .ci/summarize.mjs TAP_LOG [EXIT_STATUS]')
  process.exit(2)
}
const status = Number(statusArg) || 0
const totalsLine = readFileSync(logFile, 'utf8')
  .split('\n')
  .findLast((line) => /^# \{ total: \d+(, \w+: \d+)* \}$/.test(line))

if (totalsLine === undefined) {
  console.log(`tap printed no totals (exit status ${status}): the run did not finish`)
  console.log('0 passed, 1 failed')
  process.exit(status || 1)
}

const counts = Object.fromEntries([...totalsLine.matchAll(/(\w+): (\d+)/g)].map(([, key, n]) => [key, Number(n)]))
const passed = counts.pass ?? 0
const failed = counts.fail ?? 0
const skipped = (counts.skip ?? 0) + (counts.todo ?? 0)
if (status !== 0 && failed === 0) {
  console.log(`exit status ${status} although no test failed: see above (lint, or a coverage threshold)`)
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 ? status || 1 : status)
