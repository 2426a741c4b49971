import t from 'tap'
import type { Test } from 'tap'
import { Value } from 'typebox/value'
import { parseCvText } from '../../src/ai/local/cv-parser.ts'
import { ParsedCv } from '../../src/ai/schemas.ts'
import { SAMPLE_CVS, sampleText } from '../fixtures/texts/index.ts'

const TODAY = new Date('2025-06-15T00:00:00Z')

/** Parses and checks the result against the response schema, so no output can break a route. */
function parse (t: Test, text: string, today = TODAY): ParsedCv {
  const cv = parseCvText(text, today)
  t.same(Value.Errors(ParsedCv, cv), [], 'matches the ParsedCv schema')
  return cv
}

t.test('backend engineer: four layouts of job headers, skills list, BSc', async (t) => {
  const cv = parse(t, sampleText('backend-engineer-cv'))
  t.equal(cv.name, 'Daniel Okafor')
  t.equal(cv.headline, 'Senior Backend Engineer')
  t.same(cv.contact, {
    email: 'daniel.okafor@example.com',
    phone: '+1 555 014 2398',
    location: 'Austin, TX',
    links: ['linkedin.com/in/daniel-okafor-dev', 'https://github.com/dokafor']
  })
  t.match(cv.summary, /^Backend engineer with 10 years of experience .* allergic to 3 a\.m\. pages\.$/)
  t.ok(cv.skills.length >= 30, `${cv.skills.length} skills`)
  t.same(cv.skills.slice(0, 4), ['typescript', 'javascript', 'go', 'python'], 'the skills section first, in its order')
  for (const skill of ['node.js', 'postgresql', 'kubernetes', 'aws', 'docker', 'terraform', 'apache kafka', 'jest', 'java']) {
    t.ok(cv.skills.includes(skill), `has ${skill}`)
  }
  t.same(cv.experience.map(({ title, company, start, end, current }) => ({ title, company, start, end, current })), [
    { title: 'Senior Backend Engineer', company: 'Northwind Logistics', start: '2020-01', end: null, current: true },
    { title: 'Software Engineer', company: 'Brightpath Health', start: '2017', end: '2019', current: false },
    { title: 'Software Developer', company: 'Corvid Systems', start: '2015-06', end: '2016-12', current: false },
    { title: 'Junior Web Developer', company: 'Pixelworks Studio', start: '2014-08', end: '2015-05', current: false }
  ])
  t.equal(cv.experience[0]?.description?.split('\n').length, 4, 'one description line per bullet')
  t.match(cv.experience[0]?.description, /^Led the migration of a monolithic Rails/)
  t.equal(cv.experience[3]?.description, 'JavaScript, HTML, CSS and PHP for agency client sites.')
  t.equal(cv.total_years_experience, 10.9, 'Jan 2020–Jun 2025, 2017–2019, Jun 2015–Dec 2016, Aug 2014–May 2015')
  t.same(cv.education, [{
    degree: 'B.Sc. in Computer Science',
    level: 'bachelor',
    field: 'Computer Science',
    institution: 'University of Illinois at Urbana-Champaign',
    start: '2010',
    end: '2014'
  }])
  t.same(cv.certifications, ['AWS Certified Solutions Architect – Associate (2021)', 'Certified Kubernetes Administrator (CKA), 2022'])
  t.same(cv.languages, ['english', 'spanish'])
})

