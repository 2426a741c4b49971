import t from 'tap'
import { matchExperience } from '../../src/matching/experience-match.ts'
import { cv, job } from '../helpers/fit-fixtures.ts'

function experience (min: number | null, max: number | null, years: number) {
  return matchExperience(job({ min_years_experience: min, max_years_experience: max }), cv({ total_years_experience: years }))
}

t.test('a job without years does not apply', async (t) => {
  const result = experience(null, null, 3)
  t.same(result, {
    breakdown: { score: 100, required_min_years: null, required_max_years: null, candidate_years: 3, relevance: 1 },
    applies: false,
    explanations: ['The job asks for no particular years of experience']
  })
})

t.test('at or above the minimum: full marks', async (t) => {
  const result = experience(5, null, 8.54)
  t.equal(result.applies, true)
  t.equal(result.breakdown.score, 100)
  t.same(result.explanations, ['8.5 years of experience against 5+ required'])
  t.equal(experience(5, null, 5).breakdown.score, 100)
})

t.test('below the minimum: the share of it the candidate has', async (t) => {
  t.equal(experience(5, null, 4).breakdown.score, 80)
  t.equal(experience(3, 6, 1).breakdown.score, 33)
  t.same(experience(3, 6, 1).explanations, ['1 year of experience against 3–6 required'])
  t.equal(experience(2, null, 0).breakdown.score, 0)
})

t.test('above the maximum: 5 points per extra year, never below 60', async (t) => {
  t.equal(experience(null, 3, 3).breakdown.score, 100)
  t.equal(experience(null, 3, 5).breakdown.score, 90)
  t.same(experience(null, 3, 5).explanations, ['5 years of experience against at most 3 asked for'])
  t.equal(experience(2, 4, 30).breakdown.score, 60)
})

t.test('a minimum of 0 is met by anyone, and an exact figure reads as one', async (t) => {
  const none = experience(0, null, 0)
  t.equal(none.applies, true)
  t.equal(none.breakdown.score, 100)
  t.same(none.explanations, ['0 years of experience against none required'])
  t.same(experience(4, 4, 4).explanations, ['4 years of experience against 4 required'])
})
