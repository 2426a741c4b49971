import { readFileSync } from 'node:fs'
import t from 'tap'
import { buildTestApp } from './helpers/app.ts'

/**
 * The README's curl examples, sent as written to the routes they name: the documentation's own
 * job posting must give its location and the scoring example's candidate their degree.
 */

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

/** Each `curl … localhost:8001<route> … -d '<json>'` of the README, its JSON parsed as the shell would pass it. */
function examples (): Array<{ route: string, body: Record<string, unknown> }> {
  return [...README.matchAll(/curl -s localhost:8001(\/api\/[\w-]+) -H 'content-type: application\/json' \\\n\s+-d '([^']+)'/g)]
    .map((match) => ({ route: match[1] as string, body: JSON.parse(match[2] as string) as Record<string, unknown> }))
}

t.test('the README curl examples give the right fields', async (t) => {
  const found = examples()
  const byRoute = (route: string) => {
    const example = found.find((candidate) => candidate.route === route)
    if (example === undefined) throw new Error(`no README example for ${route}`)
    return example.body
  }
  const { app } = await buildTestApp(t)
  const post = async (route: string) => {
    const response = await app.inject({ method: 'POST', url: route, payload: byRoute(route) })
    t.equal(response.statusCode, 200, route)
    return response.json()
  }

  const job = await post('/api/parse')
  t.match(job, { title: 'Senior Backend Engineer', company: 'Acme', location: 'Berlin', remote_policy: 'hybrid', min_years_experience: 5 })
  t.same(job.preferred_skills, ['apache kafka'])

  const cv = await post('/api/parse-cv')
  t.match(cv.experience, [{ title: 'Backend Engineer', company: 'Initech', start: '2018-01', current: true }])
  t.equal(cv.experience_unknown_reason, null)

  const score = await post('/api/calculate-score')
  t.match(score.breakdown.education, { required_level: 'bachelor', candidate_level: 'bachelor', score: 100 }, 'BSc Computer Science is a degree, not a job')
  t.equal(score.breakdown.experience.candidate_years > 5, true, 'Jan 2017 – Present')
})
