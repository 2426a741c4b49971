import t from 'tap'
import { parseExperience } from '../../src/ai/local/text/experience-entries.ts'
import { toLines } from '../../src/ai/local/text/lines.ts'

function jobs (text: string) {
  return parseExperience(toLines(text)).map(({ entry }) => entry)
}

t.test('title — company (dates) on one line', async (t) => {
  t.same(jobs('Senior Engineer — Acme Corp (Jan 2019 – Present)\n- Built things\n- Ran things'), [{
    title: 'Senior Engineer', company: 'Acme Corp', start: '2019-01', end: null, current: true, description: 'Built things\nRan things'
  }])
})

t.test('company | title | dates, in either order', async (t) => {
  t.same(jobs('Acme Corp | Senior Engineer | 2019-2021').map((job) => [job.title, job.company, job.start, job.end]), [['Senior Engineer', 'Acme Corp', '2019', '2021']])
  t.same(jobs('Senior Engineer | Acme Corp | 2019-2021').map((job) => [job.title, job.company]), [['Senior Engineer', 'Acme Corp']])
})

t.test('title, then company and place, then dates, on three lines', async (t) => {
  t.same(jobs('\nSoftware Developer\nCorvid Systems, Chicago, IL\nJun 2015 – Dec 2016\n* Java'), [{
    title: 'Software Developer', company: 'Corvid Systems', start: '2015-06', end: '2016-12', current: false, description: 'Java'
  }])
})

t.test('dates first, then title and company', async (t) => {
  t.same(jobs('2018 - 2020\nProduct Designer\nPixel Co\n- Figma work\n\n2020 - now\nLead Designer\nShape Inc').map((job) => [job.title, job.company, job.start, job.end, job.description]), [
    ['Product Designer', 'Pixel Co', '2018', '2020', 'Figma work'],
    ['Lead Designer', 'Shape Inc', '2020', null, null]
  ])
})

t.test('columns separated by runs of spaces; "at" and "@"', async (t) => {
  t.same(jobs('Data Engineer      Quartz Labs      03/2020 - 04/2022').map((job) => [job.title, job.company]), [['Data Engineer', 'Quartz Labs']])
  t.same(jobs('**Data Scientist** at Finlytics AG, Munich (Sept 2018 – Mar 2021)').map((job) => [job.title, job.company]), [['Data Scientist', 'Finlytics AG']])
  t.same(jobs('Analyst @ Bank of Nowhere, 2010 - 2012').map((job) => [job.title, job.company]), [['Analyst', 'Bank of Nowhere']])
})

t.test('places, remote and notes in parentheses are neither title nor company', async (t) => {
  t.same(jobs('Marketing Coordinator (Contract)\nBluebird Events | Remote | 2015 - 2017').map((job) => [job.title, job.company]), [['Marketing Coordinator (Contract)', 'Bluebird Events']])
  t.same(jobs('Nursing Assistant (CNA), Sunrise Senior Living, 2014 to 2016 (part-time during school)').map((job) => [job.title, job.company]), [['Nursing Assistant (CNA)', 'Sunrise Senior Living']])
  t.same(jobs('Remote | 2019 - 2020').map((job) => [job.title, job.company]), [[null, null]])
})

t.test('without a role word, the first part is the title', async (t) => {
  t.same(jobs('Volunteering, Red Cross, 2012 - 2013').map((job) => [job.title, job.company]), [['Volunteering', 'Red Cross']])
  t.same(jobs('Freelancing 2012 - 2013').map((job) => [job.title, job.company]), [['Freelancing', null]])
})

t.test('bullets and prose mentioning years are descriptions, not jobs', async (t) => {
  const found = jobs([
    'Engineer, Acme, 2019 - 2021',
    '- Led the 2019 - 2020 migration',
    'Between 2019 - 2020 I also mentored six engineers and ran the hiring loop for the team.',
    'Short unbulleted line'
  ].join('\n'))
  t.equal(found.length, 1)
  t.equal(found[0]?.description, 'Led the 2019 - 2020 migration\nBetween 2019 - 2020 I also mentored six engineers and ran the hiring loop for the team.\nShort unbulleted line')
})

t.test('a header line names both: nothing is taken from the line above', async (t) => {
  t.same(jobs('Intro text\nEngineer, Acme, 2019 - 2021').map((job) => [job.title, job.company]), [['Engineer', 'Acme']])
  t.same(jobs('Engineer\nAcme 2019 - 2021').map((job) => [job.title, job.company]), [['Engineer', 'Acme']])
})

t.test('nothing dated, nothing found', async (t) => {
  t.same(jobs(''), [])
  t.same(jobs('Engineer at Acme\n- things'), [])
})

t.test('the dated range travels with the entry', async (t) => {
  const [job] = parseExperience(['Engineer, Acme, Jan 2019 - Present'])
  t.same(job?.range.start, { year: 2019, month: 1 })
  t.equal(job?.range.end, null)
})
