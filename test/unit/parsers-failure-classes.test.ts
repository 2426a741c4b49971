import t from 'tap'
import { Value } from 'typebox/value'
import { parseCvText } from '../../src/ai/local/cv-parser.ts'
import { parseJobText } from '../../src/ai/local/jd-parser.ts'
import { detectRoleCategory } from '../../src/ai/local/role-category.ts'
import { ParsedCv } from '../../src/ai/schemas.ts'

/**
 * The failure classes of issue 10, each reproduced with a minimal input as documents are really
 * sent (PDF text, markdown, flattened exports, other languages) and read at the mechanism that
 * fixes it. Every case failed before the fix.
 */

const TODAY = new Date('2025-06-15T00:00:00Z')

function cv (text: string): ParsedCv {
  const parsed = parseCvText(text, TODAY)
  if (!Value.Check(ParsedCv, parsed)) throw new Error('not a ParsedCv')
  return parsed
}

const jobs = (text: string) => cv(text).experience.map(({ title, company, start, end, current }) => ({ title, company, start, end, current }))

t.test('1. a date range split over two lines by PDF extraction: the current job is kept', async (t) => {
  t.same(jobs('Jane Doe\nExperience\nStaff Nurse | City Hospital | 2017 –\nPresent\n- cared for patients'), [
    { title: 'Staff Nurse', company: 'City Hospital', start: '2017', end: null, current: true }
  ])
  t.same(jobs('Jane Doe\nExperience\nExecutive Chef\nWestbrook Hotels    March 2023 to\nto date\n- ran the kitchen'), [
    { title: 'Executive Chef', company: 'Westbrook Hotels', start: '2023-03', end: null, current: true }
  ], '"to" ending one line, "to date" opening the next')
  t.same(jobs('Jane Doe\nExperience\nStaff Nurse | City Hospital | Jan 2019\n– Present'), [
    { title: 'Staff Nurse', company: 'City Hospital', start: '2019-01', end: null, current: true }
  ], 'the dash on the second line')
})

t.test('2. "present" words in English, German, French and Spanish; their month names; Europass day-first dates', async (t) => {
  const cases: Array<[string, string]> = [
    ['Jan 2019 - till date', '2019-01'], ['Jan 2019 to date', '2019-01'], ['Jan 2019 - now', '2019-01'], ['Jan 2019 - ongoing', '2019-01'],
    ['Jan 2019 – current', '2019-01'], ['03/2019 – heute', '2019-03'], ['März 2019 – bis heute', '2019-03'], ['Mai 2019 – aktuell', '2019-05'],
    ['janvier 2019 – présent', '2019-01'], ["févr. 2019 – aujourd'hui", '2019-02'], ['enero de 2019 – actualidad', '2019-01'],
    ['dic. 2019 – presente', '2019-12'], ['agosto 2019 - hoy', '2019-08'], ['01/08/2022 – CURRENT', '2022-08'], ['Nov 2018 → now', '2018-11']
  ]
  for (const [range, start] of cases) {
    t.same(jobs(`Jane Doe\nExperience\nStaff Nurse | City Hospital | ${range}`), [{ title: 'Staff Nurse', company: 'City Hospital', start, end: null, current: true }], range)
  }
  t.same(jobs('Jane Doe\nExperience\nStaff Nurse | City Hospital | 01/08/2020 – 01/04/2022').map(({ start, end }) => [start, end]), [['2020-08', '2022-04']], 'day first')
})

