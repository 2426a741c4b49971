import t from 'tap'
import type { ParsedCv, ParsedJob } from '../../src/ai/schemas.ts'
import { embedOnce } from '../../src/matching/embeddings.ts'
import { matchSkills, skillTexts } from '../../src/matching/skill-match.ts'
import { skillThresholdsFor } from '../../src/matching/skill-thresholds.ts'
import { at, cv, fakeEmbedder, job } from '../helpers/fit-fixtures.ts'

const LEXICAL = skillThresholdsFor('jobfit-lexical-v1')

async function match (jd: ParsedJob, candidate: ParsedCv, coordinates: Record<string, number[]> = {}) {
  const fake = fakeEmbedder(coordinates)
  const embeddings = await embedOnce(skillTexts(jd, candidate), fake.embed)
  return { ...matchSkills(jd, candidate, embeddings, LEXICAL), calls: fake.calls }
}

t.test('the same canonical name matches with similarity 1, whatever the case and spacing', async (t) => {
  const jd = job({ required_skills: ['Python', ' sql'] })
  const candidate = cv({ skills: ['SQL', 'python'] })
  t.same(skillTexts(jd, candidate), [], 'nothing to embed')
  const { breakdown, applies, explanations } = await match(jd, candidate)
  t.equal(applies, true)
  t.same(breakdown.required, [
    { skill: 'python', best_match: 'python', similarity: 1, matched: true },
    { skill: 'sql', best_match: 'sql', similarity: 1, matched: true }
  ])
  t.equal(breakdown.score, 100)
  t.same(explanations, ['Matches 2 of 2 required skills'])
})

t.test('a close equivalent matches by embedding, and is named in the explanation', async (t) => {
  const jd = job({ required_skills: ['postgresql', 'python'] })
  const candidate = cv({ skills: ['python', 'postgres database', 'excel'] })
  t.same(skillTexts(jd, candidate), ['postgresql', 'python', 'postgres database', 'excel'])
  const { breakdown, explanations } = await match(jd, candidate, { postgresql: [1, 0], 'postgres database': at(0.9) })
  t.same(breakdown.required[0], { skill: 'postgresql', best_match: 'postgres database', similarity: 0.9, matched: true })
  t.same(breakdown.missing_required, [])
  t.equal(breakdown.score, 100)
  t.same(explanations, ['Matches 2 of 2 required skills', 'Counted as equivalent: postgres database for postgresql'])
})

t.test('matched from the threshold on, judged on the similarity as reported (3 decimals)', async (t) => {
  t.same(LEXICAL, { match: 0.75, partialFloor: 0.6 }, 'the lexical embedder\'s thresholds')
  const jd = job({ required_skills: ['a', 'b', 'c'] })
  const candidate = cv({ skills: ['near a', 'near b', 'near c'] })
  const { breakdown } = await match(jd, candidate, {
    a: [1, 0, 0, 0, 0, 0],
    'near a': [...at(0.75), 0, 0, 0, 0],
    b: [0, 0, 1, 0, 0, 0],
    'near b': [0, 0, ...at(0.7496), 0, 0],
    c: [0, 0, 0, 0, 1, 0],
    'near c': [0, 0, 0, 0, ...at(0.7494)]
  })
  t.same(breakdown.required.map(({ similarity, matched }) => ({ similarity, matched })), [
    { similarity: 0.75, matched: true },
    { similarity: 0.75, matched: true },
    { similarity: 0.749, matched: false }
  ])
  t.same(breakdown.missing_required, ['c'])
})

t.test('a near miss earns partial credit, an unrelated skill none (and has no closest CV skill)', async (t) => {
  const jd = job({ required_skills: ['kafka', 'terraform'] })
  const candidate = cv({ skills: ['rabbitmq', 'photoshop'] })
  const { breakdown, explanations } = await match(jd, candidate, { kafka: [1, 0], rabbitmq: at(0.7) })
  t.same(breakdown.required, [
    { skill: 'kafka', best_match: 'rabbitmq', similarity: 0.7, matched: false },
    // Nothing on the CV is similar at all: no "closest" skill rather than an arbitrary one.
    { skill: 'terraform', best_match: null, similarity: 0, matched: false }
  ])
  // kafka: half credit scaled by (0.7 - 0.6) / (0.75 - 0.6); terraform: nothing.
  t.equal(breakdown.score, 17)
  t.same(explanations, ['Matches 0 of 2 required skills; missing: kafka, terraform'])
})

t.test('a required skill weighs twice a preferred one', async (t) => {
  const jd = job({ required_skills: ['go', 'rust'], preferred_skills: ['docker'] })
  const candidate = cv({ skills: ['go', 'docker'] })
  const { breakdown, explanations } = await match(jd, candidate)
  // (2 × 1 + 2 × 0 + 1 × 1) / 5
  t.equal(breakdown.score, 60)
  t.same(breakdown.missing_required, ['rust'])
  t.same(breakdown.missing_preferred, [])
  t.same(explanations, ['Matches 1 of 2 required skills; missing: rust', 'Matches 1 of 1 preferred skills'])
})

t.test('a skill both required and preferred is only required; duplicates count once', async (t) => {
  const jd = job({ required_skills: ['aws', 'AWS', 'java'], preferred_skills: ['java', 'scala', 'scala'] })
  const { breakdown } = await match(jd, cv({ skills: ['aws'] }))
  t.same(breakdown.required.map((match) => match.skill), ['aws', 'java'])
  t.same(breakdown.preferred.map((match) => match.skill), ['scala'])
  t.same(breakdown.missing_preferred, ['scala'])
})

t.test('a CV without skills misses everything, with nothing to embed', async (t) => {
  const jd = job({ required_skills: ['react'], preferred_skills: ['graphql'] })
  const { breakdown, calls, explanations } = await match(jd, cv())
  t.same(calls, [])
  t.same(breakdown.required, [{ skill: 'react', best_match: null, similarity: 0, matched: false }])
  t.same(breakdown.missing_preferred, ['graphql'])
  t.equal(breakdown.score, 0)
  t.same(explanations, ['Matches 0 of 1 required skills; missing: react', 'Matches 0 of 1 preferred skills; missing: graphql'])
})

t.test('a job without skills does not apply', async (t) => {
  const { breakdown, applies, explanations, calls } = await match(job(), cv({ skills: ['python'] }))
  t.equal(applies, false)
  t.same(calls, [])
  t.same(breakdown, { score: 100, required: [], preferred: [], missing_required: [], missing_preferred: [] })
  t.same(explanations, ['The job lists no skills, so skills do not count'])
})

t.test('only preferred skills: one line, and long lists are cut', async (t) => {
  const preferred = ['s1', 's2', 's3', 's4', 's5', 's6', 's7']
  const { applies, explanations } = await match(job({ preferred_skills: preferred }), cv({ skills: ['s1'] }))
  t.equal(applies, true)
  t.same(explanations, ['Matches 1 of 7 preferred skills; missing: s2, s3, s4, s5, s6 and 1 more'])
})
