import t from 'tap'
import type { Test } from 'tap'
import { Value } from 'typebox/value'
import { parseJobText } from '../../src/ai/local/jd-parser.ts'
import { ParsedJob } from '../../src/ai/schemas.ts'
import { SAMPLE_JDS, sampleText } from '../fixtures/texts/index.ts'

/** Parses and checks the result against the response schema, so no output can break a route. */
function parse (t: Test, text: string): ParsedJob {
  const job = parseJobText(text)
  t.same(Value.Errors(ParsedJob, job), [], 'matches the ParsedJob schema')
  return job
}

t.test('data science JD: hybrid, 3-5 years, € range, required vs nice-to-have', async (t) => {
  const job = parse(t, sampleText('data-science-jd'))
  t.equal(job.title, 'Senior Data Scientist – Pricing & Forecasting')
  t.equal(job.company, 'Lumora Energy')
  t.equal(job.location, 'Amsterdam, Netherlands')
  t.equal(job.remote_policy, 'hybrid')
  t.equal(job.employment_type, 'full_time')
  t.equal(job.seniority, 'senior')
  t.equal(job.min_years_experience, 3)
  t.equal(job.max_years_experience, 5)
  t.same(job.salary, { min: 70000, max: 90000, currency: 'EUR', period: 'year' })
  t.ok(job.required_skills.length + job.preferred_skills.length >= 15, 'at least 15 skills')
  for (const skill of ['python', 'sql', 'pandas', 'scikit-learn', 'statistics', 'a/b testing', 'apache spark', 'docker', 'mlflow']) {
    t.ok(job.required_skills.includes(skill), `${skill} is required`)
  }
  t.same(job.preferred_skills, ['pytorch', 'tensorflow', 'apache airflow', 'dbt', 'snowflake'])
  t.same(job.education, { minimum_level: 'bachelor', fields: ['statistics', 'computer science', 'mathematics', 'physics'] })
  t.same(job.languages, ['english', 'dutch'])
  t.equal(job.responsibilities.length, 5)
  t.match(job.responsibilities[0], /^Build, validate and deploy machine learning models/)
  t.equal(job.role_category, 'data_science')
  t.ok(job.industries.includes('energy'))
})

t.test('backend JD: labelled fields, remote, 5+ years, $ a year, bonus points', async (t) => {
  const job = parse(t, sampleText('backend-engineer-jd'))
  t.equal(job.title, 'Senior Backend Engineer (Node.js)')
  t.equal(job.company, 'Harbor & Finch')
  t.equal(job.location, 'Remote (US time zones)')
  t.equal(job.remote_policy, 'remote')
  t.equal(job.employment_type, 'full_time')
  t.equal(job.seniority, 'senior')
  t.equal(job.min_years_experience, 5)
  t.equal(job.max_years_experience, null)
  t.same(job.salary, { min: 160000, max: 195000, currency: 'USD', period: 'year' })
  t.ok(job.required_skills.length >= 15, 'at least 15 required skills')
  for (const skill of ['node.js', 'typescript', 'postgresql', 'redis', 'apache kafka', 'kubernetes', 'docker', 'graphql', 'fastify', 'github actions']) {
    t.ok(job.required_skills.includes(skill), `${skill} is required`)
  }
  t.same(job.preferred_skills, ['go', 'rust', 'terraform', 'pci dss', 'opentelemetry', 'prometheus', 'grafana'])
  t.same(job.education, { minimum_level: 'bachelor', fields: ['computer science'] })
  t.same(job.languages, [])
  t.same(job.responsibilities.at(-1), 'Mentor other engineers through code review and pairing')
  t.equal(job.role_category, 'software_engineering')
})

