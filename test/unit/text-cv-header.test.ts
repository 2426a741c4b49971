import t from 'tap'
import { parseCvHeader } from '../../src/ai/local/text/cv-header.ts'
import { toLines } from '../../src/ai/local/text/lines.ts'
import { personName } from '../../src/ai/local/text/person-name.ts'

t.test('names as CVs write them', async (t) => {
  const cases: Array<[string, string | null]> = [
    ['Daniel Okafor', 'Daniel Okafor'],
    ['MARIA L. SANTOS, RN, BSN', 'Maria L. Santos'],
    ['JESSICA MORGAN-REID', 'Jessica Morgan-Reid'],
    ['# Priya Raman', 'Priya Raman'],
    ['Name: Seán O’Connor', 'Seán O’Connor'],
    ['Jean-Luc van der Berg', 'Jean-Luc van der Berg'],
    ['Ronald McDonald', 'Ronald McDonald'],
    ['SHAQUILLE O\'NEAL', 'Shaquille O\'Neal'],
    ['Senior Backend Engineer', null],
    ['Curriculum Vitae', null],
    ['Work Experience', null],
    ['daniel@example.com', null],
    ['Madonna', null],
    ['J. R.', null],
    ['Ann Lee 2019', null],
    ['One Two Three Four Five Six', null]
  ]
  for (const [line, name] of cases) t.equal(personName(line), name, line)
})

t.test('the header: name, headline under it, contact details', async (t) => {
  const text = 'RESUME\nAna Lima\nPlatform Engineer\nLisbon, Portugal · ana@example.com · +351 912 345 678 · https://ana.example.com\n\nExperience'
  t.same(parseCvHeader(toLines(text), text), {
    name: 'Ana Lima',
    headline: 'Platform Engineer',
    contact: { email: 'ana@example.com', phone: '+351 912 345 678', location: 'Lisbon, Portugal', links: ['https://ana.example.com'] }
  })
})

t.test('no headline when the line under the name is contact details, prose or a heading', async (t) => {
  for (const second of ['ana@example.com', '+1 555 201 7788', 'Denver, CO', 'linkedin.com/in/ana', 'Summary', 'I am an engineer who has built many things over many years and loves to talk about them at length.']) {
    const text = `Ana Lima\n${second}`
    t.equal(parseCvHeader(toLines(text), text).headline, null, second)
  }
  t.equal(parseCvHeader(['Ana Lima'], 'Ana Lima').headline, null, 'nothing under the name')
})

t.test('a labelled location wins; no name, no headline', async (t) => {
  const text = 'CURRICULUM VITAE\nLocation: Remote, anywhere in Europe\nSkills'
  const header = parseCvHeader(toLines(text), text)
  t.equal(header.name, null)
  t.equal(header.headline, null)
  t.equal(header.contact.location, 'Remote, anywhere in Europe')
})

t.test('at most 20 links, each within the schema', async (t) => {
  const text = 'Ana Lima\n' + Array.from({ length: 25 }, (_, i) => `https://example.com/${i}/${'x'.repeat(600)}`).join(' ')
  const { links } = parseCvHeader(toLines(text), text).contact
  t.equal(links.length, 20)
  t.ok(links.every((link) => link.length <= 500))
})
