import t from 'tap'
import { detectSeniority, seniorityFromTitle, seniorityFromYears } from '../../src/ai/local/text/seniority.ts'

t.test('title words', async (t) => {
  const cases: Array<[string, ReturnType<typeof seniorityFromTitle>]> = [
    ['Data Science Intern', 'intern'],
    ['Summer Internship – Marketing', 'intern'],
    ['Junior Developer', 'junior'],
    ['Jr. QA Analyst', 'junior'],
    ['Graduate Software Engineer', 'junior'],
    ['Software Engineer I', 'junior'],
    ['Software Engineer II', 'mid'],
    ['Mid-level Accountant', 'mid'],
    ['Senior Backend Engineer', 'senior'],
    ['Sr Product Designer', 'senior'],
    ['Software Engineer III', 'senior'],
    ['Lead Data Engineer', 'lead'],
    ['Staff Software Engineer', 'lead'],
    ['Solutions Architect', 'lead'],
    ['Principal Scientist', 'principal'],
    ['Head of Marketing', 'executive'],
    ['VP Engineering', 'executive'],
    ['Chief Nursing Officer', 'executive'],
    ['Senior Director, Finance', 'executive'],
    ['Staff Accountant', null],
    ['Registered Nurse', null]
  ]
  for (const [title, seniority] of cases) t.equal(seniorityFromTitle(title), seniority, title)
})

t.test('years when the title says nothing', async (t) => {
  t.equal(seniorityFromYears(null), null)
  t.equal(seniorityFromYears(0), 'junior')
  t.equal(seniorityFromYears(1.5), 'junior')
  t.equal(seniorityFromYears(2), 'mid')
  t.equal(seniorityFromYears(4), 'mid')
  t.equal(seniorityFromYears(5), 'senior')
  t.equal(seniorityFromYears(12), 'senior')
})

t.test('the title wins over the years', async (t) => {
  t.equal(detectSeniority('Senior Engineer', 2), 'senior')
  t.equal(detectSeniority('Engineer', 2), 'mid')
  t.equal(detectSeniority(null, 6), 'senior')
  t.equal(detectSeniority(null, null), null)
})
