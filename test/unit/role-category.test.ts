import t from 'tap'
import { detectRoleCategory } from '../../src/ai/local/role-category.ts'
import { ROLE_CATEGORIES } from '../../src/ai/taxonomy/vocabulary.ts'
import { ROLE_KEYWORDS } from '../../src/ai/taxonomy/role-keywords.ts'

const BACKEND_JOB = `We are looking for an engineer to design REST APIs and microservices in Go, review pull
requests and mentor other developers.`
const NURSE_CV = `Registered Nurse with 7 years of ICU experience: patient assessment, medication administration,
wound care and triage. BLS and ACLS certified.`
const DATA_SCIENCE_JOB = `You will build machine learning models, run A/B testing and present statistical findings;
experience with deep learning and NLP is a plus.`
const MARKETING_JOB = 'Own our SEO and SEM strategy, run paid social campaigns and grow email marketing.'
const FINANCE_JOB = 'Own budgeting, variance analysis and month-end close under US GAAP; prepare financial statements.'

t.test('real titles and texts', async (t) => {
  t.equal(detectRoleCategory('Senior Backend Engineer', BACKEND_JOB), 'software_engineering')
  t.equal(detectRoleCategory('Registered Nurse - ICU', NURSE_CV), 'healthcare_clinical')
  t.equal(detectRoleCategory('Data Scientist', DATA_SCIENCE_JOB), 'data_science')
  t.equal(detectRoleCategory('Digital Marketing Manager', MARKETING_JOB), 'marketing')
  t.equal(detectRoleCategory('Senior Financial Analyst', FINANCE_JOB), 'finance_accounting')
})

t.test('the text alone decides when the title says nothing', async (t) => {
  t.equal(detectRoleCategory('', BACKEND_JOB), 'software_engineering')
  t.equal(detectRoleCategory('', NURSE_CV), 'healthcare_clinical')
  t.equal(detectRoleCategory('Team Member', DATA_SCIENCE_JOB), 'data_science')
  t.equal(detectRoleCategory('', MARKETING_JOB), 'marketing')
  t.equal(detectRoleCategory('', FINANCE_JOB), 'finance_accounting')
})

t.test('the title outweighs the text', async (t) => {
  t.equal(detectRoleCategory('Technical Recruiter', BACKEND_JOB), 'human_resources', 'a recruiter hiring engineers is in HR')
  t.equal(detectRoleCategory('Product Manager', DATA_SCIENCE_JOB), 'product_management', 'a strong title keyword beats a paragraph')
  t.equal(detectRoleCategory('Engineer', DATA_SCIENCE_JOB), 'data_science', 'but a weak one can be outvoted by the text')
})

t.test('more specific titles win over their generic words', async (t) => {
  t.equal(detectRoleCategory('Data Engineer', ''), 'data_engineering')
  t.equal(detectRoleCategory('Security Engineer', ''), 'security')
  t.equal(detectRoleCategory('QA Engineer', ''), 'qa_testing')
  t.equal(detectRoleCategory('Mechanical Engineer', ''), 'engineering_hardware')
  t.equal(detectRoleCategory('Site Reliability Engineer', ''), 'devops_sre')
  t.equal(detectRoleCategory('Executive Assistant to the CEO', ''), 'administration')
  t.equal(detectRoleCategory('Chief Technology Officer', ''), 'executive_management')
})

t.test('other when nothing matches, or too little', async (t) => {
  t.equal(detectRoleCategory('', ''), 'other')
  t.equal(detectRoleCategory('Team Member', 'A friendly team with a competitive salary.'), 'other')
  t.equal(detectRoleCategory('', 'Some coding now and then.'), 'other', 'one weak hint in the text is not enough')
})

t.test('a keyword repeated through the text counts at most three times', async (t) => {
  const text = `${'developer '.repeat(10)} nurse nurse nurse`
  t.equal(detectRoleCategory('', text), 'healthcare_clinical', 'developer: 3 × 2 = 6, nurse: 3 × 3 = 9')
})

t.test('a tie goes to the category listed first', async (t) => {
  t.equal(detectRoleCategory('', 'developer developer developer nurse nurse'), 'software_engineering', '6 each')
})

t.test('the keyword data covers every category but other', async (t) => {
  t.same(Object.keys(ROLE_KEYWORDS).sort(), ROLE_CATEGORIES.filter((category) => category !== 'other').sort())
})
