import t from 'tap'
import { Value } from 'typebox/value'
import type { ParsedCv, ParsedJob } from '../../src/ai/schemas.ts'
import { FitScore } from '../../src/matching/fit-score.ts'
import { DEFAULT_WEIGHTS, scoreFit } from '../../src/matching/score-fit.ts'
import type { ScoreFitInput } from '../../src/matching/score-fit.ts'
import { skillThresholdsFor } from '../../src/matching/skill-thresholds.ts'
import { at, cv, fakeEmbedder, job, position } from '../helpers/fit-fixtures.ts'

const backendJob = job({
  title: 'Senior Backend Engineer',
  role_category: 'software_engineering',
  min_years_experience: 5,
  required_skills: ['go', 'postgresql', 'kubernetes', 'kafka'],
  preferred_skills: ['terraform', 'Go'],
  education: { minimum_level: 'bachelor', fields: ['computer science'] },
  industries: ['fintech', 'software']
})

const backendCv = cv({
  skills: ['Go', 'postgres database', 'docker', 'terraform'],
  experience: [position('Backend Developer', '2016-01'), position('Software Engineer', '2012-01', '2015-12')],
  total_years_experience: 8.5,
  education: [{ degree: 'BSc', level: 'bachelor', field: 'computer science', institution: null, start: null, end: null }]
})

const coordinates = { postgresql: [1, 0], 'postgres database': at(0.88) }

function input (overrides: Partial<ScoreFitInput> = {}, jd: ParsedJob = backendJob, candidate: ParsedCv = backendCv): ScoreFitInput {
  return { cv: candidate, jd, cvRoleCategory: 'software_engineering', cvIndustries: ['software'], embed: fakeEmbedder(coordinates).embed, skillThresholds: skillThresholdsFor('jobfit-lexical-v1'), ...overrides }
}

t.test('a realistic pair: one embed call, a valid and explained answer', async (t) => {
  const fake = fakeEmbedder(coordinates)
  const result = await scoreFit(input({ embed: fake.embed }))
  t.same(fake.calls, [['postgresql', 'kubernetes', 'kafka', 'go', 'postgres database', 'docker', 'terraform']], 'only JD skills without an exact match, and the CV skills, once')
  t.ok(Value.Check(FitScore, result), 'matches the response schema')
  t.same(result.weights, DEFAULT_WEIGHTS)
  t.same(result.breakdown.skills.missing_required, ['kubernetes', 'kafka'])
  t.same(result.breakdown.skills.preferred.map((match) => match.skill), ['terraform'])
  // skills (2 + 2 + 0 + 0 + 1) / 9 = 56, experience 100, role 100, industry 75, education 100
  t.same(
    [result.breakdown.skills.score, result.breakdown.experience.score, result.breakdown.role.score, result.breakdown.industry.score, result.breakdown.education.score],
    [56, 100, 100, 75, 100]
  )
  t.equal(result.overall, Math.round(0.5 * 56 + 0.2 * 100 + 0.1 * 100 + 0.1 * 75 + 0.1 * 100))
  t.same(result.explanations, [
    'Matches 2 of 4 required skills; missing: kubernetes, kafka',
    'Matches 1 of 1 preferred skills',
    'Counted as equivalent: postgres database for postgresql',
    '8.5 years of experience against 5+ required',
    'Same role category: software engineering',
    'Has worked in software of the job\'s industries fintech, software',
    'Meets the education requirement: bachelor against bachelor required'
  ])
})

t.test('titles join the same single call when the role categories differ', async (t) => {
  const fake = fakeEmbedder()
  const candidate = cv({ skills: ['go', 'ETL developer'], experience: [position('ETL Developer'), position('Go')] })
  const result = await scoreFit(input({ embed: fake.embed, cvRoleCategory: 'data_engineering' }, job({ title: 'Go Developer', required_skills: ['rust'] }), candidate))
  t.same(fake.calls, [['rust', 'go', 'etl developer', 'go developer']])
  t.equal(result.breakdown.role.score, 60)
  t.equal(result.breakdown.role.title_match?.candidate_title, 'ETL Developer')
})

