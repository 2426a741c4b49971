import t from 'tap'
import { embedLexically } from '../../src/ai/local/lexical-embedder.ts'
import { embedOnce } from '../../src/matching/embeddings.ts'
import { scoreFit } from '../../src/matching/score-fit.ts'
import { matchSkills, skillTexts } from '../../src/matching/skill-match.ts'
import { skillThresholdsFor } from '../../src/matching/skill-thresholds.ts'
import { cv, job, position } from '../helpers/fit-fixtures.ts'

/**
 * The thresholds against the local provider's lexical embedder, on the kind of pairs real JDs
 * and CVs produce: what must match, what must not, and whole scorings.
 */

const DIMENSIONS = 768
const LEXICAL = skillThresholdsFor('jobfit-lexical-v1')
const SKILL_MATCH_THRESHOLD = LEXICAL.match
/** Titles use the embedder's skill thresholds. */
const TITLE_MATCH_THRESHOLD = LEXICAL.match
const calls: string[][] = []
const embed = async (texts: string[]) => {
  calls.push(texts)
  return texts.map((text) => embedLexically(text, DIMENSIONS))
}

async function similarity (a: string, b: string): Promise<number> {
  const embeddings = await embedOnce([a, b], embed)
  const [x, y] = [...embeddings.values()]
  return x!.reduce((sum, value, index) => sum + value * y![index]!, 0)
}

t.test('spellings of one skill, and a skill and its specialization, match', async (t) => {
  for (const [a, b] of [
    ['kubernetes', 'k8s'],
    ['go', 'golang'],
    ['node.js', 'nodejs'],
    ['risk management', 'financial risk management'],
    ['machine learning', 'machine learning models'],
    ['site reliability engineering', 'reliability engineering']
  ] as const) {
    t.ok(await similarity(a, b) >= SKILL_MATCH_THRESHOLD, `${a} / ${b}`)
  }
})

t.test('different skills sharing letters or words do not', async (t) => {
  for (const [a, b] of [
    ['java', 'javascript'],
    ['react', 'redux'],
    ['react', 'react native'],
    ['mysql', 'postgresql'],
    ['test-driven development', 'behavior-driven development'],
    ['product management', 'project management'],
    ['pain management', 'time management'],
    ['sql', 'nosql']
  ] as const) {
    t.ok(await similarity(a, b) < SKILL_MATCH_THRESHOLD, `${a} / ${b}`)
  }
})

t.test('a skill with a generic word added earns partial credit', async (t) => {
  const jd = job({ required_skills: ['postgresql', 'kubernetes'] })
  const candidate = cv({ skills: ['postgres database', 'kubernetes clusters', 'excel'] })
  const embeddings = await embedOnce(skillTexts(jd, candidate), embed)
  const { breakdown } = matchSkills(jd, candidate, embeddings, LEXICAL)
  t.same(breakdown.required.map((match) => match.best_match), ['postgres database', 'kubernetes clusters'])
  t.same(breakdown.missing_required, ['postgresql', 'kubernetes'])
  t.ok(breakdown.score > 0 && breakdown.score < 50, `score ${breakdown.score}`)
})

t.test('titles: a seniority word does not hide the same title, a shared "engineer" does not make one', async (t) => {
  t.ok(await similarity('Data Engineer', 'Senior Data Engineer') >= TITLE_MATCH_THRESHOLD)
  t.ok(await similarity('Data Engineer', 'Data Engineer II') >= TITLE_MATCH_THRESHOLD)
  t.ok(await similarity('Software Engineer', 'Data Engineer') < TITLE_MATCH_THRESHOLD)
  t.ok(await similarity('Sales Manager', 'Engineering Manager') < TITLE_MATCH_THRESHOLD)
})

const backendJob = job({
  title: 'Senior Backend Engineer',
  role_category: 'software_engineering',
  seniority: 'senior',
  min_years_experience: 5,
  required_skills: ['go', 'postgresql', 'kubernetes', 'docker', 'apache kafka', 'aws', 'rest api', 'microservices', 'distributed systems', 'sql'],
  preferred_skills: ['terraform', 'redis', 'grpc', 'prometheus', 'ci/cd', 'graphql'],
  education: { minimum_level: 'bachelor', fields: ['computer science'] },
  industries: ['fintech', 'software']
})

const backendCv = cv({
  skills: ['golang', 'python', 'postgresql', 'mysql', 'sql', 'docker', 'k8s', 'kafka', 'aws', 'rest api', 'microservices', 'redis', 'terraform', 'ci/cd', 'linux', 'git', 'grpc'],
  experience: [position('Backend Engineer', '2019-02'), position('Software Developer', '2016-09', '2019-01')],
  total_years_experience: 8.5,
  education: [{ degree: 'BSc Computer Science', level: 'bachelor', field: 'computer science', institution: null, start: '2012', end: '2016' }]
})

const nurseCv = cv({
  skills: ['patient care', 'phlebotomy', 'medication administration', 'electronic health records', 'basic life support', 'triage', 'wound care'],
  experience: [position('Registered Nurse', '2018-06'), position('Nursing Assistant', '2016-01', '2018-05')],
  total_years_experience: 8,
  education: [{ degree: 'BSN', level: 'bachelor', field: 'nursing', institution: null, start: '2012', end: '2016' }]
})

t.test('a backend CV scores clearly above a nurse CV for a backend job', async (t) => {
  calls.length = 0
  const backend = await scoreFit({ cv: backendCv, jd: backendJob, cvRoleCategory: 'software_engineering', cvIndustries: ['software'], embed, skillThresholds: LEXICAL })
  const nurse = await scoreFit({ cv: nurseCv, jd: backendJob, cvRoleCategory: 'healthcare_clinical', cvIndustries: ['healthcare'], embed, skillThresholds: LEXICAL })
  t.equal(calls.length, 2, 'one embedding call per scoring')
  t.ok(calls.every((texts) => texts.length <= 150))

  t.same(backend.breakdown.skills.missing_required, ['distributed systems'])
  t.same(backend.breakdown.skills.missing_preferred, ['prometheus', 'graphql'])
  t.ok(backend.overall >= 80, `backend ${backend.overall}`)

  t.same(nurse.breakdown.skills.required.filter((match) => match.matched), [], 'no nursing skill passes for a backend one')
  t.equal(nurse.breakdown.role.score, 0)
  t.ok(nurse.overall <= 35, `nurse ${nurse.overall}`)
  t.ok(backend.overall - nurse.overall >= 45)
})
