import t from 'tap'
import { Value } from 'typebox/value'
import { parseCvText } from '../../src/ai/local/cv-parser.ts'
import { parseJobText } from '../../src/ai/local/jd-parser.ts'
import { ParsedCv, ParsedJob } from '../../src/ai/schemas.ts'
import { SAMPLE_CVS, SAMPLE_JDS, sampleText } from '../fixtures/texts/index.ts'

/** A seeded generator, so a failure here is reproducible. */
function random (seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state / 2 ** 31
  }
}

const LINES = [...SAMPLE_CVS, ...SAMPLE_JDS].flatMap((name) => sampleText(name).split('\n'))

const HOSTILE = [
  'x'.repeat(100_000),
  '\n'.repeat(50_000),
  '- x\n'.repeat(20_000),
  '$1 '.repeat(30_000),
  'A-'.repeat(50_000),
  ' '.repeat(99_990) + 'Jan 2019 - now',
  'Experience\n' + 'Acme    Engineer    2019 - 2020\n'.repeat(3000),
  `Daniel Okafor\n${'a'.repeat(300)}@example.com\nSalary: $${'9'.repeat(500)} a year`,
  '\u0000\u0001\ufeff\u200b' + 'Ünïcödé Ñame\n' + '😀 2019 – 2020 😀'
]

t.test('shuffled sample lines always parse to the schemas', async (t) => {
  const next = random(42)
  for (let round = 0; round < 60; round++) {
    const lines = Array.from({ length: 5 + Math.floor(next() * 80) }, () => LINES[Math.floor(next() * LINES.length)] as string)
    const text = lines.join('\n')
    t.same(Value.Errors(ParsedCv, parseCvText(text, new Date('2025-06-15T00:00:00Z'))), [], `cv round ${round}`)
    t.same(Value.Errors(ParsedJob, parseJobText(text)), [], `job round ${round}`)
  }
})

// Speed is measured by the benchmarks (bench/), never asserted here.
t.test('hostile input: the schemas hold', async (t) => {
  for (const [index, text] of HOSTILE.entries()) {
    const cv = parseCvText(text)
    const job = parseJobText(text)
    t.same(Value.Errors(ParsedCv, cv), [], `cv ${index}`)
    t.same(Value.Errors(ParsedJob, job), [], `job ${index}`)
  }
})
