import type { FamilySpec } from './family-types.ts'

/** Software, data, nursing and clinical, pharmacy, teaching, HR. Original text written for this corpus. */
export const PEOPLE_FAMILIES: readonly FamilySpec[] = [
  {
    id: 'software',
    titles: ['Software Engineer', 'Senior Backend Engineer', 'Full Stack Developer', 'Frontend Engineer / UI Developer', 'Web Developer', 'Staff Software Engineer', 'Junior Developer'],
    companies: ['Sakura Apps', 'Northwind Labs', 'Brightpath Software GmbH', 'Tidewater Systems', 'Kestrel Payments', 'Lumen Health Tech', 'Orbitly'],
    cities: ['Berlin', 'Amsterdam', 'Austin, TX', 'Dublin', 'Toronto, ON', 'Lisbon'],
    bullets: [
      'Built and maintained [[REST APIs|rest api]] in [[Node.js]] and [[TypeScript]] serving 2M requests per day',
      'Migrated a monolith to [[microservices]] running on [[Kubernetes]] with [[Helm]] charts',
      'Introduced [[GitHub Actions]] pipelines that cut release time from two days to forty minutes',
      'Designed [[PostgreSQL]] schemas and tuned slow queries, reducing p95 latency by 60%',
      'Developed customer-facing dashboards with [[React]] and [[Redux]]; wrote component tests with [[Jest]]',
      'Mentored four junior engineers and ran weekly [[code reviews|code review]]',
      'Implemented event ingestion on [[Apache Kafka|apache kafka]] and [[Redis]] for a fraud-scoring service',
      'Rewrote the billing module in [[Go]], removing a nightly batch job',
      'Worked with product managers and designers in two-week sprints',
      'Owned on-call for the payments API and wrote the [[incident|incident management]] runbooks',
      'Deployed services to [[AWS]] ([[Lambda|aws lambda]], [[S3|amazon s3]]) using [[Terraform]]'
    ],
    skills: ['JavaScript', 'TypeScript', 'Node.js', 'Python', 'React', 'PostgreSQL', 'Docker', 'Kubernetes', 'AWS', 'Git', 'GraphQL', 'Fastify', 'Vitest', 'OpenAPI'],
    degrees: [
      { text: 'BSc Computer Science', level: 'bachelor', institutions: ['University of Amsterdam', 'Trinity College Dublin', 'University of Texas at Austin'] },
      { text: 'MSc Software Engineering', level: 'master', institutions: ['TU Berlin', 'University of Lisbon'] },
      { text: 'Full-Stack Web Development Bootcamp (certificate)', level: 'vocational', institutions: ['Le Wagon Lisbon', 'Ironhack Berlin'] }
    ],
    certifications: ['[[AWS]] Certified Developer – Associate', 'Certified [[Kubernetes]] Application Developer (CKAD)'],
    summaries: [
      '[[Backend|backend development]]-leaning engineer who likes boring, well-tested systems. Comfortable across the stack and happiest when a deploy is a non-event.',
      'Product-minded developer with a track record of shipping customer-facing features quickly and keeping them fast.'
    ],
    local: {
      de: {
        titles: ['Softwareentwickler', 'Senior Softwareentwicklerin', 'Backend-Entwickler (Java)'],
        bullets: [
          'Entwicklung von [[Microservices]] mit [[Java]] und [[Spring Boot]]',
          'Aufbau einer [[CI/CD|ci/cd]]-Pipeline mit [[Jenkins]] und [[Docker]]',
          'Datenbankdesign und Optimierung mit [[PostgreSQL]]',
          'Betreuung von zwei Werkstudenten und Durchführung von [[Code-Reviews|code review]]'
        ],
        degrees: [{ text: 'B.Sc. Informatik', level: 'bachelor', institutions: ['Hochschule München', 'Universität Stuttgart'] }],
        summary: 'Softwareentwickler mit Schwerpunkt [[Backend|backend development]] und Freude an sauberem, getestetem Code.'
      }
    },
    jds: [
      {
        title: 'Senior Backend Engineer', industries: ['software', 'healthcare'], role_category: 'software_engineering', company: 'Acme', location: 'Berlin', header: 'at_paren',
        intro: 'Acme builds scheduling software for 4,000 clinics across Europe. We are looking for a senior engineer to own our booking platform.',
        responsibilities: ['Design and operate the booking API', 'Review code and help the team raise the bar on testing', 'Work with product on the roadmap for the platform'],
        required: ['5+ years of professional [[backend development]]', 'Strong [[TypeScript]] and [[Node.js]]', 'Production experience with [[PostgreSQL]]', 'Experience running services on [[Kubernetes]]'],
        preferred: ['[[Apache Kafka|apache kafka]] or other event streaming', 'Familiarity with [[Terraform]]'],
        min_years: 5, benefits: ['30 days of holiday', 'Public transport ticket', 'Discounts with retailers and gyms through our benefits platform']
      },
      {
        title: 'Frontend Developer', industries: ['software', 'ecommerce'], role_category: 'software_engineering', company: 'Orbitly', location: 'Amsterdam', header: 'mfd_dash',
        intro: 'Orbitly helps small shops sell online. Join a team of six building our merchant dashboard.',
        responsibilities: ['Build accessible UI components', 'Own performance of the dashboard'],
        required: ['Minimum of three years building web applications', 'Deep knowledge of [[React]] and [[TypeScript]]', 'Solid [[HTML]] and [[CSS]]'],
        preferred: ['Experience with [[Next.js]]', 'Some exposure to [[Figma]]'],
        min_years: 3, benefits: ['Hybrid working', 'Learning budget of EUR 1,500 per year']
      },
      {
        title: 'Software Engineer, Payments', industries: ['fintech'], role_category: 'software_engineering', company: 'Kestrel Payments', location: 'Dublin', header: 'labelled',
        intro: 'Kestrel Payments processes card payments for online retailers. The payments team owns authorisation and settlement.',
        responsibilities: ['Build and maintain settlement services in [[Go]]', 'Participate in the on-call rotation and [[incident management]]'],
        required: ['At least 2 years of experience as a software engineer', 'Experience with [[Go]] or [[Java]]', 'Knowledge of [[SQL]] databases'],
        preferred: ['Experience with [[Docker]] and [[AWS]]'],
        min_years: 2, benefits: ['Health insurance', 'Employee discounts with retailers', 'Pension contribution']
      }
    ]
  },
  {
    id: 'data',
    titles: ['Data Analyst', 'Data Scientist', 'Senior Data Engineer', 'BI Developer / Analyst', 'Machine Learning Engineer', 'Research Engineer'],
    companies: ['OpenAI', 'Fjord Analytics', 'Meridian Insurance', 'Hollow Oak Retail Group', 'Statwise', 'Pioneer Grid Energy'],
    cities: ['San Francisco, CA', 'Oslo', 'London', 'Chicago, IL', 'Madrid'],
    bullets: [
      'Built churn models in [[Python]] with [[scikit-learn]], lifting retention campaign response by 11%',
      'Maintained [[Apache Airflow]] DAGs loading 40 sources into [[Snowflake]]',
      'Wrote [[dbt]] models and tests for the finance mart',
      'Designed [[Tableau]] dashboards used weekly by the executive team',
      'Ran [[A/B tests|a/b testing]] for pricing pages and presented results to marketing',
      'Cleaned and joined claims data in [[SQL]] and [[pandas]] for actuarial reporting',
      'Trained and evaluated text classifiers with [[PyTorch]]',
      'Set up [[Apache Spark|apache spark]] jobs on [[Databricks]] to process 3 TB of meter readings daily',
      'Partnered with the sales team to define pipeline metrics',
      'Built [[Power BI]] reports for store operations'
    ],
    skills: ['Python', 'SQL', 'pandas', 'scikit-learn', 'Tableau', 'Power BI', 'Snowflake', 'dbt', 'Airflow', 'Statistics', 'Excel', 'Great Expectations', 'Looker'],
    degrees: [
      { text: 'MSc Statistics', level: 'master', institutions: ['University of Oslo', 'London School of Economics'] },
      { text: 'BSc Mathematics', level: 'bachelor', institutions: ['University of Chicago', 'Universidad Complutense de Madrid'] },
      { text: 'PhD in Computational Physics', level: 'doctorate', institutions: ['ETH Zurich'] }
    ],
    certifications: ['Google Data Analytics Professional Certificate', '[[Databricks]] Certified Data Engineer Associate'],
    summaries: [
      'Analyst turned data scientist. I turn messy operational data into decisions people can act on.',
      'Data engineer focused on reliable pipelines and well-documented models.'
    ],
    jds: [
      {
        title: 'Data Analyst', industries: ['retail'], role_category: 'data_science', company: 'Hollow Oak Retail Group', location: 'London', header: 'plain_then_location',
        intro: 'Our commercial analytics team supports 300 stores with weekly trading insight.',
        responsibilities: ['Build weekly trading reports', 'Answer ad-hoc questions from category managers'],
        required: ['2-4 years of experience in an analytics role', 'Advanced [[SQL]]', '[[Power BI]] or [[Tableau]]', 'Strong [[Excel]]'],
        preferred: ['[[Python]] for analysis', 'Retail experience'],
        min_years: 2, benefits: ['Colleague discount of 20%', 'Discounts with retailers across the UK']
      },
      {
        title: 'Senior Data Engineer', industries: ['energy'], role_category: 'data_engineering', company: 'Pioneer Grid Energy', location: 'Oslo', header: 'at_paren',
        intro: 'We collect readings from 2 million smart meters and need a data platform that keeps up.',
        responsibilities: ['Own batch and streaming pipelines', 'Improve [[data quality]] checks'],
        required: ['Experience: total work: 5 years (Required)', '[[Apache Spark|apache spark]] and [[Python]]', 'Orchestration with [[Apache Airflow]]', 'Cloud [[data warehouse|data warehousing]] such as [[Snowflake]] or [[BigQuery]]'],
        preferred: ['[[Apache Kafka|apache kafka]]', '[[Terraform]]'],
        min_years: 5, benefits: ['Flexible hours', 'Pension']
      },
      {
        title: 'Machine Learning Engineer', industries: ['software', 'energy'], role_category: 'data_science', company: 'Statwise', location: null, header: 'title_only',
        intro: 'Statwise builds [[forecasting]] tools for utilities. Fully remote within EU time zones.',
        responsibilities: ['Train and deploy [[forecasting]] models', 'Monitor model quality in production'],
        required: ['Three or more years of experience building [[machine learning]] systems', 'Proficiency in [[Python]] and [[PyTorch]]', 'Experience with [[MLOps|mlops]] tooling'],
        preferred: ['[[Time series analysis|time series analysis]]', '[[Docker]]'],
        min_years: 3, benefits: ['Remote-first', 'Home office budget']
      }
    ]
  },
  {
    id: 'nursing_clinical',
    titles: ['Registered Nurse', 'Staff Nurse, ICU', 'Senior Staff RN / Charge Nurse', 'Emergency Department Nurse', 'Clinical Nurse Specialist', 'Community Nurse'],
    companies: ['Cork University Hospital', "St. Brigid's Medical Center", 'Riverside General Hospital', 'Mercy Valley Health', 'Northfield Community Care', 'Lakeside Children\'s Hospital'],
    cities: ['Cork', 'Boston, MA', 'Manchester', 'Denver, CO', 'Galway'],
    bullets: [
      'Provided direct [[patient care]] for up to six patients on a 28-bed medical-surgical unit',
      'Administered [[IV therapy]] and [[medications|medication administration]], documenting in [[Epic|epic ehr]]',
      'Performed [[wound care]] and pressure-injury prevention rounds',
      'Collaborate with physical therapists, dietitians and social workers on discharge plans',
      'Monitored ventilated patients and titrated vasoactive drips in a 12-bed ICU ([[critical care]])',
      '[[Triaged|triage]] walk-in and ambulance arrivals using the Manchester Triage System',
      'Precepted new graduate nurses and led the unit falls-prevention group',
      'Charge nurse on night shifts, coordinating bed flow with the site manager',
      'Educated patients and families on [[diabetes management]] before discharge',
      'Completed hourly [[vital signs]] and early-warning scoring'
    ],
    skills: ['Patient assessment', 'Medication administration', 'IV therapy', 'Wound care', 'BLS', 'ACLS', 'Epic EHR', 'Infection control', 'Triage', 'Patient education', 'Care planning', 'Phlebotomy'],
    degrees: [
      { text: 'BSc (Hons) Nursing', level: 'bachelor', institutions: ['University College Cork', 'University of Manchester'] },
      { text: 'Bachelor of Science in Nursing (BSN)', level: 'bachelor', institutions: ['Boston College', 'Regis University'] },
      { text: 'Associate Degree in Nursing (ADN)', level: 'associate', institutions: ['Denver Community College'] },
      { text: 'Postgraduate Diploma in Intensive Care Nursing', level: 'master', institutions: ['University College Dublin'] }
    ],
    certifications: ['[[Basic Life Support|basic life support]] (BLS), American Heart Association', '[[ACLS|advanced cardiac life support]] Provider', 'NMBI Registration No. 555102'],
    summaries: [
      'Compassionate registered nurse with acute and [[critical care]] experience. Calm under pressure and focused on [[patient safety]].',
      'Experienced charge nurse who enjoys teaching and building safe, well-run units.'
    ],
    local: {
      de: {
        titles: ['Gesundheits- und Krankenpflegerin', 'Fachkrankenpfleger für Intensivpflege'],
        bullets: [
          'Pflege und Überwachung von beatmeten Patienten auf einer interdisziplinären Intensivstation',
          'Durchführung der [[Wundversorgung|wound care]] und Dokumentation im KIS',
          'Anleitung von Auszubildenden und neuen Kolleginnen',
          'Verabreichung von Medikamenten und Infusionen nach ärztlicher Anordnung'
        ],
        degrees: [{ text: 'Examen Gesundheits- und Krankenpflege (Berufsausbildung)', level: 'vocational', institutions: ['Pflegeschule am Klinikum Nürnberg', 'Bildungszentrum Charité Berlin'] }],
        summary: 'Examinierte Pflegekraft mit Erfahrung in der Intensivpflege.'
      }
    },
    jds: [
      {
        title: 'Staff Nurse - Intensive Care Unit', industries: ['healthcare'], role_category: 'healthcare_clinical', company: 'Riverside General Hospital', location: 'Manchester', header: 'labelled',
        intro: 'Riverside General is a 600-bed teaching hospital. Our 18-bed [[ICU|critical care]] is looking for registered nurses for day and night shifts.',
        responsibilities: ['Deliver safe, evidence-based care to critically ill patients', 'Support students and newly qualified nurses'],
        required: ['Current NMC registration', 'At least 12 months of acute care experience', '[[Basic Life Support|basic life support]]', 'Confident with [[IV therapy]] and [[medication administration]]'],
        preferred: ['[[ACLS|advanced cardiac life support]] or ALS certification', 'Previous [[ICU|critical care]] experience'],
        min_years: 1, benefits: ['Pension scheme', 'Car parking', 'Discounts with retailers via our staff benefits app']
      },
      {
        title: 'Registered Nurse (Med-Surg)', industries: ['healthcare'], role_category: 'healthcare_clinical', company: 'Mercy Valley Health', location: 'Denver, CO', header: 'in_city',
        intro: 'Join the 32-bed medical-surgical unit at Mercy Valley Health.',
        responsibilities: ['Assess, plan and evaluate [[patient care]]', 'Educate patients and families'],
        required: ['Experience: total work: 2 years (Required)', 'Active RN license', '[[BLS|basic life support]] certification', 'Experience with [[Epic|epic ehr]]'],
        preferred: ['BSN preferred', '[[Wound care]] certification'],
        min_years: 2, benefits: ['Tuition reimbursement', '401(k) with match']
      },
      {
        title: 'Community Staff Nurse', industries: ['healthcare'], role_category: 'healthcare_clinical', company: 'Northfield Community Care', location: 'Galway', header: 'plain_then_location',
        intro: 'We care for people at home across Galway city and county.',
        responsibilities: ['Plan and deliver care in patients\' homes', 'Liaise with GPs and physical therapists'],
        required: ['Registered with NMBI', 'Minimum of two years post-registration experience', '[[Wound care]] and [[palliative care]] experience'],
        preferred: ['Full driving licence'],
        min_years: 2, benefits: ['Mileage allowance', 'Paid CPD days']
      }
    ]
  },
  {
    id: 'pharmacy',
    titles: ['Pharmacist', 'Clinical Pharmacist', 'Pharmacy Technician', 'Community Pharmacist / Store Manager', 'Hospital Pharmacist'],
    companies: ['Boots', 'Walgreens', 'Lloyds Pharmacy', 'St. Brigid\'s Medical Center', 'HealthFirst Pharmacy Group', 'Apotheke am Markt'],
    cities: ['Leeds', 'Phoenix, AZ', 'Cardiff', 'Vienna', 'Bristol'],
    bullets: [
      'Dispensed 300+ prescriptions per day with a [[medication dispensing]] error rate below 0.01%',
      'Performed [[medication reconciliation]] on admission for surgical patients',
      'Counselled patients on new medicines, inhaler technique and blood pressure',
      'Managed controlled drug registers and monthly audits',
      'Ran the flu vaccination clinic, giving 1,200 vaccinations in one season',
      'Reviewed antimicrobial prescriptions with the microbiology team',
      'Handled stock ordering and [[inventory management]] for two branches',
      'Trained pharmacy technicians on the new [[dispensing|medication dispensing]] robot'
    ],
    skills: ['Medication dispensing', 'Pharmacology', 'Medication reconciliation', 'Patient counselling', 'Controlled drugs management', 'Immunisation', 'Inventory management', 'Clinical screening', 'EMIS'],
    degrees: [
      { text: 'Master of Pharmacy (MPharm)', level: 'master', institutions: ['University of Bradford', 'Cardiff University'] },
      { text: 'Doctor of Pharmacy (PharmD)', level: 'doctorate', institutions: ['University of Arizona'] },
      { text: 'BTEC Level 3 Diploma in Pharmaceutical Science', level: 'vocational', institutions: ['Leeds City College'] }
    ],
    certifications: ['GPhC registered pharmacist', 'Independent Prescriber'],
    summaries: [
      'Patient-focused pharmacist with community and hospital experience.',
      'Registered pharmacy professional with a strong record in safe [[dispensing|medication dispensing]] and [[stock control|inventory management]].'
    ],
    jds: [
      {
        title: 'Community Pharmacist', industries: ['healthcare', 'pharmaceuticals'], role_category: 'healthcare_clinical', company: 'HealthFirst Pharmacy Group', location: 'Bristol', header: 'at_paren',
        intro: 'A busy high-street pharmacy with a strong services offer.',
        responsibilities: ['Clinically check and supervise [[dispensing|medication dispensing]]', 'Deliver NHS services including flu vaccinations'],
        required: ['GPhC registration', 'At least 1 year as a community pharmacist', 'Sound [[pharmacology]] and [[medication dispensing]] practice'],
        preferred: ['Independent prescribing qualification', 'Experience with [[inventory management]]'],
        min_years: 1, benefits: ['Staff discount', 'Discounts with retailers']
      },
      {
        title: 'Clinical Pharmacist', industries: ['healthcare'], role_category: 'healthcare_clinical', company: 'St. Brigid\'s Medical Center', location: 'Phoenix, AZ', header: 'labelled',
        intro: 'Our inpatient pharmacy team supports medical and surgical wards.',
        responsibilities: ['Review medication orders', 'Take part in ward rounds'],
        required: ['PharmD required', 'Minimum of three years hospital pharmacy experience', '[[Medication reconciliation]]', '[[Pharmacology]]'],
        preferred: ['Board certification (BCPS)', '[[Epic|epic ehr]] Willow experience'],
        min_years: 3, benefits: ['Health, dental and vision', 'Relocation support']
      }
    ]
  },
  {
    id: 'teaching',
    titles: ['Primary Teacher', 'Year 4 Class Teacher', 'Secondary Mathematics Teacher', 'English Teacher / Head of Year', 'Teaching Assistant', 'Special Educational Needs Teacher'],
    companies: ['Oakfield Primary School', 'Greenway Academy', 'St. Anne\'s Catholic School', 'Lincoln Park Elementary', 'International School of Valencia', 'Harbourside High School'],
    cities: ['Birmingham', 'Chicago, IL', 'Valencia', 'Sheffield', 'Auckland'],
    bullets: [
      'Planned and taught a full Year 4 curriculum to a class of 30 pupils',
      'Raised the share of pupils reaching the expected standard in reading from 64% to 81%',
      'Used [[differentiated instruction]] and small-group [[phonics|literacy instruction]] interventions',
      'Led the school\'s maths curriculum and ran staff training on mastery teaching',
      'Wrote and reviewed [[individualized education programs]] with parents and specialists',
      'Introduced a whole-class reading approach across Key Stage 2',
      'Used [[Google Classroom]] for homework and parent communication',
      'Ran the after-school robotics club',
      'Managed behaviour with a consistent, positive [[classroom management]] system'
    ],
    skills: ['Lesson planning', 'Classroom management', 'Differentiated instruction', 'Student assessment', 'Phonics', 'Safeguarding', 'Google Classroom', 'Curriculum development', 'Special education'],
    degrees: [
      { text: 'BEd Primary Education', level: 'bachelor', institutions: ['Birmingham City University', 'Sheffield Hallam University'] },
      { text: 'PGCE Secondary Mathematics', level: 'master', institutions: ['University of Warwick', 'University of Auckland'] },
      { text: 'BA English Literature', level: 'bachelor', institutions: ['University of Illinois Chicago', 'Universitat de València'] }
    ],
    certifications: ['Qualified Teacher Status (QTS)', 'Enhanced DBS check'],
    summaries: [
      'Enthusiastic primary teacher who believes every child can succeed with the right support.',
      'Secondary teacher with a strong record of exam results and pastoral care.'
    ],
    jds: [
      {
        title: 'Primary Teacher (KS2)', industries: ['education'], role_category: 'education_teaching', company: 'Oakfield Primary School', location: 'Birmingham', header: 'plain_then_location',
        intro: 'Oakfield is a friendly two-form entry primary school rated Good by Ofsted.',
        responsibilities: ['Plan and teach engaging lessons', 'Track pupil progress and report to parents'],
        required: ['Qualified Teacher Status', 'Excellent [[lesson planning]] and [[classroom management]]', 'Experience of [[student assessment]] in KS2'],
        preferred: ['Experience leading a subject', 'Knowledge of [[special education|special education]] needs'],
        min_years: null, benefits: ['Teachers\' Pension Scheme', 'Supportive leadership team']
      },
      {
        title: 'Mathematics Teacher', industries: ['education'], role_category: 'education_teaching', company: 'International School of Valencia', location: 'Valencia', header: 'in_city',
        intro: 'An IB World School with 900 students from 40 countries.',
        responsibilities: ['Teach IB MYP and DP mathematics', 'Act as a homeroom tutor'],
        required: ['Teaching qualification and degree in mathematics', 'At least two years of classroom teaching experience', '[[Differentiated instruction]]', '[[Curriculum development]]'],
        preferred: ['IB experience', '[[Google Classroom]]'],
        min_years: 2, benefits: ['Relocation allowance', 'Free tuition for children']
      }
    ]
  },
  {
    id: 'hr',
    titles: ['HR Generalist', 'HR Business Partner', 'Talent Acquisition Specialist', 'People Operations Manager', 'Recruiter', 'HR Coordinator'],
    companies: ['Copperleaf Manufacturing', 'Bluebell Logistics', 'Nimbus Software', 'Westbrook Hotels', 'Grantham & Lowe LLP', 'Parkview Health Trust'],
    cities: ['Leeds', 'Atlanta, GA', 'Rotterdam', 'Glasgow', 'Melbourne'],
    bullets: [
      'Managed the full [[recruiting]] cycle for 120 hires a year across operations and finance',
      'Advised line managers on [[employee relations]] cases, disciplinaries and grievances',
      'Ran monthly [[payroll]] inputs for 450 employees with zero late payments',
      'Implemented [[Workday]] HCM and migrated records from spreadsheets',
      'Designed an [[employee onboarding]] programme that cut first-year attrition by a third',
      'Led the annual [[performance management]] cycle and calibration sessions',
      'Updated [[HR policies|hr policies]] after changes in employment legislation',
      'Partnered with finance on salary benchmarking and the bonus process'
    ],
    skills: ['Recruiting', 'Employee relations', 'Payroll', 'Workday', 'BambooHR', 'Performance management', 'Employment law', 'Onboarding', 'HR policies', 'Greenhouse ATS', 'CIPD Level 5'],
    degrees: [
      { text: 'BA (Hons) Human Resource Management', level: 'bachelor', institutions: ['Leeds Beckett University', 'University of Strathclyde'] },
      { text: 'MSc Organisational Psychology', level: 'master', institutions: ['Erasmus University Rotterdam'] },
      { text: 'Bachelor of Business (Management)', level: 'bachelor', institutions: ['RMIT University', 'Georgia State University'] }
    ],
    certifications: ['CIPD Associate Member', 'SHRM-CP'],
    summaries: [
      'Generalist HR professional who enjoys solving people problems in fast-growing businesses.',
      'Recruiter with a strong record filling hard-to-hire operational roles.'
    ],
    jds: [
      {
        title: 'HR Business Partner', industries: ['manufacturing'], role_category: 'human_resources', company: 'Copperleaf Manufacturing', location: 'Leeds', header: 'at_paren',
        intro: 'Copperleaf makes packaging for food producers and employs 900 people across three sites.',
        responsibilities: ['Coach managers through [[employee relations]] cases', 'Lead [[performance management]] and [[workforce planning]]'],
        required: ['Minimum of four years in a generalist HR role', 'CIPD Level 5 or above', 'Strong knowledge of [[employment law]]'],
        preferred: ['Experience in manufacturing', '[[Workday]]'],
        min_years: 4, benefits: ['Company car allowance', 'Discounts with retailers through Perkbox']
      },
      {
        title: 'Talent Acquisition Specialist', industries: ['software'], role_category: 'human_resources', company: 'Nimbus Software', location: 'Rotterdam', header: 'mfd_dash',
        intro: 'Nimbus is growing from 200 to 350 people this year.',
        responsibilities: ['Own hiring for engineering and sales roles', 'Improve our candidate experience'],
        required: ['2+ years of in-house or agency [[recruiting]] experience', 'Experience with an [[applicant tracking system|applicant tracking systems]]', 'Fluent English'],
        preferred: ['Dutch', 'Experience hiring software engineers'],
        min_years: 2, benefits: ['Hybrid working', 'Pension']
      }
    ]
  }
]
