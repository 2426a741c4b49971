import type { JdTruth } from '../corpus-types.ts'

/**
 * Job postings written out by hand in the shapes job boards and careers pages produce: an
 * Indeed-style posting with "Experience: pharmacy: 1 year (Required)" and pay lines, a German
 * posting with "(m/w/d)", a kitchen posting asking for "at least 6 months", a posting whose
 * skills are all soft skills, number words, "no experience needed". Employers are invented.
 */

/** The posting's truth as eval/corpus-types.ts has it (split and kind are assigned by the builder), and its text. */
export type HandwrittenJd = Omit<JdTruth, 'kind' | 'split'> & { text: string }

export const HANDWRITTEN_JDS: readonly HandwrittenJd[] = [
  {
    id: 'jd-hw-pharmacy-technician',
    family: 'pharmacy',
    format: 'indeed',
    title: 'Pharmacy Technician',
    company: 'HealthFirst Pharmacy Group',
    location: 'Leeds',
    min_years_experience: 1,
    required_skills: ['medication dispensing', 'customer service'],
    preferred_skills: ['emis', 'inventory management'],
    industries: ['healthcare'],
    role_category: 'healthcare_clinical',
    text: `Pharmacy Technician
HealthFirst Pharmacy Group
Leeds LS6
£24,000 - £27,000 a year - Full-time, Permanent

Full job description
We are looking for a registered Pharmacy Technician to join our busy community pharmacy in Headingley.

Responsibilities:
- Dispensing and accuracy checking of prescriptions (medication dispensing)
- Serving patients at the counter and answering queries (customer service)
- Supporting the pharmacist with NHS services

Requirements:
- GPhC registration as a Pharmacy Technician
- Accuracy Checking Technician qualification desirable

Experience:
- pharmacy: 1 year (Required)

Nice to have: experience with EMIS and stock ordering (inventory management).

Job Types: Full-time, Permanent
Pay: £24,000.00-£27,000.00 per year
Benefits:
- Company pension
- Employee discount
- Discounts with retailers and restaurants
Schedule:
- Monday to Friday
Work Location: In person
`
  },
  {
    id: 'jd-hw-bauleiter-de',
    family: 'civil_engineering',
    format: 'mfd_dash',
    title: 'Projektingenieur Tiefbau',
    company: 'Hallberg Infrastruktur GmbH',
    location: 'München',
    min_years_experience: 3,
    required_skills: ['autocad', 'project management'],
    preferred_skills: ['bim'],
    industries: ['construction'],
    role_category: 'engineering_hardware',
    text: `Projektingenieur Tiefbau (m/w/d) – München, Vollzeit
Hallberg Infrastruktur GmbH

Wir bauen Straßen, Brücken und Kanäle in ganz Bayern.

Ihre Aufgaben
• Projektleitung (Projektmanagement) von Tiefbaumaßnahmen bis 10 Mio. €
• Ausschreibung, Vergabe und Abrechnung
• Koordination von Nachunternehmern auf der Baustelle

Ihr Profil
• Abgeschlossenes Studium Bauingenieurwesen
• Mindestens drei Jahre Berufserfahrung im Tiefbau
• Sicherer Umgang mit AutoCAD

Wünschenswert
• Erfahrung mit BIM

Wir bieten
• Firmenwagen, auch zur privaten Nutzung
• 30 Tage Urlaub
`
  },
  {
    id: 'jd-hw-line-cook',
    family: 'hospitality',
    format: 'plain_then_location',
    title: 'Line Cook',
    company: 'Osteria Lupa',
    location: 'Seattle, WA',
    min_years_experience: 0.5,
    required_skills: ['food safety'],
    preferred_skills: ['fresh pasta'],
    industries: ['food_beverage', 'travel_hospitality'],
    role_category: 'other',
    text: `Line Cook
Osteria Lupa — Seattle, WA — $22–$25/hour plus tips

Osteria Lupa is a busy neighbourhood Italian restaurant on Capitol Hill.

What you'll do
Work the sauté and pasta stations during dinner service, prep for the next day and keep your station spotless.

What we need
At least 6 months of line cook experience in a full-service kitchen. A current Washington food worker card (food safety). Able to work evenings and weekends.

Bonus
Experience making fresh pasta by hand.

Perks
Staff meal every shift, health insurance after 60 days, dining discounts and discounts with retailers through our benefits partner.
`
  },
  {
    id: 'jd-hw-cs-soft-skills',
    family: 'customer_service',
    format: 'at_paren',
    title: 'Customer Happiness Agent',
    company: 'Teal Travel',
    location: 'Lisbon',
    min_years_experience: 0,
    required_skills: ['communication', 'problem solving', 'teamwork', 'customer service'],
    preferred_skills: [],
    industries: ['travel_hospitality'],
    role_category: 'customer_success',
    text: `Customer Happiness Agent at Teal Travel (Lisbon, hybrid)

About the role
You'll be the voice of Teal Travel for travellers before, during and after their trips, by chat, e-mail and phone.

You'll be great at this if you have
- Excellent communication in English, spoken and written
- Calm problem solving when plans fall apart
- Teamwork: you share what you learn with the team
- A genuine love of customer service

No previous experience needed — we train you.

What's in it for you
- A travel credit every year
- Health insurance
`
  },
  {
    id: 'jd-hw-electrical-site-engineer',
    family: 'electrical_engineering',
    format: 'in_city',
    title: 'Electrical Site Engineer',
    company: 'Liffey Power Networks',
    location: 'Dublin',
    min_years_experience: 5,
    required_skills: ['power systems', 'autocad', 'health and safety', 'electrical wiring'],
    preferred_skills: ['scada'],
    industries: ['energy'],
    role_category: 'engineering_hardware',
    text: `Electrical Site Engineer in Dublin
Liffey Power Networks

We are building 110 kV and 38 kV substations for data-centre connections around Dublin.

The role
- Supervise electrical installation and commissioning on site
- Review single-line diagrams and cable schedules (AutoCAD)
- Champion health and safety on site

You will have
- A degree in electrical engineering
- Five years' experience on HV substation or power systems projects
- Safe Pass and a full driving licence

Desirable
- SCADA and protection commissioning experience

Package: car allowance, pension, 25 days annual leave.
`
  },
  {
    id: 'jd-hw-accountant-preferred-years',
    family: 'finance_accounting',
    format: 'labelled',
    title: 'Accountant',
    company: 'Crescent Foods',
    location: 'Manchester',
    min_years_experience: 3,
    required_skills: ['month-end close', 'reconciliation', 'excel', 'accounting'],
    preferred_skills: ['sage 200', 'variance analysis'],
    industries: ['food_beverage', 'manufacturing'],
    role_category: 'finance_accounting',
    text: `Job title: Accountant
Company: Crescent Foods
Location: Manchester (office-based, 2 days from home)
Salary: £38,000 – £42,000

Crescent Foods makes chilled ready meals for UK supermarkets.

Duties
• Month-end close for two manufacturing sites
• Balance sheet reconciliations and accruals
• Prepare management accounts packs in Excel

Qualifications
• Part- or fully-qualified ACCA/CIMA (accounting)
• Experience: accounting: 3 years (Preferred)

Desirable
• Sage 200
• Variance analysis for a manufacturing business

Benefits
• Staff shop and discounts with retailers
• Company pension
`
  },
  {
    id: 'jd-hw-data-scientist',
    family: 'data',
    format: 'mfd_dash',
    title: 'Data Scientist',
    company: 'Fjord Analytics',
    location: 'Amsterdam',
    min_years_experience: 2,
    required_skills: ['python', 'sql', 'statistics', 'machine learning'],
    preferred_skills: ['apache spark', 'a/b testing'],
    industries: ['software', 'retail'],
    role_category: 'data_science',
    text: `Data Scientist (m/f/d) – Amsterdam, hybrid
Fjord Analytics

Fjord Analytics helps retailers price and plan their ranges.

Your mission
Build demand and price-elasticity models and explain them to commercial teams.

Your profile
• 2–4 years of experience as a data scientist or in a similar quantitative role
• Strong Python and SQL
• Solid statistics and machine learning fundamentals

Bonus
• Spark
• Experience with A/B testing

We offer a 32-hour week option, a training budget and discounts with retailers across the Netherlands.
`
  }
]
