import t from 'tap'
import { findYearsRequirement, parseNumber, yearsOnLine } from '../../src/ai/local/text/years.ts'

t.test('numbers in figures and words', async (t) => {
  t.equal(parseNumber('5'), 5)
  t.equal(parseNumber('2.5'), 2.5)
  t.equal(parseNumber('Two'), 2)
  t.equal(parseNumber('two (2)'), 2)
  t.equal(parseNumber('fifteen'), 15)
  t.equal(parseNumber('many'), null)
})

t.test('the phrasings of a years requirement', async (t) => {
  const cases: Array<[string, Array<{ min: number, max: number | null }>]> = [
    ['5+ years of professional backend development experience', [{ min: 5, max: null }]],
    ['3-5 years of experience as a Data Scientist', [{ min: 3, max: 5 }]],
    ['3 to 5 years experience', [{ min: 3, max: 5 }]],
    ['At least 4 years of general ledger experience', [{ min: 4, max: null }]],
    ['Minimum of two years of acute care experience', [{ min: 2, max: null }]],
    ['minimum two (2) years of experience', [{ min: 2, max: null }]],
    ['Over ten years in a leadership role', [{ min: 10, max: null }]],
    ['7 years or more of relevant experience', [{ min: 7, max: null }]],
    ['2 yrs experience with Kubernetes', [{ min: 2, max: null }]],
    ['3 years’ commercial experience', [{ min: 3, max: null }]],
    ['5+ years backend experience, 2+ years with Kubernetes', [{ min: 5, max: null }, { min: 2, max: null }]],
    ['Requirements: 5+ years of Node.js, TypeScript and PostgreSQL', [{ min: 5, max: null }]],
    ['at least 3 years with Python', [{ min: 3, max: null }]]
  ]
  for (const [line, expected] of cases) t.same(yearsOnLine(line), expected, line)
})

t.test('years that are not an experience requirement', async (t) => {
  for (const line of ['Within 2 years you will lead a team', 'We were founded 10 years ago', '4-year degree or equivalent experience', '50+ years of experience', '5-3 years of experience']) {
    t.same(yearsOnLine(line), [], line)
  }
})

t.test('the requirement: the largest minimum, with its maximum', async (t) => {
  t.same(findYearsRequirement(['2+ years with Docker experience', '3-5 years of experience', 'Python']), { min: 3, max: 5 })
  t.equal(findYearsRequirement(['Python', 'SQL']), null)
  t.equal(findYearsRequirement([]), null)
})
