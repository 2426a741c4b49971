import type { CvTruth, JobTruth } from '../corpus-types.ts'

/**
 * CVs written out by hand, one by one, for the layouts and traps a composer would not produce:
 * a charge nurse's pipe-separated lines, an executive chef and a retail associate whose skills the
 * taxonomy does not know, a person working at OpenAI, career changers, a one-line freelancer, a
 * degree alone on a line, German, French and Spanish CVs. Invented people (example.com/.org
 * addresses, 555 numbers). Dates are "YYYY-MM" or "YYYY" as the document writes them.
 */

/**
 * A CV's truth as eval/corpus-types.ts has it, except that total years are computed by the builder
 * from the jobs and skills are written as listed (canonicalised by the builder); and its text.
 */
export type HandwrittenCv = Pick<CvTruth, 'id' | 'family' | 'format' | 'language' | 'name' | 'email' | 'phone' | 'degrees' | 'skills'> & {
  jobs: Array<Omit<JobTruth, 'current'>>
  text: string
}

export const HANDWRITTEN_CVS: readonly HandwrittenCv[] = [
  {
    id: 'cv-hw-charge-nurse',
    family: 'nursing_clinical',
    format: 'pdf_text',
    language: 'en',
    name: 'Siobhan Carroll',
    email: 'siobhan.carroll@example.org',
    phone: '+353 555 0142 871',
    jobs: [
      { title: 'Senior Staff RN / Charge Nurse', company: 'Mercy University Hospital', location: 'Cork', start: '2020-01', end: null },
      { title: 'Staff Nurse, ICU', company: 'Cork University Hospital', location: 'Cork', start: '2016-03', end: '2019-12' },
      { title: 'Staff Nurse', company: 'St. Luke\'s General Hospital', location: 'Kilkenny', start: '2013-09', end: '2016-02' }
    ],
    degrees: [{ degree: 'BSc General Nursing', level: 'bachelor', institution: 'University College Cork' }],
    skills: ['critical care', 'mechanical ventilation', 'sepsis management', 'patient assessment', 'medication administration', 'basic life support', 'advanced cardiac life support', 'people management', 'infection control', 'leadership'],
    text: `Siobhan Carroll RGN
Cork, Ireland · siobhan.carroll@example.org · +353 555 0142 871

PROFILE
Registered general nurse with ten years in acute and critical care, the last five as charge
nurse on a busy medical floor. Known for calm shift leadership and for teaching.

EXPERIENCE
Senior Staff RN / Charge Nurse | Mercy University Hospital | Jan 2020 –
Present
 Lead a team of 8 nurses and 4 healthcare assistants per shift on a 30-bed medical ward
 Coordinate admissions and discharges with bed management; escalate deteriorating patients
 Audit medication administration and infection control practice monthly

Staff Nurse, ICU — Cork University Hospital — March 2016 – December 2019
 Cared for ventilated patients (mechanical ventilation, sedation holds, proning)
 Early recognition and sepsis management using the national sepsis pathway
 Completed patient assessment and handover using ISBAR

Staff Nurse | St. Luke's General Hospital, Kilkenny | Sept 2013 – Feb 2016
 General surgical nursing; pre- and post-operative care

Page 1 of 2

EDUCATION
BSc General Nursing
University College Cork, 2009 – 2013

CERTIFICATIONS
 Basic Life Support (BLS) – renewed 2025
 ACLS – Irish Heart Foundation
 NMBI PIN 555321
`
  },
  {
    id: 'cv-hw-executive-chef',
    family: 'hospitality',
    format: 'markdown',
    language: 'en',
    name: 'Matteo Ricci',
    email: 'matteo.ricci@example.com',
    phone: '(555) 014-2290',
    jobs: [
      { title: 'Executive Chef', company: 'The Gilded Pear', location: 'Portland, OR', start: '2021-04', end: null },
      { title: 'Head Chef', company: 'Osteria Lupa', location: 'Seattle, WA', start: '2017-06', end: '2021-03' },
      { title: 'Sous Chef', company: 'Harbour View Resort', location: 'Orlando, FL', start: '2014-02', end: '2017-05' }
    ],
    degrees: [{ degree: 'AOS Culinary Arts', level: 'associate', institution: 'Culinary Institute of America' }],
    skills: ['menu development', 'food cost control', 'sous vide', 'butchery', 'fresh pasta', 'allergen management', 'kitchen management', 'haccp', 'staff training', 'supplier negotiation', 'negotiation'],
    text: `# Matteo Ricci
**Executive Chef** · Portland, OR
📧 matteo.ricci@example.com · 📞 (555) 014-2290

## 👨‍🍳 About
Chef with 12 years in Italian and Pacific Northwest kitchens. I write seasonal menus around what
local farms bring in and run kitchens where cooks want to stay.

## 💼 Experience
### Executive Chef — The Gilded Pear
*April 2021 – present* · Portland, OR
- Opened a 140-seat restaurant; hired and trained a brigade of 18
- Rewrote the menu four times a year; held food cost at 27 %
- Negotiated with farms and fishmongers directly, cutting produce spend by 9 %

### Head Chef — Osteria Lupa
*June 2017 – March 2021* · Seattle, WA
- Fresh pasta programme producing 40 kg a day; whole-animal butchery in house
- HACCP plan and allergen matrix for every dish

### Sous Chef — Harbour View Resort
*Feb 2014 – May 2017* · Orlando, FL
- Ran banquets for up to 600 guests

## 🎓 Education
**AOS Culinary Arts** — Culinary Institute of America (2012 – 2014)

## 🛠️ Skills
- Menu development & costing (food cost control)
- Sous vide · Butchery · Fresh pasta
- Allergen management
- Kitchen management · Staff training
- Supplier negotiation
`
  },
  {
    id: 'cv-hw-retail-associate',
    family: 'sales',
    format: 'flattened',
    language: 'en',
    name: 'Jade Thompson',
    email: 'jade.t@example.com',
    phone: '555-0147',
    jobs: [
      { title: 'Retail Sales Associate', company: 'Marigold Home Stores', location: 'Leeds', start: '2023-08', end: null },
      { title: 'Team Member', company: 'Bean There Coffee', location: 'Leeds', start: '2021-06', end: '2023-07' }
    ],
    degrees: [{ degree: 'BTEC Level 3 Extended Diploma in Business', level: 'vocational', institution: 'Leeds City College' }],
    skills: ['customer service', 'visual merchandising', 'stock replenishment', 'till operation', 'cash handling', 'upselling', 'point of sale'],
    text: 'Jade Thompson jade.t@example.com 555-0147 Leeds Friendly and reliable retail assistant looking for a supervisor role. EXPERIENCE Retail Sales Associate Marigold Home Stores, Leeds August 2023 - Present Helped customers choose furniture and homewares and hit personal sales targets every quarter, mainly through upselling protection plans. Set up window and table displays (visual merchandising) for seasonal launches. Processed payments on the point of sale system and cashed up at close. Team Member Bean There Coffee, Leeds June 2021 - July 2023 Served customers, made drinks and kept the store clean; handled cash and card payments. EDUCATION BTEC Level 3 Extended Diploma in Business Leeds City College 2019 - 2021 SKILLS Customer service, Visual merchandising, Stock replenishment, Till operation, Cash handling\n'
  },
  {
    id: 'cv-hw-openai-researcher',
    family: 'data',
    format: 'linkedin',
    language: 'en',
    name: 'Anika Sharma',
    email: 'anika.sharma@example.com',
    phone: null,
    jobs: [
      { title: 'Member of Technical Staff', company: 'OpenAI', location: 'San Francisco, California, United States', start: '2023-02', end: null },
      { title: 'Machine Learning Engineer', company: 'Statwise', location: 'Boston, Massachusetts, United States', start: '2020-07', end: '2023-01' },
      { title: 'Research Assistant', company: 'MIT CSAIL', location: 'Cambridge, Massachusetts', start: '2018-09', end: '2020-06' }
    ],
    degrees: [
      { degree: 'Master of Science - MS, Computer Science', level: 'master', institution: 'Massachusetts Institute of Technology' },
      { degree: 'Bachelor of Technology - BTech, Electrical Engineering', level: 'bachelor', institution: 'Indian Institute of Technology, Bombay' }
    ],
    skills: ['pytorch', 'distributed systems', 'python', 'machine learning', 'large language models', 'kubernetes', 'forecasting', 'time series analysis'],
    text: `Contact
anika.sharma@example.com
www.linkedin.com/in/anika-sharma-ml
(LinkedIn)

Top Skills
PyTorch
Distributed Systems
Python

Anika Sharma
Member of Technical Staff at OpenAI
San Francisco Bay Area

Summary
I work on training infrastructure for large language models at OpenAI. Before that I built
forecasting models for utilities.

Experience
OpenAI
Member of Technical Staff
February 2023 - Present (3 years 10 months)
San Francisco, California, United States
Training and evaluation infrastructure for large language models on Kubernetes clusters.

Statwise
Machine Learning Engineer
July 2020 - January 2023 (2 years 7 months)
Boston, Massachusetts, United States
Built demand forecasting models in Python; shipped them as services.

MIT CSAIL
Research Assistant
September 2018 - June 2020 (1 year 10 months)
Cambridge, Massachusetts
Machine learning research on time-series.

Education
Massachusetts Institute of Technology
Master of Science - MS, Computer Science · (2018 - 2020)
Indian Institute of Technology, Bombay
Bachelor of Technology - BTech, Electrical Engineering · (2014 - 2018)

Page 1 of 2
`
  },
  {
    id: 'cv-hw-freelance-web',
    family: 'software',
    format: 'one_line',
    language: 'en',
    name: 'Kenji Watanabe',
    email: 'kenji@example.org',
    phone: '+81 555 0123 4567',
    jobs: [
      { title: 'Web Developer', company: 'Sakura Apps', location: 'Osaka', start: '2023-04', end: null },
      { title: 'Frontend / WordPress Developer', company: 'Freelance', location: 'Osaka', start: '2020-10', end: '2023-03' },
      { title: 'Customer Support Agent', company: 'Rakuten Travel', location: 'Tokyo', start: '2018-04', end: '2020-09' }
    ],
    degrees: [{ degree: 'BA English Literature', level: 'bachelor', institution: 'Kansai University' }],
    skills: ['javascript', 'typescript', 'react', 'wordpress', 'php', 'css', 'figma', 'customer service', 'next.js', 'web accessibility', 'vercel', 'frontend development'],
    text: `KENJI WATANABE — Web Developer
kenji@example.org | +81 555 0123 4567 | Osaka, Japan | github.com/kenji-example

Self-taught developer (career change from customer support) building fast, accessible websites.

EXPERIENCE
Web Developer, Sakura Apps (April 2023 – present): React and TypeScript front ends for restaurant booking apps; moved the marketing site to Next.js on Vercel; accessibility audits (WCAG 2.2 AA, web accessibility).
Frontend / WordPress Developer, Freelance (Oct 2020 – Mar 2023): 30+ WordPress sites for small businesses; custom PHP themes; CSS and JavaScript.
Customer Support Agent, Rakuten Travel (Apr 2018 – Sep 2020): Customer service by phone and chat in Japanese and English.

EDUCATION
BA English Literature, Kansai University, 2018

SKILLS: JavaScript, TypeScript, React, WordPress, PHP, CSS, Figma
`
  },
  {
    id: 'cv-hw-sen-teacher',
    family: 'teaching',
    format: 'docx_text',
    language: 'en',
    name: 'Rachel O\'Neill',
    email: 'rachel.oneill@example.com',
    phone: '+44 555 0177 204',
    jobs: [
      { title: 'SEN Teacher', company: 'Brookfield Special School', location: 'Nottingham', start: '2019-09', end: null },
      { title: 'Class Teacher (Year 2)', company: 'Hillside Primary School', location: 'Derby', start: '2015-09', end: '2019-07' }
    ],
    degrees: [
      { degree: 'BA (Hons) Primary Education with QTS', level: 'bachelor', institution: 'Nottingham Trent University' },
      { degree: 'National Award for SEN Coordination', level: 'master', institution: 'University of Derby' }
    ],
    skills: ['special education', 'individualized education programs', 'makaton', 'behavior management', 'lesson planning', 'differentiated instruction', 'safeguarding'],
    text: `Rachel O'Neill
Special Educational Needs Teacher

Nottingham • rachel.oneill@example.com • +44 555 0177 204

Profile

I teach children with complex learning needs and collaborate with physical therapists, speech and language therapists and parents to plan each child's week.

Employment

SEN Teacher
Brookfield Special School, Nottingham
September 2019 – till date

Teach a class of 8 pupils aged 7–11 with autism and severe learning difficulties.

Write and review EHCPs (individualized education programs) with families and specialists.

Use Makaton and visual timetables; positive behaviour support plans (behavior management).

Class Teacher (Year 2)
Hillside Primary School, Derby
September 2015 – July 2019

Planned and taught KS1 lessons (lesson planning), with differentiated instruction for mixed-ability groups.

Education

BA (Hons) Primary Education with QTS
Nottingham Trent University
2011 – 2015

National Award for SEN Coordination
University of Derby
2021

Skills

Special education · EHCP writing · Makaton · Safeguarding (DSL trained)
`
  },
  {
    id: 'cv-hw-teacher-to-hr',
    family: 'hr',
    format: 'classic',
    language: 'en',
    name: 'Daniel Okonkwo',
    email: 'd.okonkwo@example.com',
    phone: '+44 555 0121 998',
    jobs: [
      { title: 'Learning & Development Specialist', company: 'Westbrook Hotels', location: 'London', start: '2022-01', end: null },
      { title: 'Trainer / Onboarding Coordinator', company: 'Westbrook Hotels', location: 'London', start: '2020-03', end: '2021-12' },
      { title: 'Secondary Science Teacher', company: 'Harbourside High School', location: 'Brighton', start: '2014-09', end: '2020-02' }
    ],
    degrees: [
      { degree: 'PGCE Secondary Science', level: 'master', institution: 'University of Sussex' },
      { degree: 'BSc Biology', level: 'bachelor', institution: 'University of Reading' }
    ],
    skills: ['learning and development', 'employee onboarding', 'instructional design', 'e-learning', 'articulate 360', 'cipd level 5', 'lesson planning', 'workday', 'learning management systems'],
    text: `DANIEL OKONKWO
Learning & Development Specialist — London
d.okonkwo@example.com / +44 555 0121 998

═══ PROFILE ═══
Former science teacher now designing training for a 4,000-person hotel group.

═══ EXPERIENCE ═══
Learning & Development Specialist | Westbrook Hotels, London | Jan 2022 – to date
  - Designed e-learning modules in Articulate 360 and ran the learning management system on Workday Learning
  - Built the management development programme for 120 new supervisors (learning and development)

Trainer / Onboarding Coordinator | Westbrook Hotels, London | Mar 2020 – Dec 2021
  - Ran employee onboarding for 60 starters a month across 12 hotels

Secondary Science Teacher | Harbourside High School, Brighton | Sep 2014 – Feb 2020
  - Taught biology and chemistry to GCSE; lesson planning and instructional design for the department

═══ EDUCATION ═══
PGCE Secondary Science, University of Sussex (2014)
BSc Biology, University of Reading (2013)

═══ SKILLS ═══
* Learning & development
* Instructional design
* CIPD Level 5 (Learning and Development)
`
  },
  {
    id: 'cv-hw-elektriker-de',
    family: 'construction_trades',
    format: 'localized_de',
    language: 'de',
    name: 'Stefan Hoffmann',
    email: 'stefan.hoffmann@example.com',
    phone: '+49 555 0148 3321',
    jobs: [
      { title: 'Elektroniker für Energie- und Gebäudetechnik / Vorarbeiter', company: 'Elektro Brandl GmbH', location: 'Augsburg', start: '2019-05', end: null },
      { title: 'Elektroniker', company: 'Stadtwerke Kaufbeuren', location: 'Kaufbeuren', start: '2014-09', end: '2019-04' }
    ],
    degrees: [
      { degree: 'Gesellenprüfung Elektroniker für Energie- und Gebäudetechnik', level: 'vocational', institution: 'Handwerkskammer Schwaben' },
      { degree: 'Meisterschule Elektrotechnik (Meisterbrief)', level: 'vocational', institution: 'Handwerkskammer für München und Oberbayern' }
    ],
    skills: ['elektroinstallation', 'knx', 'photovoltaik', 'e-check', 'sps', 'electrical wiring', 'people management'],
    text: `LEBENSLAUF

Stefan Hoffmann
Am Mühlbach 12, 86150 Augsburg
Tel.: +49 555 0148 3321
E-Mail: stefan.hoffmann@example.com

BERUFSERFAHRUNG

seit 05/2019
Elektroniker für Energie- und Gebäudetechnik / Vorarbeiter
Elektro Brandl GmbH, Augsburg
– Führung eines Teams von 4 Monteuren (Personalführung)
– Elektroinstallation in Wohn- und Gewerbebauten, Verkabelung nach VDE
– Planung und Montage von Photovoltaik-Anlagen und KNX-Gebäudesteuerung

09/2014 – 04/2019
Elektroniker
Stadtwerke Kaufbeuren
– Wartung von Mittel- und Niederspannungsanlagen, E-Check

AUSBILDUNG

2020 – 2021   Meisterschule Elektrotechnik (Meisterbrief), Handwerkskammer für München und Oberbayern
2011 – 2014   Gesellenprüfung Elektroniker für Energie- und Gebäudetechnik, Handwerkskammer Schwaben

KENNTNISSE
Elektroinstallation, KNX, Photovoltaik, E-Check, SPS (Grundkenntnisse)

SPRACHEN
Deutsch (Muttersprache), Englisch (Grundkenntnisse)
`
  },
  {
    id: 'cv-hw-juriste-fr',
    family: 'legal',
    format: 'localized_fr',
    language: 'fr',
    name: 'Camille Girard',
    email: 'camille.girard@example.org',
    phone: '+33 5 55 01 44 19',
    jobs: [
      { title: 'Juriste droit des affaires', company: 'Groupe Vendôme Distribution', location: 'Paris', start: '2020-09', end: null },
      { title: 'Juriste contrats (alternance)', company: 'Cabinet Lefèvre & Associés', location: 'Lyon', start: '2018-09', end: '2020-08' }
    ],
    degrees: [
      { degree: 'Master 2 Droit des affaires', level: 'master', institution: 'Université Jean Moulin Lyon 3' },
      { degree: 'Licence en droit', level: 'bachelor', institution: 'Université Jean Moulin Lyon 3' }
    ],
    skills: ['contract drafting', 'gdpr', 'corporate law', 'legal research', 'dalloz', 'lexisnexis', 'contract management'],
    text: `Camille GIRARD
Juriste droit des affaires
Paris — camille.girard@example.org — +33 5 55 01 44 19

EXPÉRIENCE PROFESSIONNELLE

Depuis septembre 2020 — Juriste droit des affaires, Groupe Vendôme Distribution (Paris)
• Rédaction et négociation des contrats fournisseurs et de distribution (rédaction de contrats)
• Mise en conformité RGPD des traitements marketing
• Veille juridique et recherche juridique sur Dalloz et LexisNexis

Sept. 2018 – août 2020 — Juriste contrats (alternance), Cabinet Lefèvre & Associés (Lyon)
• Gestion des contrats et droit des sociétés : assemblées, cessions de parts

FORMATION
2019 – 2020 : Master 2 Droit des affaires — Université Jean Moulin Lyon 3
2015 – 2018 : Licence en droit — Université Jean Moulin Lyon 3

COMPÉTENCES
Rédaction de contrats · RGPD · Droit des sociétés · Dalloz · LexisNexis

LANGUES
Français (langue maternelle), anglais (courant, TOEIC 945)
`
  },
  {
    id: 'cv-hw-ingeniera-es',
    family: 'civil_engineering',
    format: 'localized_es',
    language: 'es',
    name: 'Lucía Navarro Gil',
    email: 'lucia.navarro@example.com',
    phone: '+34 555 012 778',
    jobs: [
      { title: 'Ingeniera de Caminos / Jefa de Obra', company: 'Ferrovia Obras SA', location: 'Madrid', start: '2016', end: null },
      { title: 'Ingeniera de Proyectos', company: 'Arden Byrne Consulting Engineers', location: 'Madrid', start: '2012', end: '2015' }
    ],
    degrees: [{ degree: 'Máster en Ingeniería de Caminos, Canales y Puertos', level: 'master', institution: 'Universidad Politécnica de Madrid' }],
    skills: ['autocad', 'civil 3d', 'presto', 'structural analysis', 'project management', 'bim', 'revit'],
    text: `CURRÍCULUM VÍTAE

Lucía Navarro Gil
Madrid · lucia.navarro@example.com · +34 555 012 778

EXPERIENCIA LABORAL
2016 – actualidad   Ingeniera de Caminos / Jefa de Obra — Ferrovia Obras SA, Madrid
  Dirección de obras ferroviarias y de carreteras (presupuestos de hasta 25 M€); gestión de proyectos y subcontratas.
  Modelado BIM con Revit y mediciones con Presto.
2012 – 2015   Ingeniera de Proyectos — Arden Byrne Consulting Engineers, Madrid
  Cálculo de estructuras (análisis estructural) y trazado con AutoCAD Civil 3D.

FORMACIÓN ACADÉMICA
2006 – 2012   Máster en Ingeniería de Caminos, Canales y Puertos — Universidad Politécnica de Madrid

HABILIDADES
AutoCAD, Civil 3D, Presto, Revit, BIM

IDIOMAS
Español (nativo), Inglés (B2)
`
  },
  {
    id: 'cv-hw-electrician-pdf',
    family: 'construction_trades',
    format: 'pdf_text',
    language: 'en',
    name: 'Gareth Hughes',
    email: 'gareth.hughes@example.com',
    phone: '+44 555 0190 332',
    jobs: [
      { title: 'Approved Electrician', company: 'Bolt & Sons Electrical', location: 'Cardiff', start: '2017-03', end: null },
      { title: 'Apprentice Electrician', company: 'Valleys Electrical Services', location: 'Pontypridd', start: '2013-09', end: '2017-02' }
    ],
    degrees: [{ degree: 'NVQ Level 3 Electrotechnical Installation', level: 'vocational', institution: 'Coleg y Cymoedd' }],
    skills: ['electrical wiring', 'testing and inspection', 'fault finding', 'ev charger installation', 'fire alarm systems', 'health and safety'],
    text: `GARETH HUGHES
Approved Electrician (JIB Gold Card)
Cardiff | gareth.hughes@example.com | +44 555 0190 332

EXPERIENCE ▸
Approved Electrician                                    Bolt & Sons Electrical, Cardiff
Mar 2017 –
Present
 Domestic and commercial installations, rewires and consumer unit upgrades
 Periodic testing and inspection; EICR certification
 EV charger installation and fire alarm systems (BS 5839)
 Site health and safety: RAMS, toolbox talks

Apprentice Electrician                             Valleys Electrical Services, Pontypridd
Sep 2013 – Feb 2017
 Second fix, containment and fault finding on housing schemes

EDUCATION ▸
NVQ Level 3 Electrotechnical Installation — Coleg y Cymoedd — 2017

SKILLS ▸
Electrical wiring · Testing & inspection · Fault finding · EV chargers · Fire alarms
`
  },
  {
    id: 'cv-hw-accountant-europass',
    family: 'finance_accounting',
    format: 'europass',
    language: 'en',
    name: 'Petra Horváth',
    email: 'petra.horvath@example.com',
    phone: '+36 555 014 8890',
    jobs: [
      { title: 'Senior Accountant', company: 'Danube Shared Services Kft.', location: 'Budapest', start: '2021-02', end: null },
      { title: 'Accountant', company: 'KPMG', location: 'Budapest', start: '2017-09', end: '2021-01' }
    ],
    degrees: [{ degree: 'Master of Science in Accounting', level: 'master', institution: 'Corvinus University of Budapest' }],
    skills: ['ifrs', 'sap', 'month-end close', 'reconciliation', 'excel', 'auditing', 'financial reporting', 'vba', 'accounting'],
    text: `Curriculum vitae

PERSONAL INFORMATION
Petra Horváth
 Budapest, Hungary
 +36 555 014 8890
 petra.horvath@example.com
Nationality Hungarian

WORK EXPERIENCE
01/02/2021–to date   Senior Accountant
Danube Shared Services Kft., Budapest
▪ Month-end close and IFRS reporting for six EU entities in SAP S/4HANA
▪ Intercompany reconciliation; automated checks in Excel VBA

01/09/2017–31/01/2021   Accountant (Audit)
KPMG, Budapest
▪ Statutory audits of manufacturing and retail clients; financial reporting under IFRS

EDUCATION AND TRAINING
01/09/2015–30/06/2017   Master of Science in Accounting
Corvinus University of Budapest

PERSONAL SKILLS
Mother tongue(s) Hungarian
Other language(s) English C1, German B2
Job-related skills IFRS, SAP, month-end close, reconciliation, advanced Excel (VBA)
`
  },
  {
    id: 'cv-hw-warehouse-table',
    family: 'logistics',
    format: 'docx_table',
    language: 'en',
    name: 'Marek Wiśniewski',
    email: 'marek.w@example.com',
    phone: '+44 555 0133 412',
    jobs: [
      { title: 'Warehouse Shift Manager', company: 'Swiftline Couriers', location: 'Northampton', start: '2022-06', end: null },
      { title: 'Team Leader / Forklift Operator', company: 'Hollow Oak Retail Group DC', location: 'Daventry', start: '2018-01', end: '2022-05' },
      { title: 'Warehouse Operative', company: 'Bluebell Logistics', location: 'Daventry', start: '2016-04', end: '2017-12' }
    ],
    degrees: [],
    skills: ['warehouse management', 'forklift operation', 'inventory management', 'health and safety', 'people management', 'sap ewm', 'lean manufacturing', 'sap'],
    text: `Marek Wiśniewski | Northampton, marek.w@example.com, +44 555 0133 412
Warehouse Shift Manager

EXPERIENCE
Jun 2022 – now | Warehouse Shift Manager
 | Swiftline Couriers, Northampton
 | • Run the night shift: 90 operatives, 80,000 parcels, warehouse management system (SAP EWM)
 | • Health and safety lead for the building; lean (5S) improvements
Jan 2018 – May 2022 | Team Leader / Forklift Operator
 | Hollow Oak Retail Group DC, Daventry
 | • Led a team of 12; counterbalance and reach truck (forklift) licences
 | • Cycle counts and inventory management
Apr 2016 – Dec 2017 | Warehouse Operative
 | Bluebell Logistics, Daventry

SKILLS | Warehouse management | Forklift operation | People management | SAP EWM
`
  },
  {
    id: 'cv-hw-product-owner',
    family: 'product_project_management',
    format: 'classic',
    language: 'en',
    name: 'Elif Demir',
    email: 'elif.demir@example.org',
    phone: '+31 555 012 9934',
    jobs: [
      { title: 'Product Owner', company: 'Lumen Health Tech', location: 'Amsterdam', start: '2022-10', end: null },
      { title: 'Business Analyst', company: 'Nimbus Software', location: 'Utrecht', start: '2019-03', end: '2022-09' }
    ],
    degrees: [
      { degree: 'MBA', level: 'master', institution: 'Nyenrode Business University' },
      { degree: 'BSc Computer Science', level: 'bachelor', institution: 'Middle East Technical University' }
    ],
    skills: ['product management', 'user stories', 'jira', 'scrum', 'requirements gathering', 'sql', 'business analysis', 'product roadmap'],
    text: `Elif Demir
Product Owner · Amsterdam · elif.demir@example.org · +31 555 012 9934

EXPERIENCE
Product Owner — Lumen Health Tech — Oct 2022 – ongoing
Own the backlog and product roadmap for the patient app; write user stories with
acceptance criteria; run refinement and sprint reviews in a Scrum team of 7 (Jira).

Business Analyst — Nimbus Software — Mar 2019 – Sep 2022
Requirements gathering with customers; process models; SQL analyses for the product team.

EDUCATION
MBA
Nyenrode Business University, 2021
BSc Computer Science
Middle East Technical University, 2018

SKILLS
Product management, business analysis, Jira, Scrum, SQL
`
  },
  {
    id: 'cv-hw-pharmacist-pdf',
    family: 'pharmacy',
    format: 'pdf_text',
    language: 'en',
    name: 'Oluwaseun Adebayo',
    email: 'seun.adebayo@example.com',
    phone: '+44 555 0152 667',
    jobs: [
      { title: 'Pharmacist / Store Manager', company: 'Boots', location: 'Croydon', start: '2019-08', end: null },
      { title: 'Pre-registration Pharmacist', company: 'Guy\'s and St Thomas\' NHS Foundation Trust', location: 'London', start: '2018-07', end: '2019-07' }
    ],
    degrees: [{ degree: 'MPharm (Hons) Pharmacy', level: 'master', institution: 'King\'s College London' }],
    skills: ['medication dispensing', 'medication reconciliation', 'patient counselling', 'vaccination', 'people management', 'inventory management', 'pharmacology'],
    text: `OLUWASEUN (SEUN) ADEBAYO MPharm MRPharmS
Croydon | seun.adebayo@example.com | +44 555 0152 667

PROFESSIONAL EXPERIENCE
Pharmacist / Store Manager, Boots, Croydon                              Aug 2019 –
Present
 Responsible pharmacist for a store dispensing 9,000 items a month (medication
  dispensing); manage a team of 11
 NHS services: flu and COVID vaccination, New Medicine Service, patient counselling
 Stock control and inventory management; controlled drugs audits

Pre-registration Pharmacist, Guy's and St Thomas' NHS Foundation Trust, London
Jul 2018 – Jul 2019
 Ward-based medication reconciliation and clinical screening

EDUCATION
MPharm (Hons) Pharmacy — King's College London — 2014 – 2018

SKILLS
Pharmacology, dispensing, medicines reconciliation, vaccination, people management
`
  },
  {
    id: 'cv-hw-mech-markdown',
    family: 'mechanical_engineering',
    format: 'markdown',
    language: 'en',
    name: 'Sven Andersson',
    email: 'sven.andersson@example.com',
    phone: '+46 555 013 448',
    jobs: [
      { title: 'Senior Design Engineer', company: 'Brenner Pumps AG', location: 'Gothenburg', start: '2018-11', end: null },
      { title: 'Design Engineer', company: 'Volvo Group Trucks Technology', location: 'Gothenburg', start: '2013-08', end: '2018-10' }
    ],
    degrees: [{ degree: 'MSc Mechanical Engineering', level: 'master', institution: 'Chalmers University of Technology' }],
    skills: ['creo', 'catia', 'gd&t', 'finite element analysis', 'design for manufacturing', 'mechanical design', 'windchill', 'fmea'],
    text: `# Sven Andersson
Senior Design Engineer · Gothenburg, Sweden · sven.andersson@example.com · +46 555 013 448

## 🧭 Summary
Mechanical design engineer (12 years) — castings, sheet metal and pump hydraulics, from concept to series production.

## 🏭 Work experience
**Senior Design Engineer**, Brenner Pumps AG — *Nov 2018 → now*
- Lead mechanical design of a new pump family in Creo and Windchill
- FEA (finite element analysis) of impellers and housings; DFMEA owner
- Design for manufacturing with foundry suppliers

**Design Engineer**, Volvo Group Trucks Technology — *Aug 2013 → Oct 2018*
- Chassis brackets in CATIA V5 with GD&T drawings

## 🎓 Education
MSc Mechanical Engineering, Chalmers University of Technology, 2013

## 🧰 Skills
Creo · CATIA · GD&T · FEA · DFM · Windchill
`
  },
  {
    id: 'cv-hw-cs-no-dates',
    family: 'customer_service',
    format: 'classic',
    language: 'en',
    name: 'Hannah Schmidt',
    email: 'hannah.schmidt@example.com',
    phone: null,
    jobs: [
      { title: 'Volunteer Helpline Adviser', company: 'Citizens Advice', location: 'Bristol', start: null, end: null },
      { title: 'Student Ambassador', company: 'University of Bristol', location: 'Bristol', start: null, end: null }
    ],
    degrees: [{ degree: 'BA (Hons) Sociology', level: 'bachelor', institution: 'University of Bristol' }],
    skills: ['customer service', 'complaint handling', 'active listening', 'microsoft office', 'data entry'],
    text: `HANNAH SCHMIDT
hannah.schmidt@example.com · Bristol

■ ABOUT ME
Sociology graduate looking for a first role in customer service.

■ RELEVANT EXPERIENCE
Volunteer Helpline Adviser — Citizens Advice, Bristol
Answered calls from the public, logged cases and handled complaints calmly (complaint handling).

Student Ambassador — University of Bristol
Open-day tours and answering questions from families.

■ EDUCATION
BA (Hons) Sociology — University of Bristol

■ SKILLS
Customer service · Active listening · Microsoft Office · Data entry
`
  },
  {
    id: 'cv-hw-marketing-two-column',
    family: 'marketing',
    format: 'two_column',
    language: 'en',
    name: 'Chloe Bennett',
    email: 'chloe.bennett@example.com',
    phone: '+1 555 019 3374',
    jobs: [
      { title: 'Social Media Manager', company: 'Northstar Fitness', location: 'Austin, TX', start: '2021-05', end: null },
      { title: 'Marketing Coordinator', company: 'Teal Travel', location: 'Austin, TX', start: '2019-01', end: '2021-04' }
    ],
    degrees: [{ degree: 'BS Advertising', level: 'bachelor', institution: 'University of Texas at Austin' }],
    skills: ['social media marketing', 'content marketing', 'canva', 'adobe premiere pro', 'tiktok', 'influencer marketing', 'google analytics', 'copywriting', 'email marketing'],
    text: `Chloe Bennett
SOCIAL MEDIA MANAGER

CONTACT
chloe.bennett@example.com
+1 555 019 3374
Austin, TX

SKILLS
Social media marketing
Content marketing
Canva
Adobe Premiere Pro
TikTok
Influencer marketing

EDUCATION
BS Advertising
University of Texas at Austin
2014 - 2018

PROFILE
I grow communities around brands people love, with short video and honest copy (copywriting).

EXPERIENCE
Social Media Manager
Northstar Fitness
05/2021 - Present | Austin, TX
• Grew TikTok and Instagram from 8k to 210k followers with creator partnerships
• Monthly reporting in Google Analytics
Marketing Coordinator
Teal Travel
01/2019 - 04/2021 | Austin, TX
• Newsletters (email marketing) and blog content calendar
`
  }
]