t.test('nurse: capitals and post-nominals, three-line headers, overlapping jobs', async (t) => {
  const cv = parse(t, sampleText('nurse-cv'))
  t.equal(cv.name, 'Maria L. Santos')
  t.equal(cv.headline, 'Registered Nurse – Intensive Care')
  t.same(cv.contact, { email: 'maria.santos@example.org', phone: '(555) 201-7788', location: 'Phoenix, AZ', links: [] })
  t.match(cv.summary, /^Compassionate, detail-oriented critical care nurse/)
  for (const skill of ['patient assessment', 'medication administration', 'wound care', 'epic ehr', 'basic life support', 'advanced cardiac life support']) {
    t.ok(cv.skills.includes(skill), `has ${skill}`)
  }
  t.same(cv.experience.map(({ title, company, start, end, current }) => ({ title, company, start, end, current })), [
    { title: 'ICU Staff Nurse', company: 'Banner Desert Medical Center', start: '2019-03', end: null, current: true },
    { title: 'Medical-Surgical Registered Nurse', company: 'St. Luke\'s Community Hospital', start: '2016-07', end: '2019-02', current: false },
    { title: 'Nursing Assistant (CNA)', company: 'Sunrise Senior Living', start: '2014', end: '2016', current: false }
  ])
  t.equal(cv.total_years_experience, 11.5, 'the CNA years overlap the first RN job and count once')
  t.same(cv.education, [{
    degree: 'Bachelor of Science in Nursing (BSN)',
    level: 'bachelor',
    field: 'Nursing',
    institution: 'Arizona State University',
    start: '2012',
    end: '2016'
  }])
  t.equal(cv.certifications.length, 4)
  t.equal(cv.certifications[1], 'BLS – American Heart Association')
  t.same(cv.languages, ['spanish', 'english', 'portuguese'])
})

t.test('data scientist: markdown, "at" headers, two degrees', async (t) => {
  const cv = parse(t, sampleText('data-scientist-cv'))
  t.equal(cv.name, 'Priya Raman')
  t.equal(cv.headline, 'Data Scientist | Machine Learning | NLP')
  t.same(cv.contact, {
    email: 'priya.raman@example.net',
    phone: '+1 (555) 430-1187',
    location: 'Berlin, Germany',
    links: ['https://priyaraman.example.com', 'https://github.com/praman']
  })
  for (const skill of ['python', 'sql', 'scikit-learn', 'pytorch', 'pandas', 'apache spark', 'mlflow', 'tableau']) {
    t.ok(cv.skills.includes(skill), `has ${skill}`)
  }
  t.same(cv.experience.map(({ title, company, start, end }) => ({ title, company, start, end })), [
    { title: 'Senior Data Scientist', company: 'Zalora Analytics GmbH', start: '2021-04', end: null },
    { title: 'Data Scientist', company: 'Finlytics AG', start: '2018-09', end: '2021-03' },
    { title: 'Data Analyst Intern', company: 'Helix Retail', start: '2017-06', end: '2017-12' }
  ])
  t.equal(cv.total_years_experience, 7.4)
  t.same(cv.education.map(({ level, field, institution, start, end }) => ({ level, field, institution, start, end })), [
    { level: 'master', field: 'Data Science', institution: 'Technical University of Munich', start: '2016', end: '2018' },
    { level: 'bachelor', field: 'Computer Science and Engineering', institution: 'Anna University', start: '2012', end: '2016' }
  ])
  t.same(cv.certifications, ['TensorFlow Developer Certificate (2020)', 'AWS Certified Machine Learning – Specialty'])
  t.same(cv.languages, ['english', 'german', 'hindi', 'tamil'])
})

t.test('marketing manager: "Current", pipes, a remote contract, an MBA with its year', async (t) => {
  const cv = parse(t, sampleText('marketing-manager-cv'))
  t.equal(cv.name, 'Jessica Morgan-Reid')
  t.equal(cv.headline, 'Marketing Manager | B2B SaaS | Demand Generation')
  t.same(cv.contact, {
    email: 'jess.morganreid@example.com',
    phone: '+1-555-310-4421',
    location: 'Denver, CO',
    links: ['www.linkedin.com/in/jessmorganreid']
  })
  t.match(cv.summary, /^Results-driven marketing manager/)
  for (const skill of ['seo', 'google analytics', 'hubspot', 'salesforce', 'content marketing', 'email marketing', 'copywriting']) {
    t.ok(cv.skills.includes(skill), `has ${skill}`)
  }
  t.same(cv.experience.map(({ title, company, start, end, current }) => ({ title, company, start, end, current })), [
    { title: 'Marketing Manager', company: 'Summitly Software Inc.', start: '2020-02', end: null, current: true },
    { title: 'Digital Marketing Specialist', company: 'Greenleaf Outdoor Co.', start: '2017-03', end: '2020-01', current: false },
    { title: 'Marketing Coordinator (Contract)', company: 'Bluebird Events', start: '2015', end: '2017', current: false }
  ])
  t.equal(cv.total_years_experience, 10.5)
  t.same(cv.education, [
    { degree: 'MBA', level: 'master', field: 'Marketing', institution: 'University of Colorado Denver', start: null, end: '2019' },
    { degree: 'Bachelor of Arts in Communications', level: 'bachelor', field: 'Communications', institution: 'Colorado State University', start: '2011', end: '2015' }
  ])
  t.same(cv.certifications, ['Google Ads Search Certification', 'HubSpot Inbound Marketing Certified'])
  t.same(cv.languages, ['english', 'french'])
})

