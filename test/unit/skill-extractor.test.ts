import t from 'tap'
import { canonicalSkillName, canonicalWords, extractSkills, skillCategory } from '../../src/ai/taxonomy/skill-extractor.ts'
import { phraseKey } from '../../src/ai/taxonomy/phrase-index.ts'
import { SKILL_CATEGORIES, SKILLS } from '../../src/ai/taxonomy/skills.ts'

const BACKEND_JOB = `Senior Backend Engineer (Payments)
We are looking for an engineer with 5+ years of experience building services in Go or Java.
- Design REST APIs and microservices on AWS, deployed with Docker and Kubernetes (k8s)
- Own our PostgreSQL and Redis data stores; Kafka experience is a plus
- Keep CI/CD pipelines green with GitHub Actions and Terraform
Nice to have: gRPC, Node.js, TypeScript.`

const NURSE_CV = `Registered Nurse with 7 years of experience in ICU and emergency settings. Skilled in patient
assessment, IV therapy, wound care and medication administration. BLS and ACLS certified.
Documented care in Epic and other EHR systems; educated families on discharge planning.
Administered 500 ml of saline per protocol.`

const DATA_SCIENCE_JOB = `As a Data Scientist you will build machine learning models in Python, R and SQL, using
scikit-learn, PyTorch and pandas. You bring strong statistics, A/B testing and data visualization skills
(Tableau or Power BI), and have shipped NLP or computer vision models to production.`

const MARKETING_JOB = `Digital Marketing Manager: own our SEO and SEM strategy, run Google Ads and paid social
campaigns, grow email marketing with HubSpot, and report on Google Analytics. Go to market experience
for B2B SaaS is a plus.`

const FINANCE_JOB = `Senior Financial Analyst: build financial models and lead FP&A for the region. Own budgeting,
variance analysis and month-end close under US GAAP, with advanced Excel and SAP experience.`

t.test('taxonomy data', async (t) => {
  t.ok(SKILLS.length >= 400, `${SKILLS.length} skills`)

  t.test('canonical names are lower case and trimmed, categories known', async (t) => {
    const problems = SKILLS.filter(({ name, category }) => name !== name.toLowerCase().trim() || !SKILL_CATEGORIES.includes(category))
    t.same(problems, [])
  })

  t.test('no spelling maps to two skills, or twice to one', async (t) => {
    const owner = new Map<string, string>()
    const problems: string[] = []
    for (const skill of SKILLS) {
      const keys = [...(skill.aliases ?? []), ...(skill.listOnly ?? []), ...(skill.exactCase ?? [])].map(phraseKey)
      // The name may reappear among the guarded spellings: that is how a name is marked ambiguous.
      if (!keys.includes(phraseKey(skill.name))) keys.push(phraseKey(skill.name))
      for (const key of keys) {
        if (key === '' || owner.has(key)) problems.push(`"${key}": ${owner.get(key) ?? 'empty'} and ${skill.name}`)
        owner.set(key, skill.name)
      }
    }
    t.same(problems, [])
  })

  t.test('exact-case spellings have a capital, or the rule could never apply', async (t) => {
    const problems = SKILLS.flatMap((skill) => (skill.exactCase ?? []).filter((written) => written === written.toLowerCase()))
    t.same(problems, [])
  })

  t.test('every spelling normalizes to its skill', async (t) => {
    const problems = SKILLS.flatMap((skill) => [skill.name, ...(skill.aliases ?? []), ...(skill.listOnly ?? []), ...(skill.exactCase ?? [])]
      .filter((spelling) => canonicalSkillName(spelling) !== skill.name))
    t.same(problems, [])
  })
})

t.test('a backend engineer job ad', async (t) => {
  t.same(extractSkills(BACKEND_JOB), [
    'backend development', 'go', 'java', 'rest api', 'microservices', 'aws', 'docker', 'kubernetes',
    'postgresql', 'redis', 'apache kafka', 'ci/cd', 'github actions', 'terraform', 'grpc', 'node.js', 'typescript'
  ])
})

t.test('a nurse CV paragraph', async (t) => {
  t.same(extractSkills(NURSE_CV), [
    'critical care', 'patient assessment', 'iv therapy', 'wound care', 'medication administration',
    'basic life support', 'advanced cardiac life support', 'epic ehr', 'electronic health records', 'discharge planning'
  ])
})

