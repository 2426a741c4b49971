import t from 'tap'
import { findSalary } from '../../src/ai/local/text/salary.ts'

t.test('the formats postings use', async (t) => {
  const cases: Array<[string, ReturnType<typeof findSalary>]> = [
    ['$120,000 – $150,000 a year', { min: 120000, max: 150000, currency: 'USD', period: 'year' }],
    ['€60k-75k', { min: 60000, max: 75000, currency: 'EUR', period: 'year' }],
    ['£45,000 per annum', { min: 45000, max: 45000, currency: 'GBP', period: 'year' }],
    ['$45/hour', { min: 45, max: 45, currency: 'USD', period: 'hour' }],
    ['Base salary USD 100k', { min: 100000, max: 100000, currency: 'USD', period: 'year' }],
    ['Pay: $58 - $74/hour + night differential', { min: 58, max: 74, currency: 'USD', period: 'hour' }],
    ['SALARY: $62,000-$72,000 annually, DOE', { min: 62000, max: 72000, currency: 'USD', period: 'year' }],
    ['100k–120k USD', { min: 100000, max: 120000, currency: 'USD', period: 'year' }],
    ['Salary 60.000 - 75.000 EUR gross per year', { min: 60000, max: 75000, currency: 'EUR', period: 'year' }],
    ['between $50 and $60 per hour', { min: 50, max: 60, currency: 'USD', period: 'hour' }],
    ['$60-75k', { min: 60000, max: 75000, currency: 'USD', period: 'year' }],
    ['CA$90,000 to CA$110,000', { min: 90000, max: 110000, currency: 'CAD', period: 'year' }],
    ['A$ 1,200 per week', { min: 1200, max: 1200, currency: 'AUD', period: 'week' }],
    ['Day rate: £550/day', { min: 550, max: 550, currency: 'GBP', period: 'day' }],
    ['₹12,00,000 p.a.', { min: 1200000, max: 1200000, currency: 'INR', period: 'year' }],
    ['Stipend €1,500 monthly', { min: 1500, max: 1500, currency: 'EUR', period: 'month' }],
    ['Hourly rate: $38.50', { min: 38.5, max: 38.5, currency: 'USD', period: 'hour' }],
    ['Annual compensation of CHF 140,000', { min: 140000, max: 140000, currency: 'CHF', period: 'year' }],
    ['Salary: $1.2M', { min: 1200000, max: 1200000, currency: 'USD', period: 'year' }],
    ['Pay: $500', { min: 500, max: 500, currency: 'USD', period: null }]
  ]
  for (const [text, salary] of cases) t.same(findSalary(text), salary, text)
})

t.test('figures that are not pay', async (t) => {
  for (const text of ['3-5 years of experience', 'We process $4B in payments a year', 'Manage a $2M budget', 'Salary: competitive', 'Pay: $0', '401(k) match']) {
    t.equal(findSalary(text), null, text)
  }
})

t.test('the most salary-like figure wins', async (t) => {
  t.same(findSalary('Learning budget €1,000 yearly\nSalary: €70,000 – €90,000 per year, plus bonus'), { min: 70000, max: 90000, currency: 'EUR', period: 'year' })
})

t.test('absurd figures are not pay', async (t) => {
  t.equal(findSalary(`Salary: $${'9'.repeat(400)}`), null)
  t.equal(findSalary(`Salary: $1 - $${'9'.repeat(400)}`), null)
})
