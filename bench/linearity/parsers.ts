/**
 * The hostile-text classes of issue 13 through both local parsers: the fastest of three parses
 * of a 10 KB and a 100 KB input, and their ratio (linear ≈ 10, quadratic ≈ 100).
 *
 *   bash .ci/with-node node bench/linearity/parsers.ts [class-name-filter]
 *
 * test/unit/parsers-linearity.test.ts asserts the ratio; this prints the times for the record.
 */
import { parseCvText } from '../../src/ai/local/cv-parser.ts'
import { parseJobText } from '../../src/ai/local/jd-parser.ts'

const CLASSES: Record<string, (size: number) => string> = {
  'skill-line-end': (size) => 'R' + ' '.repeat(size) + 'x',
  'location-parens': (size) => 'Location: ' + '('.repeat(size),
  'salary-grouping': (size) => '$1' + ',11'.repeat(Math.floor(size / 3)),
  'hyphen-chain': (size) => 'A-'.repeat(Math.floor(size / 2)),
  'r-list': (size) => 'R '.repeat(Math.floor(size / 2)) + 'x'
}
const PARSERS: Record<string, (text: string) => unknown> = { cv: parseCvText, jd: parseJobText }
/** A class that takes longer than this at 10 KB is not run at 100 KB (it would take minutes). */
const GIVE_UP_MS = 2000

function fastest (parse: (text: string) => unknown, text: string): number {
  let best = Infinity
  for (let run = 0; run < 3; run++) {
    const start = performance.now()
    parse(text)
    best = Math.min(best, performance.now() - start)
  }
  return best
}

const filter = process.argv[2]
for (const [name, generate] of Object.entries(CLASSES)) {
  if (filter !== undefined && !name.includes(filter)) continue
  const cells = Object.entries(PARSERS).map(([parser, parse]) => {
    const small = fastest(parse, generate(10_000))
    const large = small > GIVE_UP_MS ? NaN : fastest(parse, generate(100_000))
    return `${parser} 10 KB ${small.toFixed(1)} ms, 100 KB ${large.toFixed(1)} ms, ratio ${(large / small).toFixed(1)}`
  })
  console.log(`${name.padEnd(16)} ${cells.join(' | ')}`)
}