t.test('3. decorated and translated headings: degrees under them are education, not jobs', async (t) => {
  for (const heading of ['## 🎓 Education', 'EDUCATION ▸', '— EDUCATION —', 'E D U C A T I O N', '**Education:**', 'Ausbildung', 'Formation', 'Educación']) {
    const parsed = cv(`Jane Doe\n## 💼 Experience\nStaff Nurse | City Hospital | 2015 - 2016\n${heading}\nBSc Nursing, University of Cork, 2010 - 2014`)
    t.same(parsed.experience.map((job) => job.title), ['Staff Nurse'], heading)
    t.same(parsed.education.map((degree) => degree.level), ['bachelor'], heading)
  }
  const german = cv('Max Mustermann\nBerufserfahrung\nSoftwareentwickler | Siemens AG | 03/2019 – heute\nAusbildung\nB.Sc. Informatik, 2014 – 2018\nKenntnisse\nJava, Kotlin')
  t.same(german.experience.map((job) => [job.title, job.start, job.current]), [['Softwareentwickler', '2019-03', true]])
  t.same(german.skills, ['java', 'kotlin'])
})

t.test('4. a title with " / " keeps the whole job', async (t) => {
  t.same(jobs('Jane Doe\nExperience\nSenior Staff RN / Charge Nurse | Mercy Hospital | Jan 2020 – Present'), [
    { title: 'Senior Staff RN / Charge Nurse', company: 'Mercy Hospital', start: '2020-01', end: null, current: true }
  ])
})

t.test('5. flattened text: sections and entries are found, education and certificates are not experience', async (t) => {
  const parsed = cv('Jade Thompson jade.t@example.com 555-0147 Leeds Friendly retail assistant. EXPERIENCE Retail Sales Associate, Marigold Home Stores, Leeds August 2023 - Present Helped customers choose furniture. Team Member, Bean There Coffee, Leeds June 2021 - July 2023 Served customers. EDUCATION BTEC Level 3 Extended Diploma in Business Leeds City College 2019 - 2021 CERTIFICATIONS Food Hygiene Level 2 2020 - 2023 SKILLS Customer service, Visual merchandising, Till operation')
  t.equal(parsed.name, 'Jade Thompson')
  t.same(parsed.experience.map((job) => [job.title, job.start, job.end]), [['Retail Sales Associate', '2023-08', null], ['Team Member', '2021-06', '2023-07']])
  t.equal(parsed.total_years_experience, 4.1, 'Jun 2021 – Jun 2025, education and the certificate not counted')
  t.same(parsed.education.map((degree) => degree.level), ['vocational'])
  t.ok(parsed.skills.includes('till operation'), 'the flattened skills list is read too')
})

t.test('6. one-line and separator-rich entries', async (t) => {
  t.same(jobs('Jane Doe\nExperience\nWeb Developer, Sakura Apps (April 2023 – present): built apps in React and kept them fast for every user.\nStaff Nurse, ICU — Cork University Hospital — March 2022 – present'), [
    { title: 'Web Developer', company: 'Sakura Apps', start: '2023-04', end: null, current: true },
    { title: 'Staff Nurse', company: 'Cork University Hospital', start: '2022-03', end: null, current: true }
  ])
  t.equal(cv('Jane Doe\nExperience\nWeb Developer, Sakura Apps (April 2023 – present): built apps in React.').experience[0]?.description, 'built apps in React.', 'what follows the range is the description')
})

t.test('7. skills listed beyond the taxonomy are kept, normalised and marked', async (t) => {
  const parsed = cv('Freya Jenkins\nExecutive Chef\nSKILLS\nTandoor cooking, Food safety, Sugar\nwork, Python\n`Fermentation Programme` `Tandoor Cooking`')
  for (const skill of ['tandoor cooking', 'sugar work', 'fermentation programme']) t.ok(parsed.skills.includes(skill), skill)
  t.ok(parsed.skills.includes('python'))
  t.same(parsed.skills_unlisted, ['tandoor cooking', 'sugar work', 'fermentation programme'], 'only the unknown ones are marked, normalised, once each')
  const linkedIn = cv('Top Skills\nEpic EHR\nInfection control\n\nOmar Byrne\nSenior Staff RN / Charge Nurse\nDenver, CO\n\nSummary\nNurse.')
  t.notOk(linkedIn.skills.some((skill) => /omar|charge nurse|denver/.test(skill)), `name, title and place are not skills: ${linkedIn.skills.join(', ')}`)
})

