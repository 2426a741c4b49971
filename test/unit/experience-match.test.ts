import t from 'tap'
import { matchExperience } from '../../src/matching/experience-match.ts'
import { cv, job } from '../helpers/fit-fixtures.ts'

function experience (min: number | null, max: number | null, years: number | null) {
  return matchExperience(job({ min_years_experience: min, max_years_experience: max }), cv({ total_years_experience: years }))
}

t.test('a job without years does not apply', async (t) => {
  const result = experience(null, null, 3)
  t.same(result, {
    breakdown: { score: 100, required_min_years: null, required_max_years: null, candidate_years: 3, candidate_years_unknown_reason: null },
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

t.test('unknown years are not zero years: experience does not apply, and the breakdown says why', async (t) => {
  const unknown = matchExperience(job({ min_years_experience: 5, max_years_experience: null }), cv({ total_years_experience: null, experience_unknown_reason: 'no_dated_experience' }))
  t.same(unknown, {
    breakdown: { score: 100, required_min_years: 5, required_max_years: null, candidate_years: null, candidate_years_unknown_reason: 'no_dated_experience' },
    applies: false,
    explanations: ['Years of experience unknown (no dated jobs found on the CV), so experience against 5+ required is not scored']
  })
  t.equal(experience(5, null, 0).breakdown.score, 0, 'zero known years still score 0 against a minimum')
  const neither = experience(null, null, null)
  t.equal(neither.applies, false)
  t.equal(neither.breakdown.candidate_years_unknown_reason, 'no_dated_experience', 'a model answer without a reason still gets one')
  t.same(neither.explanations, ['The job asks for no particular years of experience, and the CV shows no dated jobs'])
})