t.test('every sample parses to the schema, also ten pages of it', async (t) => {
  for (const name of SAMPLE_CVS) {
    const text = sampleText(name)
    parse(t, text)
    parse(t, Array.from({ length: 10 }, () => text).join('\n\n'))
  }
})

t.test('"today" closes open ranges; the default is now', async (t) => {
  const text = sampleText('backend-engineer-cv')
  t.equal(parse(t, text, new Date('2021-01-31T00:00:00Z')).total_years_experience, 6.5)
  t.ok((parseCvText(text).total_years_experience ?? 0) >= 10.9)
})

t.test('empty and near-empty text: every field unknown, still the schema', async (t) => {
  for (const text of ['', '\n \n', 'x', '2019 - 2020']) {
    const cv = parse(t, text)
    t.equal(cv.name, null)
    t.equal(cv.summary, null)
    t.same(cv.education, [])
    t.same(cv.certifications, [])
  }
  t.same(parse(t, '').contact, { email: null, phone: null, location: null, links: [] })
  t.equal(parse(t, '').total_years_experience, null, 'unknown, not zero')
  t.equal(parse(t, '').experience_unknown_reason, 'no_experience_found')
})

t.test('no headings: jobs are found anywhere, the headline falls back to the first title', async (t) => {
  const cv = parse(t, [
    'Ana Lima',
    'ana@example.com',
    '',
    'Staff Engineer, Quartz Labs, 2021 – now',
    '- Platform work.',
    'Engineer, Blue Co, 2019 – 2021',
    'Python and Go.'
  ].join('\n'))
  t.equal(cv.name, 'Ana Lima')
  t.equal(cv.headline, 'Staff Engineer')
  t.same(cv.experience.map((job) => [job.title, job.company, job.start, job.end, job.description]), [
    ['Staff Engineer', 'Quartz Labs', '2021', null, 'Platform work.'],
    ['Engineer', 'Blue Co', '2019', '2021', 'Python and Go.']
  ])
  t.same(cv.skills, ['python', 'go'])
})

t.test('weird dates: reversed and future ranges count for nothing, a month 13 is no date', async (t) => {
  const cv = parse(t, [
    'Experience',
    'Engineer, Acme, 2024 - 2019',
    '',
    'Engineer, Future Inc, 2030 - Present',
    '',
    'Engineer, Nowhere Ltd, 13/2019 - 2019',
    '',
    'Engineer, Brief Corp, Sept 2019 - Sept 2019'
  ].join('\n'))
  t.same(cv.experience.map((job) => job.company), ['Acme', 'Future Inc', 'Brief Corp'])
  t.equal(cv.experience[1]?.description, 'Engineer, Nowhere Ltd, 13/2019 - 2019', 'not a job header: part of the one above')
  t.equal(cv.total_years_experience, 0.1, 'one month')
})

t.test('more than 50 jobs, 20 degrees and 50 certifications are capped', async (t) => {
  const jobs = Array.from({ length: 60 }, (_, i) => `Engineer, Company ${i}, 2001 - 2002`).join('\n')
  const degrees = Array.from({ length: 25 }, (_, i) => `BSc in Physics, University ${i}`).join('\n')
  const certificates = Array.from({ length: 60 }, (_, i) => `Certificate ${i}`).join('\n')
  const cv = parse(t, `Experience\n${jobs}\nEducation\n${degrees}\nCertifications\n${certificates}`)
  t.equal(cv.experience.length, 50)
  t.equal(cv.education.length, 20)
  t.equal(cv.certifications.length, 50)
  t.equal(cv.total_years_experience, 2)
})
