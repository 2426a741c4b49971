import t from 'tap'
import { degreeLevel, degreeLevels, degreeMentions, fieldsOfStudy, isInstitution, levelsPerText, lowestLevel } from '../../src/ai/local/text/education.ts'
import { parseEducation } from '../../src/ai/local/text/education-entries.ts'

t.test('degree wording to level', async (t) => {
  const cases: Array<[string, ReturnType<typeof degreeLevel>]> = [
    ['PhD in Physics', 'doctorate'],
    ['Ph.D., Chemistry', 'doctorate'],
    ['Doctor of Philosophy', 'doctorate'],
    ['Doctorate in Education', 'doctorate'],
    ['MSc Data Science', 'master'],
    ['M.Sc. Statistics', 'master'],
    ['MBA', 'master'],
    ['Master of Engineering', 'master'],
    ['Master’s degree', 'master'],
    ['MS in Computer Science', 'master'],
    ['MA, History', 'master'],
    ['BSc (Hons) Computer Science', 'bachelor'],
    ['B.Sc. in Computer Science', 'bachelor'],
    ['Bachelor of Arts', 'bachelor'],
    ['Bachelor’s degree', 'bachelor'],
    ['BS in Biology', 'bachelor'],
    ['BA (Hons) English', 'bachelor'],
    ['B.Tech. in Computer Science', 'bachelor'],
    ['BSN', 'bachelor'],
    ['Associate Degree in Nursing', 'associate'],
    ['A.A.S. Electronics', 'associate'],
    ['ADN', 'associate'],
    ['High school diploma or GED', 'high_school'],
    ['Diploma in Practical Nursing', 'vocational'],
    ['Vocational training in welding', 'vocational'],
    ['LPN', 'vocational']
  ]
  for (const [text, level] of cases) t.equal(degreeLevel(text), level, text)
})

t.test('look-alikes are not degrees', async (t) => {
  for (const text of ['MS Excel and MS Office', 'Boston, MA', 'Harvard University, Cambridge, MA, 2010 – 2014', 'Cambridge, MA, USA', 'Business Analyst (BA)', 'ms in',  'Certified Scrum Master', 'AWS Certified Solutions Architect – Associate', 'at a level of detail', 'BA team', 'managed']) {
    t.equal(degreeLevel(text), null, text)
  }
})

t.test('every level mentioned, lowest first; the lowest of a set', async (t) => {
  t.same(degreeLevels('MSc or PhD; Bachelor’s degree required'), ['bachelor', 'master', 'doctorate'])
  t.same(degreeMentions('a high school diploma').map((mention) => mention.level), ['high_school'], 'the diploma is the high school one')
  t.equal(lowestLevel(['master', 'associate', 'doctorate']), 'associate')
  t.equal(lowestLevel([]), null)
})

t.test('levels per text, read in one pass', async (t) => {
  t.same(levelsPerText(['BSc required', 'Python', 'MSc or PhD', '']), [['bachelor'], [], ['master', 'doctorate'], []])
  t.same(levelsPerText([]), [])
})

t.test('fields of study and institutions', async (t) => {
  t.same(fieldsOfStudy('Bachelor’s degree in Statistics, Computer Science, Mathematics or a related field'), ['statistics', 'computer science', 'mathematics'])
  t.same(fieldsOfStudy('Degree in Accounting or Finance; accounting preferred'), ['accounting', 'finance'])
  t.same(fieldsOfStudy('Applied Mathematics'), ['applied mathematics'], 'the longest name wins')
  t.ok(isInstitution('Technical University of Munich'))
  t.ok(isInstitution('Dartmouth College'))
  t.ok(isInstitution('École Polytechnique'))
  t.notOk(isInstitution('Acme Corp'))
})

t.test('entries: degree then institution, institution then degree, one line', async (t) => {
  t.same(parseEducation([
    'B.Sc. in Computer Science',
    'University of Illinois, 2010 – 2014',
    '',
    'Stanford University',
    'MS in Statistics, 2015 - 2017',
    'Thesis: Bayesian things',
    '- MBA, Finance — Wharton School (2020)',
    '**High School Diploma**, 2006'
  ]), [
    { degree: 'B.Sc. in Computer Science', level: 'bachelor', field: 'Computer Science', institution: 'University of Illinois', start: '2010', end: '2014' },
    { degree: 'MS in Statistics', level: 'master', field: 'Statistics', institution: 'Stanford University', start: '2015', end: '2017' },
    { degree: 'MBA', level: 'master', field: 'Finance', institution: 'Wharton School', start: null, end: '2020' },
    { degree: 'High School Diploma', level: 'high_school', field: null, institution: null, start: null, end: '2006' }
  ])
})

t.test('entries: the field after "of", "in" or the degree itself', async (t) => {
  const fields = (line: string) => parseEducation([line])[0]?.field
  t.equal(fields('Bachelor of Science in Nursing (BSN) — Arizona State University'), 'Nursing')
  t.equal(fields('Bachelor’s degree in Economics'), 'Economics')
  t.equal(fields('M.Sc. Data Science, Technical University of Munich'), 'Data Science')
  t.equal(fields('Master of Science, Harvard University'), null, '"of Science" is not a field')
  t.equal(fields('Bachelor of Engineering'), 'Engineering')
  t.same(parseEducation(['MS, Statistics, Stanford University'])[0], { degree: 'MS', level: 'master', field: 'Statistics', institution: 'Stanford University', start: null, end: null }, 'a two-letter degree and its field in separate parts')
})

t.test('entries: lines naming no degree and no school are not entries', async (t) => {
  t.same(parseEducation(['Magna cum laude', 'Dean’s list 2012']), [])
  t.same(parseEducation([]), [])
  const [school] = parseEducation(['Lycée Henri IV, Paris', 'Some notes'])
  t.same(school, { degree: null, level: null, field: null, institution: 'Lycée Henri IV', start: null, end: null })
})
