import t from 'tap'
import { findCompany, findJobLocation, findJobTitle } from '../../src/ai/local/text/job-header.ts'
import { toLines } from '../../src/ai/local/text/lines.ts'
import { splitSections } from '../../src/ai/local/text/sections.ts'

const company = (text: string) => findCompany(toLines(text), splitSections(text))

t.test('title: the labelled one, else the first line if it reads like a title', async (t) => {
  t.equal(findJobTitle(toLines('**Job Title:** Senior Backend Engineer (Node.js)\n**Company:** X')), 'Senior Backend Engineer (Node.js)')
  t.equal(findJobTitle(toLines('POSITION: Staff Accountant')), 'Staff Accountant')
  t.equal(findJobTitle(toLines('\n\n## Registered Nurse - ICU (Nights)\nMercy Valley')), 'Registered Nurse - ICU (Nights)')
  for (const text of ['', 'We are looking for an engineer.', 'Acme is hiring', 'Requirements', 'Contact: jobs@example.com', 'x'.repeat(130)]) {
    t.equal(findJobTitle(toLines(text)), null, text)
  }
})

t.test('a one-paragraph posting: "<Title> at <Company>" opening the text', async (t) => {
  const text = 'Senior Backend Engineer at Acme Robotics (Berlin, hybrid). 5+ years with Node.js required.'
  t.equal(findJobTitle(toLines(text)), 'Senior Backend Engineer')
  t.equal(company(text), 'Acme Robotics')
  t.equal(findJobTitle(toLines('We need help at Acme. Apply now.')), null, 'a sentence that does not open with a title')
  t.equal(company('Work at home. Apply now.'), null)
})

t.test('company: labelled, "About X", "X is hiring"', async (t) => {
  t.equal(company('Engineer\nCompany: Harbor & Finch'), 'Harbor & Finch')
  t.equal(company('Engineer\n\n## About Harbor & Finch\nWe build things.'), 'Harbor & Finch')
  t.equal(company('Engineer\nAbout us\nWe build.\nMercy Valley Hospital is hiring!'), 'Mercy Valley Hospital', '"About us" names nobody')
  t.equal(company('Nurse\nMercy Valley Hospital is looking for nurses'), 'Mercy Valley Hospital')
  t.equal(company('We are hiring engineers\nThe team is growing'), null)
  t.equal(company(''), null)
  t.equal(company(`Nurse\n${'A'.repeat(400)} is hiring`)?.length, 300, 'within the schema')
})

t.test('location: labelled (without the on-site note), else a place near the top, else anywhere', async (t) => {
  t.equal(findJobLocation(toLines('LOCATION: Columbus, OH (on-site)')), 'Columbus, OH')
  t.equal(findJobLocation(toLines('Location: Remote (US time zones)')), 'Remote (US time zones)')
  t.equal(findJobLocation(toLines('Location: (Hybrid)\nBerlin, Germany')), 'Berlin, Germany', 'a note alone is no place')
  t.equal(findJobLocation(toLines('Lumora Energy · Amsterdam, Netherlands (Hybrid – 3 days in office)')), 'Amsterdam, Netherlands')
  t.equal(findJobLocation(toLines('Engineer\n\n\n\n\n\n\n\n\nOur office is in Austin, TX')), 'Austin, TX')
  t.equal(findJobLocation(toLines('Engineer')), null)
})
