import t from 'tap'
import { detectEmploymentType, detectRemotePolicy } from '../../src/ai/local/text/employment.ts'

t.test('employment type: the first unambiguous mention', async (t) => {
  const cases: Array<[string, ReturnType<typeof detectEmploymentType>]> = [
    ['Full-time · Permanent', 'full_time'],
    ['Job Type: Full time, 36 hours/week', 'full_time'],
    ['Part-time (20 hours), could become full-time', 'part_time'],
    ['Employment type: Contract', 'contract'],
    ['Marketing Coordinator (Contract)', 'contract'],
    ['6-month contract, outside IR35', 'contract'],
    ['Freelance, paid per project', 'contract'],
    ['Contract-to-hire role', 'contract'],
    ['Temporary position covering parental leave', 'temporary'],
    ['Seasonal warehouse associate', 'temporary'],
    ['Summer internship for students', 'internship'],
    ['Review vendor contracts; negotiate contract terms', null],
    ['Internal tools team', null],
    ['', null]
  ]
  for (const [text, type] of cases) t.equal(detectEmploymentType(text), type, text)
})

t.test('remote policy: hybrid says it all, else the first of remote and on-site', async (t) => {
  const cases: Array<[string, ReturnType<typeof detectRemotePolicy>]> = [
    ['Amsterdam (Hybrid – 3 days in office)', 'hybrid'],
    ['Location: Remote (US time zones)', 'remote'],
    ['Remote', 'remote'],
    ['This is a fully remote role', 'remote'],
    ['Work from home anywhere in the EU', 'remote'],
    ['Remote-first company', 'remote'],
    ['Columbus, OH (on-site)', 'onsite'],
    ['In-office 5 days a week; occasional remote work', 'onsite'],
    ['We build hybrid cloud tooling; work from the office in Paris', null],
    ['Remote patient monitoring devices', null],
    ['Hybrid cloud and remote teams', null],
    ['', null]
  ]
  for (const [text, policy] of cases) t.equal(detectRemotePolicy(text), policy, text)
})
