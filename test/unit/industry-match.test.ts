import t from 'tap'
import { matchIndustry } from '../../src/matching/industry-match.ts'

t.test('a job without industries is neutral, and always applies', async (t) => {
  t.same(matchIndustry([], ['software']), {
    breakdown: { score: 50, job: [], candidate: ['software'], overlap: [] },
    applies: true,
    explanations: ['The job names no industry, so industry is neutral']
  })
})

t.test('every job industry covered: full marks', async (t) => {
  const result = matchIndustry(['fintech', 'software'], ['software', 'healthcare', 'fintech'])
  t.same(result.breakdown, { score: 100, job: ['fintech', 'software'], candidate: ['software', 'healthcare', 'fintech'], overlap: ['fintech', 'software'] })
  t.same(result.explanations, ['Has worked in the job\'s industries: fintech, software'])
  t.same(matchIndustry(['real_estate'], ['real_estate']).explanations, ['Has worked in the job\'s industry: real estate'])
})

t.test('partial overlap: half for any, the rest by share', async (t) => {
  const result = matchIndustry(['fintech', 'banking', 'insurance'], ['banking'])
  t.equal(result.breakdown.score, 67)
  t.same(result.breakdown.overlap, ['banking'])
  t.same(result.explanations, ['Has worked in banking of the job\'s industries fintech, banking, insurance'])
})

t.test('no overlap scores 0', async (t) => {
  const result = matchIndustry(['gaming'], ['healthcare', 'healthcare'])
  t.same(result.breakdown, { score: 0, job: ['gaming'], candidate: ['healthcare'], overlap: [] })
  t.same(result.explanations, ['No industry in common: the job is in gaming, the candidate in healthcare'])
  t.same(matchIndustry(['gaming', 'gaming'], []).explanations, ['No industry found on the CV; the job is in gaming'])
})