t.test('the weight of what the job does not mention goes to the others, in proportion', async (t) => {
  const fake = fakeEmbedder()
  const result = await scoreFit(input({ embed: fake.embed }, job({ role_category: 'software_engineering', industries: ['software'] })))
  t.same(fake.calls, [], 'nothing to embed, no call')
  t.same(result.weights, { skills: 0, experience: 0, role: 0.5, industry: 0.5, education: 0 })
  t.equal(result.overall, 100)
  t.ok(Value.Check(FitScore, result))
  t.same(result.explanations, [
    'The job lists no skills, so skills do not count',
    'The job asks for no particular years of experience',
    'Same role category: software engineering',
    'Has worked in the job\'s industry: software',
    'The job names no minimum education level'
  ])

  const noEducation = await scoreFit(input({}, { ...backendJob, education: { minimum_level: null, fields: [] } }))
  t.same(noEducation.weights, { skills: 0.5556, experience: 0.2222, role: 0.1111, industry: 0.1111, education: 0 })
  t.equal(noEducation.overall, Math.round((0.5 * 56 + 0.2 * 100 + 0.1 * 100 + 0.1 * 75) / 0.9))
})

t.test('a poor fit scores low and says why', async (t) => {
  const nurse = cv({
    skills: ['patient care', 'phlebotomy'],
    experience: [position('Registered Nurse')],
    total_years_experience: 2,
    education: [{ degree: null, level: 'associate', field: 'nursing', institution: null, start: null, end: null }]
  })
  const result = await scoreFit(input({ cvRoleCategory: 'healthcare_clinical', cvIndustries: ['healthcare'] }, backendJob, nurse))
  t.ok(Value.Check(FitScore, result))
  t.ok(result.overall < 20, `overall ${result.overall}`)
  t.same(result.breakdown.skills.missing_required, ['go', 'postgresql', 'kubernetes', 'kafka'])
  t.equal(result.breakdown.role.score, 0)
  t.equal(result.breakdown.industry.score, 0)
  t.equal(result.breakdown.education.score, 60)
  t.equal(result.breakdown.experience.relevance, 0, 'neither role nor skills relate to the job')
  t.equal(result.breakdown.experience.score, 0, '2 of 5 years, but none of them in a related role')
  t.ok(result.explanations.includes('2 years of experience against 5+ required, counted at 0 %: the candidate\'s role and skills are mostly unrelated to this job'), 'explained')
})

t.test('experience counts in proportion to the better of the role and skills scores', async (t) => {
  const analyst = cv({
    skills: ['go', 'postgresql'],
    experience: [position('Data Analyst')],
    total_years_experience: 6
  })
  const result = await scoreFit(input({ cvRoleCategory: 'data_science', cvIndustries: ['software'] }, backendJob, analyst))
  const { skills, role, experience } = result.breakdown
  t.equal(experience.relevance, Math.max(role.score, skills.score) / 100)
  t.ok(experience.relevance > 0 && experience.relevance < 1, `partly related: ${experience.relevance}`)
  t.equal(experience.score, Math.round(100 * experience.relevance), '6 of 5 years, scaled by relevance')
  const engineer = await scoreFit(input())
  t.equal(engineer.breakdown.experience.relevance, 1, 'the same role: every year counts')
  t.equal(engineer.breakdown.experience.score, 100)
})

t.test('soft skills weigh a quarter, a skill the title names half again', async (t) => {
  const jd = job({ title: 'Go Developer', required_skills: ['go', 'communication', 'kafka'] })
  const onlySoft = await scoreFit(input({}, jd, cv({ skills: ['communication'] })))
  const onlyGo = await scoreFit(input({}, jd, cv({ skills: ['go'] })))
  const onlyKafka = await scoreFit(input({}, jd, cv({ skills: ['kafka'] })))
  // weights: go 2 x 1.5 = 3, communication 2 x 0.25 = 0.5, kafka 2: total 5.5
  t.equal(onlySoft.breakdown.skills.score, Math.round(100 * 0.5 / 5.5))
  t.equal(onlyGo.breakdown.skills.score, Math.round(100 * 3 / 5.5))
  t.equal(onlyKafka.breakdown.skills.score, Math.round(100 * 2 / 5.5))
})

t.test('the same input gives the same output', async (t) => {
  const first = await scoreFit(input())
  const second = await scoreFit(input())
  t.equal(JSON.stringify(second), JSON.stringify(first))
})

t.test('an embedding failure fails the scoring', async (t) => {
  await t.rejects(scoreFit(input({ embed: async () => { throw new Error('upstream down') } })), /upstream down/)
})
