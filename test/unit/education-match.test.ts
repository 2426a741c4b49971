import t from 'tap'
import type { EducationEntry, EducationLevel } from '../../src/ai/schemas.ts'
import { matchEducation } from '../../src/matching/education-match.ts'
import { cv, job } from '../helpers/fit-fixtures.ts'

function degree (level: EducationLevel | null): EducationEntry {
  return { degree: null, level, field: null, institution: null, start: null, end: null }
}

function education (required: EducationLevel | null, ...levels: Array<EducationLevel | null>) {
  return matchEducation(job({ education: { minimum_level: required, fields: [] } }), cv({ education: levels.map(degree) }))
}

t.test('a job without a minimum level does not apply', async (t) => {
  t.same(education(null, 'master'), {
    breakdown: { score: 100, required_level: null, candidate_level: 'master' },
    applies: false,
    explanations: ['The job names no minimum education level']
  })
})

t.test('the highest level on the CV counts, whatever the order', async (t) => {
  const result = education('bachelor', 'high_school', 'master', null, 'bachelor')
  t.equal(result.applies, true)
  t.same(result.breakdown, { score: 100, required_level: 'bachelor', candidate_level: 'master' })
  t.same(result.explanations, ['Meets the education requirement: master against bachelor required'])
  t.equal(education('master', 'master').breakdown.score, 100)
})

t.test('each level short costs more', async (t) => {
  t.equal(education('master', 'bachelor').breakdown.score, 60)
  t.same(education('master', 'bachelor').explanations, ['Below the education requirement: bachelor against master required'])
  t.equal(education('master', 'associate').breakdown.score, 30)
  t.equal(education('doctorate', 'high_school').breakdown.score, 0)
})

t.test('no level on the CV scores 0', async (t) => {
  const result = education('high_school', null)
  t.same(result.breakdown, { score: 0, required_level: 'high_school', candidate_level: null })
  t.same(result.explanations, ['No education level found on the CV; high school required'])
})