t.test('8. names, employers and contact details are not skills', async (t) => {
  const parsed = cv('Mary Jenkins\nmary.jenkins@example.com\nExperience\nSoftware Engineer | OpenAI | 2020 - 2024\n- Built services in Python\n\nMary Jenkins – CV – Page 2')
  t.notOk(parsed.skills.includes('jenkins'), 'the candidate is called Jenkins')
  t.notOk(parsed.skills.includes('openai api'), 'working at OpenAI is not the OpenAI API')
  t.ok(parsed.skills.includes('python'))
  t.ok(cv('Ann Lee\nExperience\nDevOps Engineer | Acme | 2020 - 2024\n- CI pipelines in Jenkins').skills.includes('jenkins'), 'the tool is still read when it is not the name')
})

t.test('9. job-posting requirement formats', async (t) => {
  const min = (text: string) => parseJobText(`Cook\n${text}`).min_years_experience
  t.equal(min('Experience: total work: 2 years (Required)'), 2)
  t.equal(min('- pharmacy: 1 year (Required)'), 1)
  t.equal(min('Requirements\nAt least 6 months of line cook experience'), 0.5)
  t.equal(min('Requirements\nminimum of three years teaching experience'), 3)
  t.equal(min('Requirements\ntwo+ years of classroom experience'), 2)
  t.equal(min('Requirements\nThree or more years of experience building models.'), 3)
  t.equal(min('Requirements\n2-5 years PQE in a commercial team'), 2)
})

t.test('10. posting locations in the usual forms, and the tail out of the title', async (t) => {
  const cases: Array<[string, string, string]> = [
    ['Senior Backend Engineer at Acme (Berlin, hybrid)', 'Senior Backend Engineer', 'Berlin'],
    ['Data Engineer (m/f/d) – Amsterdam, hybrid', 'Data Engineer', 'Amsterdam'],
    ['Qualified Electrician in Bristol', 'Qualified Electrician', 'Bristol'],
    ['Account Executive in Dallas, TX', 'Account Executive', 'Dallas, TX'],
    ['Sous Chef\nThe Copper Kettle · Edinburgh · Full-time', 'Sous Chef', 'Edinburgh']
  ]
  for (const [text, title, location] of cases) {
    const job = parseJobText(`${text}\nWe are growing.`)
    t.same([job.title, job.location], [title, location], text)
  }
  t.equal(parseJobText('Senior Financial Analyst (FP&A) (m/f/d) – Paris, hybrid').title, 'Senior Financial Analyst (FP&A)')
})

t.test('11. non-software Engineer titles are engineering, not software', async (t) => {
  t.equal(detectRoleCategory('Project Engineer (Civil)', 'We design bridges and water networks.'), 'engineering_hardware')
  t.equal(parseJobText('Project Engineer (Civil)\nSite supervision, AutoCAD.').role_category, 'engineering_hardware')
  t.equal(parseJobText('Pharmacy Technician\nDispensing prescriptions.').role_category, 'healthcare_clinical')
})

t.test('12. a degree on its own line is education, not a job', async (t) => {
  const parsed = cv('Jane Doe\nBackend Engineer, Initech, Jan 2017 - Present\nBSc Computer Science\nSKILLS\nNode.js')
  t.same(parsed.experience.map((job) => job.title), ['Backend Engineer'])
  t.equal(parsed.experience[0]?.description, null, 'not the job\'s description either')
  t.same(parsed.education.map((degree) => [degree.degree, degree.level]), [['BSc Computer Science', 'bachelor']])
  t.same(cv('Jane Doe\nMaster Electrician, Sparks Ltd, 2015 - 2020').experience.map((job) => job.title), ['Master Electrician'], 'a job named with a degree word is still a job')
})

