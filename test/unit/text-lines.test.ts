import t from 'tap'
import { clauses, isPreferredClause } from '../../src/ai/local/text/clauses.ts'
import { fieldValue } from '../../src/ai/local/text/fields.ts'
import { dedupe, isBullet, plainQuotes, squash, stripBullet, stripMarkdown, toLines, trimChars, truncate } from '../../src/ai/local/text/lines.ts'
import { responsibilities, splitRequirements } from '../../src/ai/local/text/requirements.ts'
import { isRoleTitle } from '../../src/ai/local/text/roles.ts'
import { splitSections } from '../../src/ai/local/text/sections.ts'
import { TakenSpans } from '../../src/ai/local/text/spans.ts'

t.test('lines: trimmed, blank lines and column gaps kept, odd spaces made plain', async (t) => {
  t.same(toLines('  a\u00a0b \r\n\r\nc\t\td\rx'), ['a b', '', 'c  d', 'x'])
  t.equal(squash('  a \n b  '), 'a b')
})

t.test('bullets and markdown', async (t) => {
  for (const line of ['- a', '• a', '* a', '▪ a', '– a', '1. a', '2) a']) {
    t.ok(isBullet(line), line)
    t.equal(stripBullet(line), 'a', line)
  }
  for (const line of ['-a', '2019 – 2020', 'a - b']) t.notOk(isBullet(line), line)
  t.equal(stripMarkdown('## **Experience**'), 'Experience')
  t.equal(stripMarkdown('__Bold__ text'), 'Bold text')
  t.equal(plainQuotes('What you’ll do “now”'), 'What you\'ll do "now"')
})

t.test('small string helpers', async (t) => {
  t.equal(trimChars('|, Acme ,|', ' |,'), 'Acme')
  t.equal(trimChars('|||', '|'), '')
  t.equal(truncate('abc', 5), 'abc')
  t.equal(truncate('abc def', 4), 'abc')
  t.same(dedupe(['a', 'b', 'a']), ['a', 'b'])
})

t.test('taken spans: the first claim wins', async (t) => {
  const spans = new TakenSpans(10)
  t.ok(spans.claim(2, 5))
  t.notOk(spans.claim(4, 8), 'overlaps')
  t.ok(spans.claim(5, 8), 'touches')
  t.notOk(spans.claim(0, 10))
})

t.test('labelled fields', async (t) => {
  const lines = ['**Job Title:** Senior Engineer', 'LOCATION: Columbus, OH', 'Note: a: b', 'Company:']
  t.equal(fieldValue(lines, /^job title$/i), 'Senior Engineer')
  t.equal(fieldValue(lines, /^location$/i), 'Columbus, OH')
  t.equal(fieldValue(lines, /^note$/i), 'a: b')
  t.equal(fieldValue(lines, /^company$/i), null, 'a label without a value')
  t.equal(fieldValue([], /^x$/), null)
})

t.test('role words', async (t) => {
  for (const title of ['ICU Staff Nurse', 'Data Analyst Intern', 'Co-Founder', 'Scrum Master', 'Head of Sales', 'Nursing Assistant (CNA)']) t.ok(isRoleTitle(title), title)
  for (const name of ['Zalora Analytics GmbH', 'Sunrise Senior Living', 'Daniel Okafor', 'Northwind Logistics']) t.notOk(isRoleTitle(name), name)
})

t.test('clauses and their preferences', async (t) => {
  t.same(clauses('BLS and ACLS required; CCRN preferred'), ['BLS and ACLS required', 'CCRN preferred'])
  t.same(clauses('Fluent English. Dutch is a plus.'), ['Fluent English', 'Dutch is a plus.'])
  t.same(clauses('Node.js and Vue.js; ; '), ['Node.js and Vue.js'])
  for (const clause of ['CCRN preferred', 'Dutch is a plus', 'Nice to have: Go', 'Bonus: Rust', 'ideally a PhD', 'AWS is desirable']) t.ok(isPreferredClause(clause), clause)
  for (const clause of ['BLS required', 'Strong Python', 'Preferences are read']) t.notOk(isPreferredClause(clause), clause)
})

t.test('requirements: preferred sections and clauses apart, benefits and the company blurb left out', async (t) => {
  const sections = splitSections([
    'Engineer',
    'About Acme',
    'Acme uses Java.',
    'Requirements',
    '- Python; Go is a plus',
    'Nice to have',
    '- Rust',
    'Benefits',
    '- Free Scala lessons'
  ].join('\n'))
  t.same(splitRequirements(sections), { required: ['Engineer', 'Python'], preferred: ['Go is a plus', 'Rust'] })
})

t.test('responsibilities: bullets, else every line', async (t) => {
  t.same(responsibilities(splitSections('Responsibilities\nIntro line\n- Ship\n* Review')), ['Ship', 'Review'])
  t.same(responsibilities(splitSections('Your role\nShip things.\n\nx\nReview code.')), ['Ship things.', 'Review code.'], 'too short to be a duty')
  t.same(responsibilities(splitSections('No such section')), [])
})