t.test('a data science job paragraph', async (t) => {
  t.same(extractSkills(DATA_SCIENCE_JOB), [
    'machine learning', 'python', 'r', 'sql', 'scikit-learn', 'pytorch', 'pandas', 'statistics',
    'a/b testing', 'data visualization', 'tableau', 'power bi', 'natural language processing', 'computer vision'
  ])
})

t.test('a marketing job', async (t) => {
  t.same(extractSkills(MARKETING_JOB), [
    'digital marketing', 'seo', 'sem', 'google ads', 'performance marketing', 'email marketing', 'hubspot',
    'google analytics', 'go-to-market strategy'
  ])
  t.notOk(extractSkills(MARKETING_JOB).includes('go'), '"Go to market" is not the language')
})

t.test('a finance job', async (t) => {
  t.same(extractSkills(FINANCE_JOB), [
    'financial modeling', 'financial planning and analysis', 'budgeting', 'variance analysis', 'month-end close', 'gaap', 'excel', 'sap'
  ])
})

t.test('aliases give the canonical name', async (t) => {
  const cases: Array<[string, string]> = [
    ['Strong JS skills', 'javascript'],
    ['Deployed on K8s', 'kubernetes'],
    ['Tuned Postgres queries', 'postgresql'],
    ['Wrote psql scripts', 'postgresql'],
    ['Services in NodeJS', 'node.js'],
    ['Services in node.js.', 'node.js'],
    ['Services written in Golang', 'go'],
    ['Built with React.js', 'react'],
    ['A ReactJS app', 'react'],
    ['Experience with Amazon Web Services', 'aws'],
    ['Runs on GCP', 'google cloud'],
    ['Migrated to Google Cloud', 'google cloud'],
    ['Current BLS card', 'basic life support'],
    ['Charted in the EMR', 'electronic health records'],
    ['Tracked in our EHR', 'electronic health records'],
    ['Applied ML to fraud', 'machine learning']
  ]
  for (const [text, skill] of cases) t.same(extractSkills(text), [skill], text)
})

t.test('names with punctuation', async (t) => {
  t.same(extractSkills('C++, C#, F#, .NET and ASP.NET; Objective-C; CI/CD; Vue.js; PL/SQL and T-SQL.'),
    ['c++', 'c#', 'f#', '.net', 'asp.net', 'objective-c', 'ci/cd', 'vue', 'pl/sql', 't-sql'])
  t.same(extractSkills('CI-CD and ci cd'), ['ci/cd'], 'hyphen, slash and space are the same')
  t.same(extractSkills('Python...Docker'), ['python', 'docker'], 'an ellipsis is not a leading dot')
})

t.test('the longest match wins', async (t) => {
  t.same(extractSkills('Machine learning engineer with deep learning experience'), ['machine learning', 'deep learning'])
  t.same(extractSkills('React Native and React'), ['react native', 'react'])
  t.same(extractSkills('Spring Boot services'), ['spring boot'])
})

t.test('each skill once, in order of first mention', async (t) => {
  t.same(extractSkills('Docker, Python, docker, Kubernetes, python, k8s'), ['docker', 'python', 'kubernetes'])
  t.same(extractSkills(''), [])
  t.same(extractSkills('We value curiosity and kindness.'), [])
})

t.test('plurals of trusted spellings are understood', async (t) => {
  t.same(extractSkills('Designed REST APIs and data pipelines'), ['rest api', 'data pipelines'])
  t.same(extractSkills('Fine-tuned LLMs'), ['large language models'])
  t.same(extractSkills('Many Gos and Rs'), [], 'but not of ambiguous ones')
})

