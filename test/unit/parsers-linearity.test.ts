import t from 'tap'
import { parseCvText } from '../../src/ai/local/cv-parser.ts'
import { parseJobText } from '../../src/ai/local/jd-parser.ts'

/**
 * Hostile text cannot stall the event loop: parsing time grows linearly with the input. Each
 * class below once made a pattern backtrack quadratically (issue 13: 10 KB took 0.1–0.4 s and
 * 100 KB 9–44 s). What is asserted is the growth, never a duration: 100 KB against 10 KB is a
 * ratio near 10 when linear and near 100 when quadratic, so 30 leaves room for a busy machine;
 * the fastest of a few runs damps garbage collection and JIT noise.
 */

const SMALL = 10_000
const LARGE = 100_000
const MAX_RATIO = 30
const RUNS = 3
/** A busy machine can slow one measurement down; a quadratic case fails every attempt, noise does not. */
const ATTEMPTS = 3
/** Below this a run is timer and GC noise; a quadratic 10 KB case takes ten times longer. */
const NOISE_FLOOR_MS = 5

const repeatTo = (size: number, unit: string, prefix = '', suffix = ''): string =>
  prefix + unit.repeat(Math.ceil((size - prefix.length - suffix.length) / unit.length)) + suffix

const CLASSES: Record<string, (size: number) => string> = {
  'an ambiguous skill, a run of blanks, a word (skill extractor line end)': (size) => repeatTo(size, ' ', 'R', 'x'),
  'a Location: value of many "(" (job header)': (size) => repeatTo(size, '(', 'Location: '),
  'a salary grouping that never closes': (size) => repeatTo(size, ',11', '$1'),
  'a hyphen chain A-A-A-…': (size) => repeatTo(size, 'A-'),
  'a list R R R … x': (size) => repeatTo(size, 'R ', '', 'x'),
  'a date range after a run of blanks': (size) => repeatTo(size, ' ', '', 'Jan 2019 - now'),
  'a split date range on every line': (size) => repeatTo(size, 'Nurse | Hospital | 2017 –\nPresent\n'),
  'flattened text, headings and dates on one line': (size) => repeatTo(size, 'Experience Staff Nurse, Hospital, 2019 - till date. Education BSc Nursing 2015 ')
}

/** A seeded generator, so a failure is reproducible. */
function random (seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state / 2 ** 31
  }
}

/** The pieces patterns are made of; a super-linear case is a short motif repeated, so motifs are what is generated. */
const PIECES = ['R', ' ', '  ', '(', ')', ',', '1', '11', '-', 'A', '$', ':', '\n', '.', '@', 'x', 'Jan ', '2019', ' – ', 'present', 'Location: ', 'years ', '+', '|', '/', 'at ', 'Engineer']
for (let seed = 1; seed <= 4; seed++) {
  const next = random(seed * 7919)
  const motif = Array.from({ length: 1 + Math.floor(next() * 4) }, () => PIECES[Math.floor(next() * PIECES.length)] as string).join('')
  CLASSES[`random motif ${JSON.stringify(motif)} (seed ${seed})`] = (size) => repeatTo(size, motif)
}

function fastest (parse: (text: string) => unknown, text: string): number {
  let best = Infinity
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now()
    parse(text)
    best = Math.min(best, performance.now() - start)
  }
  return Math.max(best, NOISE_FLOOR_MS)
}

const PARSERS: Record<string, (text: string) => unknown> = { cv: parseCvText, job: parseJobText }

for (const [name, parse] of Object.entries(PARSERS)) {
  t.test(`${name} parser: time grows linearly with hostile input`, async (t) => {
    parse('warm-up Engineer at Acme (Berlin) 2019 - present $100,000 a year Python, R')
    for (const [label, generate] of Object.entries(CLASSES)) {
      const small = generate(SMALL)
      const large = generate(LARGE)
      t.ok(large.length >= LARGE && small.length >= SMALL, `${label}: sizes`)
      // The small input first, so that the code paths of this class are compiled before they are timed.
      fastest(parse, small)
      let ratio = Infinity
      for (let attempt = 0; attempt < ATTEMPTS && ratio >= MAX_RATIO; attempt++) ratio = fastest(parse, large) / fastest(parse, small)
      t.ok(ratio < MAX_RATIO, `${label}: 100 KB / 10 KB = ${ratio.toFixed(1)}`)
    }
  })
}
