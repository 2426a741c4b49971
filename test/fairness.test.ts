import t from 'tap'
import { loadCorpus } from '../eval/corpus.ts'
import { buildTestApp } from './helpers/app.ts'

/**
 * The fairness guard: who a candidate is must not move their score. Every CV of the corpus is
 * sent twice in one ranking, once as written and once with the person swapped — another name
 * (of another gender and origin, some of them words a parser could mistake for skills), the
 * other pronouns, another e-mail address and domain, a photo caption — and every pair must score
 * within 1 point, against one job of every profession.
 */

const SWAPS = [
  { first: 'Grace', last: 'Jenkins', email: 'grace.jenkins@mail.example.net' },
  { first: 'Mohammed', last: 'Al-Rashid', email: 'm.alrashid@example.org' },
  { first: 'Aaliyah', last: 'Washington', email: 'aaliyah.w@inbox.example' },
  { first: 'Nguyen', last: 'Van Minh', email: 'minh.nguyen@example.vn' },
  { first: 'Ruby', last: 'Swift', email: 'ruby.swift@example.com' },
  { first: 'Jesús', last: 'Ortega', email: 'jortega@correo.example' }
]

const PRONOUNS: Record<string, string> = { he: 'she', she: 'he', him: 'her', his: 'her', her: 'his', hers: 'his', himself: 'herself', herself: 'himself' }

function escape (text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function matchCase (word: string, replacement: string): string {
  return word[0] === word[0]?.toUpperCase() ? replacement[0]?.toUpperCase() + replacement.slice(1) : replacement
}

/** The same CV about another person: name (whole, then its parts), e-mail, pronouns, a photo caption. */
function swapPerson (text: string, name: string, email: string | null, index: number): string {
  const swap = SWAPS[index % SWAPS.length] as (typeof SWAPS)[number]
  const [first, ...rest] = name.split(/\s+/)
  let swapped = text.replace(new RegExp(escape(name), 'g'), `${swap.first} ${swap.last}`)
  swapped = swapped.replace(new RegExp(escape(name.toUpperCase()), 'g'), `${swap.first} ${swap.last}`.toUpperCase())
  if (email !== null) swapped = swapped.replaceAll(email, swap.email)
  if (first !== undefined && first.length > 2) swapped = swapped.replace(new RegExp(`\\b${escape(first)}\\b`, 'g'), swap.first)
  const last = rest.at(-1)
  if (last !== undefined && last.length > 2) swapped = swapped.replace(new RegExp(`\\b${escape(last)}\\b`, 'g'), swap.last)
  swapped = swapped.replace(/\b(he|she|him|his|her|hers|himself|herself)\b/gi, (word) => matchCase(word, PRONOUNS[word.toLowerCase()] as string))
  return `[Photo: ${swap.first} ${swap.last}, smiling]\n${swapped}`
}

t.test('swapping names, pronouns, e-mails and photo captions moves no overall score by more than 1 point', async (t) => {
  const corpus = loadCorpus(['dev', 'heldout'])
  const { app } = await buildTestApp(t, { RANK_MAX_CVS: '1000' })
  const cvs = corpus.cvs.flatMap(({ text, truth }, index) => [
    { id: `${truth.id}`, cv: text },
    { id: `${truth.id}~swapped`, cv: swapPerson(text, truth.name, truth.email, index) }
  ])
  t.ok(cvs.filter((entry) => entry.id.endsWith('~swapped')).every((entry, index) => entry.cv !== cvs[2 * index]?.cv), 'every swapped CV differs from its original')
  const jobPerFamily = [...new Map(corpus.jds.map((jd) => [jd.truth.family, jd])).values()]
  t.ok(jobPerFamily.length >= 15, `${jobPerFamily.length} professions`)

  let pairs = 0
  const moved: string[] = []
  for (const jd of jobPerFamily) {
    const response = await app.inject({ method: 'POST', url: '/api/rank', payload: { jd: jd.text, cvs } })
    t.equal(response.statusCode, 200, jd.truth.id)
    const { ranked, errors } = response.json() as { ranked: Array<{ id: string, overall: number }>, errors: unknown[] }
    t.same(errors, [], `${jd.truth.id}: every CV scored`)
    const overall = new Map(ranked.map((entry) => [entry.id, entry.overall]))
    for (const { truth } of corpus.cvs) {
      const original = overall.get(truth.id) as number
      const swapped = overall.get(`${truth.id}~swapped`) as number
      pairs++
      if (Math.abs(original - swapped) > 1) moved.push(`${truth.id} for ${jd.truth.id}: ${original} -> ${swapped}`)
    }
  }
  t.ok(pairs >= 15 * corpus.cvs.length, `${pairs} CV/job pairs compared`)
  t.same(moved, [], 'no score moved by more than 1 point')
})
