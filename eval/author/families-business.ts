import type { FamilySpec } from './family-types.ts'

/** Sales, marketing, finance and accounting, legal, customer service, product and project management. Original text written for this corpus. */
export const BUSINESS_FAMILIES: readonly FamilySpec[] = [
  {
    id: 'sales',
    titles: ['Account Executive', 'Sales Representative', 'Business Development Manager', 'Retail Sales Associate', 'Key Account Manager', 'Inside Sales / SDR'],
    companies: ['Brightline Telecom', 'Harlow Office Supplies', 'Vantage CRM', 'Marigold Home Stores', 'Ferro Industrial Parts', 'Pacific Coast Beverages'],
    cities: ['Manchester', 'Dallas, TX', 'Madrid', 'Seville', 'Sydney'],
    bullets: [
      'Closed EUR 1.4M in new [[B2B sales|b2b sales]] in 2023, 128% of quota',
      'Managed a book of 60 mid-market accounts and grew renewals by 18%',
      'Booked 25 qualified meetings a month through [[cold calling]] and LinkedIn outreach',
      'Kept [[Salesforce]] opportunities and forecasts up to date for weekly pipeline reviews',
      'Ran product demos ([[sales presentations]]) and negotiated multi-year contracts with procurement teams',
      'Served up to 200 customers a day on the shop floor and handled returns at the till',
      'Trained three new sales reps on discovery calls',
      'Opened 14 new distributor accounts in Andalusia'
    ],
    skills: ['B2B sales', 'Prospecting', 'Salesforce', 'HubSpot', 'Negotiation', 'Account management', 'Pipeline management', 'Cold calling', 'Solution selling', 'Gong'],
    degrees: [
      { text: 'BA Business Administration', level: 'bachelor', institutions: ['University of Salford', 'Universidad de Sevilla', 'University of North Texas'] },
      { text: 'Diploma of Sales and Marketing', level: 'vocational', institutions: ['TAFE NSW'] }
    ],
    certifications: ['Sandler Sales Foundations', 'MEDDIC training'],
    summaries: [
      'Consultative salesperson who builds long relationships and hits target.',
      'Energetic sales professional with retail and B2B experience.'
    ],
    local: {
      es: {
        titles: ['Ejecutivo de Ventas', 'Responsable Comercial de Zona'],
        bullets: [
          'Gestión de una cartera de 80 clientes en Andalucía y Extremadura',
          'Captación de nuevos distribuidores y [[negociación|negotiation]] de contratos anuales',
          'Seguimiento de oportunidades en [[Salesforce]]',
          'Cumplimiento del 115 % del objetivo de ventas en 2023'
        ],
        degrees: [{ text: 'Grado en Administración y Dirección de Empresas', level: 'bachelor', institutions: ['Universidad de Sevilla', 'Universidad de Málaga'] }],
        summary: 'Comercial con experiencia en venta B2B y gestión de cuentas clave.'
      }
    },
    jds: [
      {
        title: 'Account Executive', industries: ['software'], role_category: 'sales', company: 'Vantage CRM', location: 'Dallas, TX', header: 'in_city',
        intro: 'Vantage CRM sells scheduling software to home-services businesses.',
        responsibilities: ['Run the full sales cycle from discovery to close', 'Forecast accurately in [[Salesforce]]'],
        required: ['3-5 years of [[SaaS sales|saas sales]] experience', 'Track record of exceeding quota', 'Excellent [[negotiation]] skills'],
        preferred: ['Experience selling to SMBs', '[[HubSpot]]'],
        min_years: 3, benefits: ['Uncapped commission', 'Discounts with retailers and restaurants']
      },
      {
        title: 'Retail Sales Associate', industries: ['retail'], role_category: 'sales', company: 'Marigold Home Stores', location: 'Sydney', header: 'plain_then_location',
        intro: 'Marigold is a homewares retailer with 40 stores.',
        responsibilities: ['Help customers find the right products', 'Keep the shop floor tidy and merchandised', 'Process sales and returns at the till'],
        required: ['At least 6 months of retail or hospitality experience', 'Confident with [[cash handling]] and [[point of sale]] systems', 'Weekend availability'],
        preferred: ['[[Visual merchandising]] experience'],
        min_years: 0.5, benefits: ['Staff discount of 30%', 'Discounts with retailers in our partner network']
      }
    ]
  },
  {
    id: 'marketing',
    titles: ['Marketing Manager', 'Digital Marketing Specialist', 'Content Marketing Lead', 'Social Media Manager', 'Marketing Coordinator', 'Growth Marketer / SEO Specialist'],
    companies: ['Wildflower Cosmetics', 'Teal Travel', 'Ironbridge Software', 'Maison Lumière', 'Crescent Foods', 'Northstar Fitness'],
    cities: ['London', 'Paris', 'Lyon', 'New York, NY', 'Copenhagen'],
    bullets: [
      'Planned and ran [[Google Ads]] and [[Meta Ads|facebook ads]] campaigns with a monthly budget of EUR 80k',
      'Grew organic traffic 140% through [[SEO|seo]] and a rebuilt content calendar',
      'Wrote long-form articles and newsletters sent to 90,000 subscribers via [[Mailchimp]]',
      'Managed brand social channels and a community of 120k followers',
      'Reported campaign performance with [[Google Analytics]] and [[Looker Studio]]',
      'Coordinated product launches with the sales team and agencies',
      'Ran a rebrand project with an external design studio',
      'Set up [[marketing automation]] journeys in [[HubSpot]]'
    ],
    skills: ['SEO', 'Google Ads', 'Content marketing', 'Social media marketing', 'Email marketing', 'Google Analytics', 'HubSpot', 'Copywriting', 'Canva', 'Brand management', 'TikTok'],
    degrees: [
      { text: 'BA Marketing and Communications', level: 'bachelor', institutions: ['University of Westminster', 'Copenhagen Business School'] },
      { text: 'MSc Digital Marketing', level: 'master', institutions: ['ESSEC Business School', 'NYU Stern'] }
    ],
    certifications: ['[[Google Ads]] Search Certification', '[[HubSpot]] Inbound Marketing'],
    summaries: [
      'Data-driven marketer who combines creative campaigns with careful measurement.',
      'Content and social specialist with a strong brand voice.'
    ],
    local: {
      fr: {
        titles: ['Responsable Marketing Digital', 'Chargée de communication'],
        bullets: [
          'Pilotage des campagnes [[Google Ads]] et réseaux sociaux (budget 50 k€ par mois)',
          'Refonte de la stratégie [[SEO|seo]] et hausse du trafic organique de 90 %',
          'Rédaction de la newsletter mensuelle et des contenus du blog',
          'Suivi des performances avec [[Google Analytics]]'
        ],
        degrees: [{ text: 'Master Marketing Digital', level: 'master', institutions: ['IAE Lyon', 'Université Paris-Dauphine'] }],
        summary: 'Responsable marketing digital, orientée résultats et passionnée par la marque.'
      }
    },
    jds: [
      {
        title: 'Digital Marketing Manager', industries: ['travel_hospitality'], role_category: 'marketing', company: 'Teal Travel', location: 'London', header: 'at_paren',
        intro: 'Teal Travel sells small-group tours in 30 countries.',
        responsibilities: ['Own [[paid search|ppc]] and paid social ([[performance marketing]])', 'Report on acquisition cost and return on ad spend'],
        required: ['Minimum of three years managing [[paid media|performance marketing]] budgets', 'Hands-on [[Google Ads]] and [[Facebook Ads|facebook ads]]', '[[Google Analytics]]'],
        preferred: ['[[SEO|seo]] knowledge', 'Travel industry experience'],
        min_years: 3, benefits: ['Travel discounts', 'Discounts with retailers and cinemas']
      },
      {
        title: 'Content Marketing Specialist', industries: ['software'], role_category: 'marketing', company: 'Ironbridge Software', location: 'Copenhagen', header: 'labelled',
        intro: 'Ironbridge makes accounting software for small firms.',
        responsibilities: ['Write blog posts, guides and customer stories', 'Run the newsletter'],
        required: ['Two years of experience in [[content marketing]] or journalism', 'Excellent [[copywriting]] in English', '[[SEO|seo]] basics'],
        preferred: ['[[HubSpot]]', 'B2B software experience'],
        min_years: 2, benefits: ['Pension', 'Lunch scheme']
      }
    ]
  },
  {
    id: 'finance_accounting',
    titles: ['Financial Analyst', 'Staff Accountant', 'Senior Accountant', 'FP&A Manager', 'Accounts Payable Specialist', 'Financial Controller'],
    companies: ['Grantham & Lowe LLP', 'Redwood Capital Partners', 'Meridian Insurance', 'Halcyon Retail SA', 'Bluebell Logistics', 'KPMG'],
    cities: ['Frankfurt', 'Toronto, ON', 'Paris', 'Edinburgh', 'Chicago, IL'],
    bullets: [
      'Prepared monthly [[management accounts|financial reporting]] and led the [[month-end close]] in five working days',
      'Built a three-statement [[financial model|financial modeling]] for a EUR 40M acquisition',
      'Ran [[variance analysis]] against budget and explained movements to budget holders',
      'Reconciled 30 bank accounts and intercompany balances',
      'Processed 1,500 supplier invoices a month in [[SAP]]',
      'Led the annual [[budgeting]] and reforecast cycle',
      'Supported external auditors and prepared statutory accounts under [[IFRS]]',
      'Automated reporting packs in [[Excel]] and [[Power BI]]'
    ],
    skills: ['Financial reporting', 'Month-end close', 'Budgeting', 'Forecasting', 'Excel', 'SAP', 'IFRS', 'Variance analysis', 'Reconciliation', 'Oracle NetSuite', 'Power Query'],
    degrees: [
      { text: 'BSc Accounting and Finance', level: 'bachelor', institutions: ['University of Edinburgh', 'University of Toronto'] },
      { text: 'MSc Finance', level: 'master', institutions: ['Frankfurt School of Finance & Management', 'HEC Paris'] },
      { text: 'BCom Accounting', level: 'bachelor', institutions: ['DePaul University'] }
    ],
    certifications: ['ACCA', '[[CPA|certified public accountant]] (Illinois)', 'CFA Level II candidate'],
    summaries: [
      'Qualified accountant with experience across [[audit|auditing]], reporting and [[FP&A|financial planning and analysis]].',
      'Analytical finance professional who makes numbers understandable to non-finance managers.'
    ],
    local: {
      fr: {
        titles: ['Contrôleur de gestion', 'Comptable confirmée'],
        bullets: [
          'Clôtures mensuelles et reporting groupe sous [[IFRS]]',
          'Élaboration du [[budget|budgeting]] annuel et des re-prévisions',
          'Analyse des écarts et suivi des indicateurs de performance',
          'Automatisation des tableaux de bord sous [[Excel]]'
        ],
        degrees: [{ text: 'Master Comptabilité Contrôle Audit (CCA)', level: 'master', institutions: ['Université Paris 1 Panthéon-Sorbonne', 'IAE Bordeaux'] }],
        summary: 'Contrôleur de gestion rigoureux, à l\'aise avec les chiffres et les équipes opérationnelles.'
      }
    },
    jds: [
      {
        title: 'Senior Financial Analyst (FP&A)', industries: ['retail'], role_category: 'finance_accounting', company: 'Halcyon Retail SA', location: 'Paris', header: 'mfd_dash',
        intro: 'Halcyon runs 120 stores in France and Belgium.',
        responsibilities: ['Own the monthly forecast', 'Partner with store operations on cost control'],
        required: ['5+ years in [[FP&A|financial planning and analysis]] or [[audit|auditing]]', 'Advanced [[Excel]] and [[financial modeling]]', '[[Budgeting]] and [[variance analysis]]'],
        preferred: ['[[SAP]]', '[[Power BI]]', 'French'],
        min_years: 5, benefits: ['Meal vouchers', 'Discounts with retailers of the group']
      },
      {
        title: 'Staff Accountant', industries: ['investment'], role_category: 'finance_accounting', company: 'Redwood Capital Partners', location: 'Toronto, ON', header: 'at_paren',
        intro: 'A mid-sized investment firm looking for an accountant to join a team of five.',
        responsibilities: ['Prepare journal entries and [[reconciliations|reconciliation]]', 'Support the [[month-end close]]'],
        required: ['Bachelor\'s degree in [[accounting]]', 'One to three years of [[accounting]] experience', 'Knowledge of [[general ledger]] and [[reconciliation]]'],
        preferred: ['[[CPA|certified public accountant]] designation in progress', '[[NetSuite]]'],
        min_years: 1, benefits: ['RRSP matching', 'Hybrid working']
      }
    ]
  },
  {
    id: 'legal',
    titles: ['Associate Solicitor', 'Paralegal', 'Corporate Lawyer', 'Legal Counsel', 'Litigation Associate', 'Compliance Officer'],
    companies: ['Grantham & Lowe LLP', 'Baxter Quinn Solicitors', 'Mendez & Ortega Abogados', 'Nimbus Software', 'Harcourt Legal Group', 'Meridian Insurance'],
    cities: ['London', 'Madrid', 'New York, NY', 'Dublin', 'Brussels'],
    bullets: [
      'Drafted and negotiated [[commercial contracts|contract drafting]], NDAs and supplier agreements',
      'Advised product teams on [[GDPR]] and [[data protection|data privacy]] impact assessments',
      'Conducted [[legal research]] and prepared briefs for partners in commercial disputes',
      'Managed a caseload of 40 residential [[conveyancing]] files from instruction to completion',
      'Supported [[due diligence]] on four acquisitions',
      'Prepared court bundles and attended hearings with counsel',
      'Maintained the contract repository and renewal calendar',
      'Delivered [[compliance|regulatory compliance]] training to 300 staff'
    ],
    skills: ['Contract drafting', 'Legal research', 'GDPR', 'Due diligence', 'Litigation', 'Corporate governance', 'Conveyancing', 'Westlaw', 'LexisNexis', 'Regulatory compliance'],
    degrees: [
      { text: 'LLB (Hons) Law', level: 'bachelor', institutions: ['King\'s College London', 'Trinity College Dublin'] },
      { text: 'Juris Doctor (JD)', level: 'doctorate', institutions: ['Fordham University School of Law'] },
      { text: 'Grado en Derecho', level: 'bachelor', institutions: ['Universidad Autónoma de Madrid'] },
      { text: 'LLM European Law', level: 'master', institutions: ['KU Leuven'] }
    ],
    certifications: ['Admitted as a Solicitor of England and Wales', 'New York State Bar'],
    summaries: [
      'Commercial lawyer who gives clear, practical advice.',
      'Organised paralegal with strong drafting and research skills.'
    ],
    jds: [
      {
        title: 'Commercial Solicitor', industries: ['legal'], role_category: 'legal', company: 'Baxter Quinn Solicitors', location: 'London', header: 'plain_then_location',
        intro: 'A 60-lawyer firm advising technology and media clients.',
        responsibilities: ['Draft and negotiate commercial agreements', 'Advise clients on [[data protection|data privacy]]'],
        required: ['2-5 years PQE in a commercial team', 'Excellent [[contract drafting]]', 'Working knowledge of [[GDPR]]'],
        preferred: ['Technology sector clients', 'In-house secondment experience'],
        min_years: 2, benefits: ['Bonus scheme', 'Private medical insurance']
      },
      {
        title: 'Paralegal - Litigation', industries: ['legal'], role_category: 'legal', company: 'Harcourt Legal Group', location: 'New York, NY', header: 'labelled',
        intro: 'Our [[litigation]] department handles commercial disputes for mid-sized companies.',
        responsibilities: ['Prepare filings and manage discovery', 'Maintain case calendars'],
        required: ['At least 2 years of experience as a [[litigation]] paralegal', 'Strong [[legal research]] skills', 'Experience with [[e-discovery]] platforms'],
        preferred: ['Paralegal certificate', '[[Westlaw]]'],
        min_years: 2, benefits: ['401(k)', 'Commuter benefits']
      }
    ]
  },
  {
    id: 'customer_service',
    titles: ['Customer Service Representative', 'Customer Support Specialist', 'Call Centre Agent', 'Customer Success Manager', 'Team Leader, Customer Care', 'Help Desk Agent / Customer Support'],
    companies: ['Brightline Telecom', 'Teal Travel', 'Orbitly', 'Fenwick Energy Supply', 'Kestrel Payments', 'Atlas Insurance Direct'],
    cities: ['Glasgow', 'Barcelona', 'Cork', 'Tampa, FL', 'Cape Town'],
    bullets: [
      'Handled 70 inbound calls and chats a day with a 92% satisfaction score',
      'Resolved billing disputes and escalated complaints in [[Zendesk]]',
      'Onboarded new business customers and ran product training sessions',
      'Coached a team of 12 agents and ran daily huddles',
      'Wrote 40 help-centre articles that reduced repeat contacts',
      'Processed refunds and account changes in the [[CRM|crm]]',
      'Worked with the product team to report recurring bugs',
      'Kept average handling time under six minutes'
    ],
    skills: ['Customer service', 'Zendesk', 'Complaint handling', 'Call center', 'Salesforce Service Cloud', 'Live chat', 'De-escalation', 'Customer onboarding', 'Intercom'],
    degrees: [
      { text: 'HND Business', level: 'associate', institutions: ['Glasgow Clyde College'] },
      { text: 'BA Tourism Management', level: 'bachelor', institutions: ['Universitat de Barcelona', 'University of South Florida'] },
      { text: 'High School Diploma', level: 'high_school', institutions: ['Tampa Bay Technical High School', 'Rondebosch Boys\' High School'] }
    ],
    certifications: ['COPC Customer Experience Certified', '[[ITIL|itil]] 4 Foundation'],
    summaries: [
      'Friendly [[customer service]] professional who stays calm with difficult calls.',
      '[[Customer success]] manager focused on adoption and renewals.'
    ],
    local: {
      es: {
        titles: ['Agente de Atención al Cliente', 'Coordinadora de Atención al Cliente'],
        bullets: [
          'Atención telefónica y por chat a clientes de telefonía móvil (80 contactos diarios)',
          'Gestión de reclamaciones e incidencias en [[Zendesk]]',
          'Formación de nuevos agentes y seguimiento de indicadores de calidad',
          'Tramitación de altas, bajas y cambios de tarifa'
        ],
        degrees: [{ text: 'Técnico Superior en Gestión Comercial y Marketing', level: 'vocational', institutions: ['IES Joan d\'Àustria, Barcelona'] }],
        summary: 'Profesional de atención al cliente con experiencia en telecomunicaciones.'
      }
    },
    jds: [
      {
        title: 'Customer Service Representative', industries: ['insurance'], role_category: 'customer_success', company: 'Atlas Insurance Direct', location: 'Tampa, FL', header: 'in_city',
        intro: 'Help our policyholders with questions, changes and claims.',
        responsibilities: ['Answer inbound calls and emails', 'Log every contact accurately in the [[CRM|crm]]'],
        required: ['Experience: [[customer service]]: 1 year (Required)', 'Clear phone manner', 'Comfortable with [[Microsoft Office|microsoft office]]'],
        preferred: ['Insurance or [[call centre|call center]] background', 'Bilingual English/Spanish'],
        min_years: 1, benefits: ['Paid training', 'Employee discount program with retailers']
      },
      {
        title: 'Customer Support Specialist', industries: ['software', 'ecommerce'], role_category: 'customer_success', company: 'Orbitly', location: 'Barcelona', header: 'at_paren',
        intro: 'Support merchants using our online shop builder, mostly by chat and email.',
        responsibilities: ['Answer tickets in [[Zendesk]]', 'Write and update help-centre articles'],
        required: ['At least one year of [[customer support|customer service]] experience', 'Excellent written English', 'Experience with [[Zendesk]] or [[Freshdesk]]'],
        preferred: ['Spanish or Catalan', 'Basic [[HTML]]'],
        min_years: 1, benefits: ['Hybrid work', 'Private health insurance']
      }
    ]
  },
  {
    id: 'product_project_management',
    titles: ['Product Manager', 'Senior Product Owner', 'Project Manager', 'IT Project Manager / Scrum Master', 'Programme Manager', 'Project Coordinator'],
    companies: ['Nimbus Software', 'Lumen Health Tech', 'Civitas Infrastructure Group', 'Kestrel Payments', 'Bluebell Logistics', 'Ironbridge Software'],
    cities: ['Amsterdam', 'London', 'Munich', 'Seattle, WA', 'Stockholm'],
    bullets: [
      'Owned the [[product roadmap]] for a billing product used by 9,000 businesses',
      'Ran [[product discovery]] interviews and wrote [[user stories]] with acceptance criteria',
      'Delivered a EUR 6M [[ERP|erp systems]] rollout on time across four countries',
      'Managed scope, budget and [[risk registers|risk management]] for 12 concurrent projects',
      'Facilitated sprint planning, reviews and retrospectives as [[Scrum|scrum]] Master',
      'Tracked delivery in [[Jira]] and [[Confluence]] and reported to the steering committee',
      'Defined [[OKRs|okrs]] with engineering and design leads',
      'Coordinated vendors and stakeholders for a warehouse automation programme'
    ],
    skills: ['Product management', 'Roadmapping', 'User stories', 'Jira', 'Confluence', 'Agile', 'Scrum', 'Stakeholder management', 'Risk management', 'PRINCE2', 'MS Project', 'Productboard'],
    degrees: [
      { text: 'MSc Business Information Systems', level: 'master', institutions: ['Vrije Universiteit Amsterdam', 'Technische Universität München'] },
      { text: 'BEng Industrial Engineering', level: 'bachelor', institutions: ['KTH Royal Institute of Technology', 'University of Washington'] },
      { text: 'MBA', level: 'master', institutions: ['London Business School'] }
    ],
    certifications: ['PMP', 'Professional [[Scrum]] Master I (PSM I)', '[[PRINCE2]] Practitioner'],
    summaries: [
      'Product manager who likes talking to customers and shipping small, measurable improvements.',
      'Delivery-focused project manager for technology and operations programmes.'
    ],
    jds: [
      {
        title: 'Senior Product Manager', industries: ['software', 'healthcare'], role_category: 'product_management', company: 'Lumen Health Tech', location: 'Amsterdam', header: 'mfd_dash',
        intro: 'Lumen builds patient scheduling apps for hospitals.',
        responsibilities: ['Own the [[product roadmap]] for patient apps', 'Run discovery with clinicians'],
        required: ['5+ years of [[product management]] experience', 'Experience writing [[user stories]] and working in [[Scrum]] teams', 'Strong [[stakeholder management]]'],
        preferred: ['Healthcare software experience', '[[Product analytics|product analytics]]'],
        min_years: 5, benefits: ['Hybrid working', 'NS business card']
      },
      {
        title: 'Project Manager', industries: ['logistics'], role_category: 'project_management', company: 'Bluebell Logistics', location: 'Munich', header: 'plain_then_location',
        intro: 'Bluebell is automating three distribution centres in southern Germany.',
        responsibilities: ['Plan and control the automation projects', 'Report to the steering committee'],
        required: ['Minimum of four years of [[project management]] experience', 'PMP or [[PRINCE2]] certification', '[[Risk management]] and budget control'],
        preferred: ['[[Logistics]] or warehouse projects', '[[Microsoft Project]]'],
        min_years: 4, benefits: ['Company pension', 'Job bike leasing']
      }
    ]
  }
]
