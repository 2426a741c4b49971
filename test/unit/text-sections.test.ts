import t from 'tap'
import { hasSection, headingKind, linesOf, splitSections } from '../../src/ai/local/text/sections.ts'

t.test('headings in any case, with colons and markdown', async (t) => {
  const cases: Array<[string, ReturnType<typeof headingKind>]> = [
    ['EXPERIENCE', 'experience'],
    ['Work history', 'experience'],
    ['Employment:', 'experience'],
    ['## Professional Experience', 'experience'],
    ['**Career History**', 'experience'],
    ['EDUCATION & TRAINING', 'education'],
    ['Education and Qualifications', 'education'],
    ['Technical Skills', 'skills'],
    ['Core Competencies', 'skills'],
    ['Skills & Tools', 'skills'],
    ['Summary', 'summary'],
    ['PROFESSIONAL PROFILE', 'summary'],
    ['About Me', 'summary'],
    ['About the role', 'summary'],
    ['Licenses & Certifications', 'certifications'],
    ['Languages', 'languages'],
    ['Requirements', 'requirements'],
    ['What you’ll need', 'requirements'],
    ['What we\'re looking for:', 'requirements'],
    ['Qualifications', 'requirements'],
    ['Required skills', 'requirements'],
    ['Nice to have', 'preferred'],
    ['Nice-to-haves', 'preferred'],
    ['Preferred Qualifications', 'preferred'],
    ['Bonus points', 'preferred'],
    ['Preferred skills', 'preferred'],
    ['Responsibilities', 'responsibilities'],
    ['What you\'ll do', 'responsibilities'],
    ['DUTIES AND RESPONSIBILITIES', 'responsibilities'],
    ['Key Responsibilities:', 'responsibilities'],
    ['What we offer', 'benefits'],
    ['Compensation & Benefits', 'benefits'],
    ['About us', 'about'],
    ['About Harbor & Finch', 'about'],
    ['# Publications', 'other'],
    ['Volunteer work', 'other']
  ]
  for (const [line, kind] of cases) t.equal(headingKind(line), kind, line)
})

t.test('sentences, bullets and long lines are not headings', async (t) => {
  for (const line of ['', 'Experience with Spark or Databricks', '- Skills', 'Daniel Okafor', 'Skills '.repeat(20)]) {
    t.equal(headingKind(line), null, line)
  }
})

t.test('sections in order, the text before the first heading is the preamble', async (t) => {
  const sections = splitSections('Jane Doe\r\njane@example.com\n\nSUMMARY\nBuilder.\n\nSkills:\nGo\n\n## Experience\nAcme')
  t.same(sections.map((section) => [section.kind, section.heading]), [
    ['preamble', null],
    ['summary', 'SUMMARY'],
    ['skills', 'Skills'],
    ['experience', 'Experience']
  ])
  t.same(sections[0]?.lines, ['Jane Doe', 'jane@example.com', ''])
  t.same(linesOf(sections, 'skills', 'summary'), ['Builder.', '', 'Go', ''])
  t.ok(hasSection(sections, 'experience'))
  t.notOk(hasSection(sections, 'education'))
})

t.test('a heading with content on its line is a one-line section', async (t) => {
  const sections = splitSections('Experience\nAcme, 2019 - 2021\nLanguages: English, French\nBlue Co, 2017 - 2019')
  t.same(linesOf(sections, 'languages'), ['English, French'])
  t.same(linesOf(sections, 'experience'), ['Acme, 2019 - 2021', 'Blue Co, 2017 - 2019'], 'the section goes on after it')
  t.same(linesOf(splitSections('Company: Acme\nLocation: Paris'), 'preamble'), ['Company: Acme', 'Location: Paris'], 'other labels are not headings')
})

t.test('inside a skills list, labels are skill categories', async (t) => {
  const sections = splitSections('Skills\nLanguages: Go, Rust\nTools: Jira')
  t.same(linesOf(sections, 'skills'), ['Languages: Go, Rust', 'Tools: Jira'])
  t.notOk(hasSection(sections, 'languages'))
})

t.test('no text, no sections', async (t) => {
  t.same(splitSections(''), [])
  t.same(splitSections('\n\n'), [])
})
