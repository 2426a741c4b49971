import t from 'tap'
import type { ParsedCv, ParsedJob, RoleCategory } from '../../src/ai/schemas.ts'
import { embedOnce } from '../../src/matching/embeddings.ts'
import { matchRole, roleCategoryScore, titleTexts } from '../../src/matching/role-match.ts'
import { skillThresholdsFor } from '../../src/matching/skill-thresholds.ts'
import { at, cv, fakeEmbedder, job, position } from '../helpers/fit-fixtures.ts'

const LEXICAL = skillThresholdsFor('jobfit-lexical-v1')

async function match (jd: ParsedJob, candidate: ParsedCv, category: RoleCategory, coordinates: Record<string, number[]> = {}) {
  const fake = fakeEmbedder(coordinates)
  const embeddings = await embedOnce(titleTexts(jd, candidate, category), fake.embed)
  return { ...matchRole(jd, candidate, category, embeddings, LEXICAL), calls: fake.calls }
}

t.test('category scores: same, related either way round, unrelated, unknown', async (t) => {
  t.equal(roleCategoryScore('data_science', 'data_science'), 100)
  t.equal(roleCategoryScore('data_science', 'data_engineering'), 60)
  t.equal(roleCategoryScore('data_engineering', 'data_science'), 60)
  t.equal(roleCategoryScore('devops_sre', 'software_engineering'), 60)
  t.equal(roleCategoryScore('software_engineering', 'healthcare_clinical'), 0)
  t.equal(roleCategoryScore('other', 'sales'), 50)
  t.equal(roleCategoryScore('sales', 'other'), 50)
  t.equal(roleCategoryScore('other', 'other'), 50)
})

t.test('the same category: full marks, no titles compared', async (t) => {
  const jd = job({ title: 'Backend Engineer', role_category: 'software_engineering' })
  const candidate = cv({ experience: [position('Software Developer')] })
  t.same(titleTexts(jd, candidate, 'software_engineering'), [])
  const result = await match(jd, candidate, 'software_engineering')
  t.same(result.breakdown, { score: 100, job: 'software_engineering', candidate: 'software_engineering', title_match: null })
  t.same(result.explanations, ['Same role category: software engineering'])
  t.equal(result.applies, true)
})

t.test('titles are compared only when there are some on both sides', async (t) => {
  const candidate = cv({ experience: [position('Nurse'), position(null), position('  ')] })
  t.same(titleTexts(job({ title: null }), candidate, 'healthcare_clinical'), [])
  t.same(titleTexts(job({ title: ' ' }), candidate, 'healthcare_clinical'), [])
  t.same(titleTexts(job({ title: 'Engineer' }), cv({ experience: [position(null)] }), 'healthcare_clinical'), [])
  t.same(titleTexts(job({ title: 'Engineer' }), candidate, 'healthcare_clinical'), ['Engineer', 'Nurse'])
})

t.test('a related category earns partial credit', async (t) => {
  const jd = job({ title: 'Data Scientist', role_category: 'data_science' })
  const candidate = cv({ experience: [position('ETL Developer')] })
  const result = await match(jd, candidate, 'data_engineering')
  t.same(result.calls, [['data scientist', 'etl developer']])
  t.same(result.breakdown, {
    score: 60,
    job: 'data_science',
    candidate: 'data_engineering',
    title_match: { job_title: 'Data Scientist', candidate_title: 'ETL Developer', similarity: 0 }
  })
  t.same(result.explanations, ['Related role category: data engineering for a data science job'])
})

t.test('having held a title close to the job\'s raises the score to the similarity', async (t) => {
  t.equal(LEXICAL.match, 0.75, 'titles use the embedder\'s match threshold')
  const jd = job({ title: 'Data Engineer', role_category: 'data_engineering' })
  const candidate = cv({ experience: [position('Backend Developer'), position('Big Data Engineer'), position('Junior Data Engineer')] })
  const result = await match(jd, candidate, 'software_engineering', {
    'data engineer': [1, 0, 0],
    'big data engineer': [...at(0.85), 0],
    'junior data engineer': [...at(0.85), 0]
  })
  t.same(result.breakdown.title_match, { job_title: 'Data Engineer', candidate_title: 'Big Data Engineer', similarity: 0.85 })
  t.equal(result.breakdown.score, 85)
  t.same(result.explanations, [
    'Related role category: software engineering for a data engineering job',
    'Has held a similar title: "Big Data Engineer" for "Data Engineer"'
  ])
})

t.test('a title below the threshold does not count', async (t) => {
  const jd = job({ title: 'Registered Nurse', role_category: 'healthcare_clinical' })
  const candidate = cv({ experience: [position('Nurse Software Engineer')] })
  const result = await match(jd, candidate, 'software_engineering', { 'registered nurse': [1, 0], 'nurse software engineer': at(0.74) })
  t.equal(result.breakdown.score, 0)
  t.equal(result.breakdown.title_match?.similarity, 0.74)
  t.same(result.explanations, ['Different role category: software engineering for a healthcare clinical job'])
})

t.test('an unknown category without titles to compare is neutral', async (t) => {
  const result = await match(job({ role_category: 'other' }), cv(), 'sales')
  t.equal(result.breakdown.score, 50)
  t.same(result.explanations, ['Role category not recognized, so the role is neutral'])
})

t.test('an unknown category with titles: the titles decide, partial credit up to the neutral 50', async (t) => {
  const jd = job({ title: 'Sous Chef', role_category: 'other' })
  const chef = await match(jd, cv({ experience: [position('Chef de Partie')] }), 'other', { 'sous chef': [1, 0], 'chef de partie': at(0.8) })
  t.equal(chef.breakdown.score, 80, 'a title at or above the match threshold: its similarity')
  t.match(chef.explanations, [/titles decide: "Chef de Partie" is the closest to "Sous Chef" \(similarity 0.8\)/])
  const cook = await match(jd, cv({ experience: [position('Kitchen Porter')] }), 'operations', { 'sous chef': [1, 0], 'kitchen porter': at(0.675) })
  t.equal(cook.breakdown.score, 25, 'halfway between the floor (0.6) and the threshold (0.75): half of 50')
  const engineer = await match(jd, cv({ experience: [position('Site Engineer')] }), 'engineering_hardware', { 'sous chef': [1, 0], 'site engineer': at(0.2) })
  t.equal(engineer.breakdown.score, 0, 'an unrelated title: nothing')
})