t.test('ICU nurse JD: hourly pay, per-clause preferences, number words', async (t) => {
  const job = parse(t, sampleText('icu-nurse-jd'))
  t.equal(job.title, 'Registered Nurse - ICU (Nights)')
  t.equal(job.company, 'Mercy Valley Hospital')
  t.equal(job.location, 'Sacramento, CA')
  t.equal(job.remote_policy, null)
  t.equal(job.employment_type, 'full_time')
  t.equal(job.min_years_experience, 2, '"Minimum of two years …, ICU preferred"')
  t.equal(job.seniority, 'mid', 'from the years, the title says nothing')
  t.same(job.salary, { min: 58, max: 74, currency: 'USD', period: 'hour' })
  for (const skill of ['basic life support', 'advanced cardiac life support', 'epic ehr', 'patient assessment']) {
    t.ok(job.required_skills.includes(skill), `${skill} is required`)
  }
  t.same(job.preferred_skills, ['critical care nursing certification', 'continuous renal replacement therapy', 'hemodynamic monitoring'])
  t.same(job.education, { minimum_level: 'associate', fields: ['nursing'] }, 'the BSN is only preferred')
  t.same(job.languages, ['english', 'spanish'])
  t.equal(job.responsibilities.length, 6)
  t.equal(job.role_category, 'healthcare_clinical')
  t.ok(job.industries.includes('healthcare'))
})

t.test('accountant JD: upper-case labels, numbered duties, on-site', async (t) => {
  const job = parse(t, sampleText('accountant-jd'))
  t.equal(job.title, 'Staff Accountant')
  t.equal(job.company, 'Redwood & Marsh Wholesale Foods')
  t.equal(job.location, 'Columbus, OH', 'the on-site note is not part of the place')
  t.equal(job.remote_policy, 'onsite')
  t.equal(job.employment_type, 'full_time')
  t.equal(job.seniority, 'mid', 'a staff accountant is not a staff engineer')
  t.equal(job.min_years_experience, 2)
  t.same(job.salary, { min: 62000, max: 72000, currency: 'USD', period: 'year' })
  for (const skill of ['general ledger', 'gaap', 'excel', 'quickbooks', 'netsuite', 'reconciliation']) {
    t.ok(job.required_skills.includes(skill), `${skill} is required`)
  }
  t.same(job.preferred_skills, ['certified public accountant', 'sap'])
  t.same(job.education, { minimum_level: 'bachelor', fields: ['accounting', 'finance'] })
  t.equal(job.responsibilities[0], 'Prepare monthly journal entries, accruals and the month-end close checklist')
  t.equal(job.role_category, 'finance_accounting')
})

t.test('every sample parses to the schema', async (t) => {
  for (const name of SAMPLE_JDS) parse(t, sampleText(name))
})

t.test('empty and near-empty text: every field unknown, still the schema', async (t) => {
  for (const text of ['', '   \n\n  ', '.', 'hello']) {
    const job = parse(t, text)
    t.equal(job.company, null)
    t.equal(job.salary, null)
    t.same(job.required_skills, [])
    t.same(job.education, { minimum_level: null, fields: [] })
  }
  t.equal(parse(t, '').title, null)
})

t.test('no headings: everything is required, unless a clause says it is a plus', async (t) => {
  const job = parse(t, 'We need a Python developer with 4 years of experience. Kubernetes is a plus.')
  t.equal(job.title, null, 'a sentence is not a title')
  t.same(job.required_skills, ['python'])
  t.same(job.preferred_skills, ['kubernetes'])
  t.equal(job.min_years_experience, 4)
  t.equal(job.seniority, 'mid')
})

t.test('a skill asked for in both places is required', async (t) => {
  const job = parse(t, 'Developer\n\nRequirements\n- Python, SQL\n\nNice to have\n- Python 3.12, Docker')
  t.same(job.required_skills, ['python', 'sql'])
  t.same(job.preferred_skills, ['docker'])
})

t.test('long and hostile input stays within the schema limits', async (t) => {
  const longLine = 'Senior ' + 'very '.repeat(200) + 'Engineer'
  const job = parse(t, `${longLine}\nCompany: ${'Acme '.repeat(100)}\nResponsibilities\n${'- ' + 'x'.repeat(3000) + '\n'}`.repeat(3))
  t.equal(job.title, null, 'too long for a title')
  t.ok((job.company ?? '').length <= 300)
  t.ok(job.responsibilities.every((item) => item.length <= 2000))
  const many = parse(t, 'Responsibilities\n' + Array.from({ length: 150 }, (_, i) => `- duty ${i}`).join('\n'))
  t.equal(many.responsibilities.length, 100)
})

t.test('responsibilities without bullets are the section\'s lines', async (t) => {
  const job = parse(t, 'Title\n\nWhat you will do\nShip features.\nReview code.\n\nWhat we offer\nFruit.')
  t.same(job.responsibilities, ['Ship features.', 'Review code.'])
})