t.test('ambiguous spellings: false-positive guards', async (t) => {
  for (const text of ['Go to market fast.', 'Director, Go To Market', 'our go-to-market plan']) {
    t.same(extractSkills(text), ['go-to-market strategy'], text)
  }
  const nothing = [
    'We go the extra mile.',
    'Go further, faster.',
    'Director, Go Further',
    'You excel in fast-paced environments.',
    'Excel in a fast-paced environment.',
    'Report to the C-suite.',
    'Vitamin C and vitamin D',
    'R&D budget',
    'Plan B: r',
    'Active TS/SCI clearance',
    'Take a rest, then react quickly.',
    'Add 500 ml of saline',
    'Our mission is to go further',
    'a spring in your step',
    'Express delivery',
    'Contact Julia Smith'
  ]
  for (const text of nothing) t.same(extractSkills(text), [], text)
  t.same(extractSkills('Excel-based reports'), [], 'glued by a hyphen')
  t.same(extractSkills('Python, R-squared'), ['python'], 'glued by a hyphen, even in a list')
})

t.test('ambiguous spellings read as skills in a list with a certain one', async (t) => {
  t.same(extractSkills('Go, Python'), ['go', 'python'])
  t.same(extractSkills('python or r'), ['python', 'r'])
  t.same(extractSkills('JS/TS'), ['javascript', 'typescript'])
  t.same(extractSkills('C/C++'), ['c', 'c++'])
  t.same(extractSkills('Express and Node.js'), ['express.js', 'node.js'])
  t.same(extractSkills('Languages: Go, R and C'), ['go', 'r', 'c'], 'three in a row are a list by themselves')
  t.same(extractSkills('go, r'), [], 'two doubtful ones are not')
  t.same(extractSkills('Python\nGo to the next step'), ['python'], 'a list does not run across lines')
})

t.test('ambiguous spellings alone on a line are items of a skills section', async (t) => {
  t.same(extractSkills('Skills\n- Go\n• R.\nExcel'), ['go', 'r', 'excel'])
  t.same(extractSkills('Go'), ['go'])
  t.same(extractSkills('Stack: Go'), [], 'not with a label before it')
  t.same(extractSkills('Go (5 years)'), [], 'nor with more after it')
})

t.test('exact-case spellings read as skills when written as a name mid-sentence', async (t) => {
  t.same(extractSkills('Experience with Go is required.'), ['go'])
  t.same(extractSkills('Advanced Excel skills'), ['excel'])
  t.same(extractSkills('We use Excel daily'), ['excel'])
  t.same(extractSkills('Built REST services'), ['rest api'])
  t.same(extractSkills('We write Rust'), ['rust'], 'last word of the text')
  t.same(extractSkills('We write rust'), [], 'not written as the name')
  t.same(extractSkills('- Go services'), [], 'a bullet starts a sentence')
  t.same(extractSkills('Tooling: Go'), [], 'so does a colon')
})

t.test('canonicalSkillName', async (t) => {
  t.equal(canonicalSkillName('K8s'), 'kubernetes')
  t.equal(canonicalSkillName('TS'), 'typescript', 'ambiguous spellings normalize too')
  t.equal(canonicalSkillName('node'), 'node.js')
  t.equal(canonicalSkillName('Node.JS'), 'node.js')
  t.equal(canonicalSkillName(' golang '), 'go')
  t.equal(canonicalSkillName('ML'), 'machine learning')
  t.equal(canonicalSkillName('REST APIs'), 'rest api')
  t.equal(canonicalSkillName('react-native'), 'react native')
  t.equal(canonicalSkillName('  Underwater   Basket Weaving '), 'underwater basket weaving', 'unknown: trimmed, lower case')
  t.equal(canonicalSkillName(''), '')
})

t.test('skillCategory', async (t) => {
  t.equal(skillCategory('k8s'), 'devops')
  t.equal(skillCategory('IV therapy'), 'healthcare')
  t.equal(skillCategory('SEO'), 'marketing')
  t.equal(skillCategory('underwater basket weaving'), undefined)
})

t.test('canonicalWords', async (t) => {
  t.same(canonicalWords('K8s clusters on GCP'), ['kubernetes', 'clusters', 'on', 'google', 'cloud'])
  t.same(canonicalWords('TS'), ['typescript'], 'a text that is only an ambiguous spelling is that skill')
  t.same(canonicalWords('Go-to-market'), ['go', 'to', 'market', 'strategy'])
  t.same(canonicalWords('we go home'), ['we', 'go', 'home'], 'an ambiguous word inside a text stays a word')
  t.same(canonicalWords(''), [])
})