t.test('14. unknown is not zero: no dated job gives null years with the reason', async (t) => {
  const undated = cv('Jane Doe\nExperience\nStaff Nurse at City Hospital\nCared for patients')
  t.equal(undated.total_years_experience, null)
  t.equal(undated.experience_unknown_reason, 'no_dated_experience')
  const none = cv('Jane Doe\nSkills\nPython')
  t.equal(none.total_years_experience, null)
  t.equal(none.experience_unknown_reason, 'no_experience_found')
  const dated = cv('Jane Doe\nExperience\nStaff Nurse | City Hospital | Jan 2024 - Dec 2024')
  t.same([dated.total_years_experience, dated.experience_unknown_reason], [1, null])
})

t.test('industries come from the role and the business, not from the benefits', async (t) => {
  const job = parseJobText('Software Engineer\nWe build payment APIs for banks.\nBenefits\nDiscounts with retailers, staff discount, gym membership')
  t.notOk(job.industries.includes('retail'), job.industries.join(', '))
})

t.test('degrees by their national names and listed two-letter degrees are education', async (t) => {
  const levels = (line: string) => cv(`Jane Doe\nEducation\n${line}`).education.map((degree) => degree.level)
  t.same(levels('BA Business Administration, University of Leeds, 2012'), ['bachelor'])
  t.same(levels('BEd Primary Education — Birmingham City University'), ['bachelor'])
  t.same(levels('PGCE Secondary Mathematics, 2015'), ['master'])
  t.same(levels('HND Business, Leeds City College'), ['associate'])
  t.same(levels('NVQ Level 3 Electrotechnical Installation'), ['vocational'])
  t.same(levels('Grado en Derecho, Universidad de Sevilla'), ['bachelor'])
  t.same(levels('Máster en Ingeniería de Caminos, Canales y Puertos'), ['master'])
  t.same(levels('Gesellenprüfung Elektroniker für Energie- und Gebäudetechnik'), ['vocational'])
  t.same(cv('Jane Doe\nSkills\nMS Excel, Word').education, [], 'outside an education section "MS Excel" is not a degree')
  t.equal(cv('Currículum Vítae\nElena Jenkins\nelena@example.com').name, 'Elena Jenkins', 'the heading of a Spanish CV is not its owner')
})

t.test('8b. incidental phrases: someone else\'s work is not the writer\'s skill', async (t) => {
  const skills = (line: string) => cv(`Jane Doe\nExperience\nStaff Nurse | City Hospital | 2019 - 2024\n- ${line}`).skills
  t.notOk(skills('Referred patients to physical therapy after falls').includes('physical therapy'))
  t.notOk(skills('Collaborated with physical therapists on rehabilitation plans').includes('physical therapy'))
  t.notOk(skills('Liaised with occupational therapy on discharge').includes('occupational therapy'))
  t.ok(skills('Delivered physical therapy to post-operative patients').includes('physical therapy'), 'the writer\'s own work still counts')
  t.ok(cv('Jane Doe\nSkills\nRehabilitation, wound care').skills.includes('physical therapy'), '"rehabilitation" in a list of skills still reads as one')
})

t.test('edges of the date and title grammars', async (t) => {
  t.same(jobs('Jane Doe\nExperience\nStaff Nurse | City Hospital | 08/25/2020 – 01/04/2022').map(({ start, end }) => [start, end]), [['2020-08', '2022-04']], 'a US month-first date when the day cannot be a month')
  const flattened = cv('Ann Lee ann@example.com. EXPERIENCE Staff Nurse, City Hospital, Cork 2019 - 2021 on a surgical ward, then charge nurse. Staff Nurse, Mercy Hospital, Cork 2021 - 2023 Led the night shift and trained new starters on the ward for two years.')
  t.same(flattened.experience.map((job) => [job.company, job.start]), [['City Hospital', '2019'], ['Mercy Hospital', '2021']], 'a range followed by lower case stays on its line')
  const remote = parseJobText('Backend Engineer at Acme (hybrid)\nWe build APIs.')
  t.same([remote.title, remote.location], ['Backend Engineer', null], 'a note with only the arrangement names no place')
})
