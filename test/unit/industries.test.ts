import t from 'tap'
import { detectIndustries } from '../../src/ai/local/industries.ts'
import { INDUSTRIES } from '../../src/ai/taxonomy/vocabulary.ts'
import { INDUSTRY_KEYWORDS } from '../../src/ai/taxonomy/industry-keywords.ts'

t.test('a backend job at a fintech', async (t) => {
  const text = `Acme Pay is a fintech building payment processing for small businesses. You will design REST APIs
in Go on AWS, own our PostgreSQL databases and help us launch our digital wallet.`
  t.same(detectIndustries(text), ['fintech'])
})

t.test('a nurse CV', async (t) => {
  const text = `Registered Nurse with 7 years of experience in the ICU of a 400-bed teaching hospital. Skilled in
patient assessment, IV therapy and wound care. BLS and ACLS certified.`
  t.same(detectIndustries(text), ['healthcare'])
})

t.test('a data science job at an online store', async (t) => {
  const text = `Join our e-commerce marketplace as a Data Scientist: build recommendation models that help shoppers
find products in our online store, run A/B tests on checkout, and forecast demand.`
  t.same(detectIndustries(text), ['ecommerce'])
})

t.test('a marketing role at an agency', async (t) => {
  const text = `Our creative agency works with global brands on advertising campaigns. As Marketing Manager you will
own SEO, paid social and media buying for clients.`
  t.same(detectIndustries(text), ['marketing_advertising'])
})

t.test('a finance role at a bank', async (t) => {
  const text = `A leading retail bank is hiring a Financial Analyst to support FP&A for our commercial banking and
mortgage lending divisions. US GAAP, Excel, SAP.`
  t.same(detectIndustries(text), ['banking'], 'a "retail bank" is a bank, not a retailer')
})

t.test('several industries, most evident first', async (t) => {
  const text = 'A healthtech startup: our SaaS platform helps hospitals and clinics manage patient records.'
  t.same(detectIndustries(text), ['healthcare', 'software'])
})

t.test('nothing clear gives an empty list', async (t) => {
  t.same(detectIndustries(''), [])
  t.same(detectIndustries('We are a friendly team that values curiosity. Competitive salary.'), [])
  t.same(detectIndustries('Experience with software tools.'), [], 'one weak hint is below the threshold')
})

t.test('benefits boilerplate is not an industry', async (t) => {
  const text = 'We offer health insurance, dental insurance, life insurance, private healthcare and 25 days plus bank holidays, with some business travel.'
  t.same(detectIndustries(text), [])
})

t.test('plurals count as the keyword', async (t) => {
  t.same(detectIndustries('We supply hospitals'), ['healthcare'])
})

t.test('a keyword repeated in a long text counts at most three times', async (t) => {
  const text = `${'bank '.repeat(20)} insurer reinsurance underwriting`
  t.same(detectIndustries(text), ['banking', 'insurance'], 'banking capped at 9, insurance 9: ties keep vocabulary order')
})

t.test('industries far behind the leader are dropped', async (t) => {
  const text = 'Hospital, clinic, outpatient and inpatient care, hospice. We also sell some software.'
  t.same(detectIndustries(text), ['healthcare'])
})

t.test('at most five industries', async (t) => {
  const text = 'bank insurer hospital pharmaceutical biotech automotive aerospace telecom'
  const industries = detectIndustries(text)
  t.equal(industries.length, 5)
  t.same(industries, ['banking', 'insurance', 'healthcare', 'pharmaceuticals', 'biotech'])
})

t.test('the keyword data covers every industry, and only those', async (t) => {
  t.same(Object.keys(INDUSTRY_KEYWORDS).sort(), [...INDUSTRIES].sort())
  for (const industry of INDUSTRIES) {
    t.ok(Object.values(INDUSTRY_KEYWORDS[industry]).some((weight) => weight >= 3), `${industry} has a strong keyword`)
  }
})
