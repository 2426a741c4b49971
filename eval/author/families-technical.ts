import type { FamilySpec } from './family-types.ts'

/** Civil, mechanical and electrical engineering, construction and trades, hospitality, logistics. Original text written for this corpus. */
export const TECHNICAL_FAMILIES: readonly FamilySpec[] = [
  {
    id: 'civil_engineering',
    titles: ['Civil Engineer', 'Project Engineer (Civil)', 'Structural Engineer', 'Graduate Civil Engineer', 'Site Engineer / Setting-out Engineer', 'Senior Highways Engineer'],
    companies: ['Civitas Infrastructure Group', 'Arden Byrne Consulting Engineers', 'Hallam Roads Ltd', 'Ferrovia Obras SA', 'Tasman Structures', 'Kingsway Water Services'],
    cities: ['Leeds', 'Brisbane', 'Madrid', 'Birmingham', 'Limerick'],
    bullets: [
      'Designed drainage and highway alignments in [[AutoCAD Civil 3D|autocad]] for a 4 km bypass',
      'Carried out [[structural analysis]] of reinforced concrete frames and wrote calculation packages',
      'Produced [[Revit]] models and coordinated clashes in a [[BIM|bim]] Level 2 environment',
      'Supervised piling and earthworks subcontractors and checked quality records',
      'Prepared bills of quantities and tender documents',
      'Set out structures with a total station and GPS rover',
      'Reviewed temporary works designs and chaired weekly progress meetings',
      'Inspected bridge bearings and wrote maintenance recommendations'
    ],
    skills: ['AutoCAD', 'Civil 3D', 'Revit', 'Structural analysis', 'BIM', 'Eurocodes', 'Site supervision', 'MicroDrainage', 'Quantity take-off', 'NEC4 contracts'],
    degrees: [
      { text: 'MEng Civil Engineering', level: 'master', institutions: ['University of Leeds', 'University of Birmingham'] },
      { text: 'BEng (Hons) Civil and Structural Engineering', level: 'bachelor', institutions: ['University of Limerick', 'Queensland University of Technology'] },
      { text: 'Grado en Ingeniería Civil', level: 'bachelor', institutions: ['Universidad Politécnica de Madrid'] }
    ],
    certifications: ['Chartered Engineer (CEng, ICE)', 'CSCS Card', 'SMSTS'],
    summaries: [
      'Civil engineer with design and site experience on highways and drainage schemes.',
      'Structural engineer who enjoys taking projects from concept to completion.'
    ],
    jds: [
      {
        title: 'Project Engineer (Civil)', industries: ['construction'], role_category: 'engineering_hardware', company: 'Kingsway Water Services', location: 'Birmingham', header: 'at_paren',
        intro: 'Kingsway delivers water and wastewater infrastructure for utilities across the Midlands.',
        responsibilities: ['Manage design and construction of pipeline projects', 'Coordinate subcontractors on site'],
        required: ['Degree in civil engineering', 'Minimum of three years post-graduate experience', 'Proficient in [[AutoCAD]]', 'Knowledge of NEC contracts'],
        preferred: ['Working towards chartership', '[[Civil 3D|civil 3d]]'],
        min_years: 3, benefits: ['Company van', 'Discounts with retailers through our reward scheme']
      },
      {
        title: 'Structural Engineer', industries: ['construction'], role_category: 'engineering_hardware', company: 'Tasman Structures', location: 'Brisbane', header: 'in_city',
        intro: 'A consultancy designing schools, hospitals and residential towers.',
        responsibilities: ['Design concrete and steel structures', 'Prepare drawings and calculations'],
        required: ['4+ years of [[structural design|structural analysis]] experience', '[[Structural analysis]] software such as SpaceGass or ETABS', '[[Revit]]'],
        preferred: ['RPEQ registration', '[[BIM]] coordination'],
        min_years: 4, benefits: ['Flexible hours', 'Professional membership fees paid']
      }
    ]
  },
  {
    id: 'mechanical_engineering',
    titles: ['Mechanical Engineer', 'Design Engineer', 'Manufacturing Engineer', 'Senior Mechanical Design Engineer', 'Maintenance Engineer / Reliability Engineer', 'Product Development Engineer'],
    companies: ['Ferro Industrial Parts', 'Voss Maschinenbau GmbH', 'Copperleaf Manufacturing', 'Aerolite Components', 'Brenner Pumps AG', 'Northgate Automotive'],
    cities: ['Stuttgart', 'Detroit, MI', 'Coventry', 'Graz', 'Eindhoven'],
    bullets: [
      'Designed sheet-metal enclosures and machined parts in [[SolidWorks]] with full [[GD&T|gd&t]] drawings',
      'Ran [[finite element analysis]] in [[ANSYS]] to validate brackets under vibration loads',
      'Led [[DFMEA|fmea]] workshops for a new pump housing',
      'Reduced scrap on an [[injection moulding|injection molding]] line by 35% through [[root cause analysis]]',
      'Introduced [[lean manufacturing]] cells and standard work on the assembly line',
      'Specified bearings, seals and fasteners and worked with suppliers on cost-down',
      'Commissioned a new [[CNC|cnc machining]] cell and trained operators',
      'Managed engineering changes through the [[PLM|product lifecycle management]] system'
    ],
    skills: ['SolidWorks', 'CATIA', 'GD&T', 'Finite element analysis', 'ANSYS', 'FMEA', 'Lean manufacturing', 'Root cause analysis', 'Tolerance stack-up', 'Siemens Teamcenter'],
    degrees: [
      { text: 'BEng Mechanical Engineering', level: 'bachelor', institutions: ['Coventry University', 'University of Michigan'] },
      { text: 'MSc Mechanical Engineering', level: 'master', institutions: ['TU Eindhoven', 'TU Graz'] }
    ],
    certifications: ['[[Six Sigma]] Green Belt', 'CSWP (Certified [[SolidWorks]] Professional)'],
    summaries: [
      'Mechanical engineer with experience from concept design to series production.',
      'Hands-on manufacturing engineer who likes solving problems on the shop floor.'
    ],
    local: {
      de: {
        titles: ['Konstrukteur Maschinenbau', 'Entwicklungsingenieurin'],
        bullets: [
          'Konstruktion von Baugruppen und Einzelteilen mit [[SolidWorks]] und [[CATIA]]',
          'Durchführung von FEM-Berechnungen mit [[ANSYS]]',
          'Erstellung von Fertigungszeichnungen nach [[GD&T|gd&t]]',
          'Abstimmung mit Lieferanten und der Fertigung'
        ],
        degrees: [{ text: 'Dipl.-Ing. (FH) Maschinenbau', level: 'master', institutions: ['Hochschule Esslingen', 'Hochschule Aalen'] }],
        summary: 'Konstrukteur mit langjähriger Erfahrung im Sondermaschinenbau.'
      }
    },
    jds: [
      {
        title: 'Mechanical Design Engineer', industries: ['manufacturing'], role_category: 'engineering_hardware', company: 'Brenner Pumps AG', location: 'Graz', header: 'mfd_dash',
        intro: 'Brenner designs industrial pumps for water utilities.',
        responsibilities: ['Design pump components and assemblies', 'Support prototype testing'],
        required: ['At least 3 years of [[mechanical design]] experience', '[[SolidWorks]] or [[CATIA]]', '[[GD&T|gd&t]] and tolerance analysis'],
        preferred: ['[[Finite element analysis]]', 'German'],
        min_years: 3, benefits: ['Canteen', 'Flexible working hours']
      },
      {
        title: 'Manufacturing Engineer', industries: ['automotive', 'manufacturing'], role_category: 'engineering_hardware', company: 'Northgate Automotive', location: 'Detroit, MI', header: 'labelled',
        intro: 'Northgate supplies seating frames to three major automakers.',
        responsibilities: ['Improve line throughput and quality', 'Lead [[root cause analysis]] for customer complaints'],
        required: ['Bachelor\'s degree in mechanical or manufacturing engineering', 'Two (2) years of experience in automotive manufacturing', '[[Lean manufacturing]] and [[FMEA|fmea]]'],
        preferred: ['[[Six Sigma]] Green Belt', '[[AutoCAD]]'],
        min_years: 2, benefits: ['Medical, dental, vision', 'Employee vehicle discount with partner retailers']
      }
    ]
  },
  {
    id: 'electrical_engineering',
    titles: ['Electrical Engineer', 'Electronics Design Engineer', 'Controls Engineer', 'Senior Electrical Engineer (Power Systems)', 'Embedded Hardware Engineer', 'Commissioning Engineer'],
    companies: ['Pioneer Grid Energy', 'Voltaris Controls', 'Siemens', 'Harland Electronics', 'Nordwind Energie GmbH', 'Aerolite Components'],
    cities: ['Munich', 'Hamburg', 'Glasgow', 'Houston, TX', 'Trondheim'],
    bullets: [
      'Designed mixed-signal [[PCBs|pcb design]] in [[Altium Designer|altium]] for motor controllers',
      'Programmed Siemens S7 [[PLCs|plc programming]] and [[SCADA|scada]] screens for water treatment plants',
      'Performed load-flow and short-circuit studies for 33 kV substations',
      'Wrote test procedures and led factory acceptance tests',
      'Selected switchgear and cables and produced single-line diagrams in [[AutoCAD Electrical|autocad]]',
      'Brought up prototype boards and debugged [[firmware|firmware development]] with the software team',
      'Commissioned wind farm [[control systems]] in the North Sea',
      'Prepared [[EMC|electromagnetic compatibility]] test plans for CE marking'
    ],
    skills: ['Altium', 'PCB design', 'PLC programming', 'SCADA', 'Power systems', 'AutoCAD Electrical', 'MATLAB', 'Simulink', 'ETAP', 'IEC 61131-3', 'Electromagnetic compatibility'],
    degrees: [
      { text: 'BEng Electrical and Electronic Engineering', level: 'bachelor', institutions: ['University of Strathclyde', 'University of Houston'] },
      { text: 'MSc Electrical Power Engineering', level: 'master', institutions: ['NTNU Trondheim', 'Technische Universität Hamburg'] }
    ],
    certifications: ['IEng (IET)', 'Siemens TIA Portal Certified Programmer'],
    summaries: [
      'Electrical engineer with design and commissioning experience in power and automation.',
      'Electronics engineer who takes boards from schematic to production.'
    ],
    local: {
      de: {
        titles: ['Elektroingenieur', 'Inbetriebnahme-Ingenieurin'],
        bullets: [
          'Planung von Mittelspannungsanlagen und Erstellung von Stromlaufplänen mit [[EPLAN]]',
          'SPS-Programmierung ([[Siemens S7|plc programming]]) und Inbetriebnahme von Windenergieanlagen',
          'Durchführung von Werksabnahmen mit Kunden',
          'Fehleranalyse an Umrichtern und Steuerungen'
        ],
        degrees: [{ text: 'M.Sc. Elektrotechnik', level: 'master', institutions: ['TU Hamburg', 'Universität Bremen'] }],
        summary: 'Elektroingenieur mit Erfahrung in Planung und Inbetriebnahme.'
      }
    },
    jds: [
      {
        title: 'Controls Engineer', industries: ['energy'], role_category: 'engineering_hardware', company: 'Voltaris Controls', location: 'Houston, TX', header: 'in_city',
        intro: 'Voltaris automates oil and gas processing facilities.',
        responsibilities: ['Program and commission [[control systems]]', 'Support customers on site'],
        required: ['Minimum of five years of controls experience', '[[PLC programming]] (Allen-Bradley or Siemens)', '[[SCADA]] development'],
        preferred: ['Hazardous area experience', '[[AutoCAD]]'],
        min_years: 5, benefits: ['Overtime pay', 'Discounts with retailers and travel partners']
      },
      {
        title: 'Elektroingenieur Energietechnik', industries: ['energy'], role_category: 'engineering_hardware', company: 'Nordwind Energie GmbH', location: 'Hamburg', header: 'mfd_dash',
        intro: 'Nordwind plant und betreibt Windparks an Land und auf See.',
        responsibilities: ['Planung von Netzanschlüssen', 'Abstimmung mit Netzbetreibern'],
        required: ['Abgeschlossenes Studium der Elektrotechnik', 'Mindestens 3 Jahre Berufserfahrung in der Energietechnik', 'Kenntnisse in [[ETAP]] oder PowerFactory'],
        preferred: ['Erfahrung mit Offshore-Projekten'],
        min_years: 3, benefits: ['30 Tage Urlaub', 'Jobrad']
      }
    ]
  },
  {
    id: 'construction_trades',
    titles: ['Electrician', 'Site Supervisor', 'Plumber / Heating Engineer', 'Carpenter', 'Construction Site Manager', 'Apprentice Electrician'],
    companies: ['Hallam Roads Ltd', 'Bolt & Sons Electrical', 'Crestline Homes', 'Murphy Build Ltd', 'Kowalski Plumbing & Heating', 'Civitas Infrastructure Group'],
    cities: ['Bristol', 'Leeds', 'Phoenix, AZ', 'Dublin', 'Wellington'],
    bullets: [
      'Installed and tested domestic and commercial [[electrical wiring]] to BS 7671',
      'Fitted boilers, radiators and underfloor heating in new-build homes',
      'Supervised 25 trades on a 60-home residential development',
      'Ran daily toolbox talks and kept [[health and safety]] records up to date',
      'Read drawings and set out timber frames and roof trusses',
      'Fault-found on three-phase distribution boards and replaced consumer units',
      'Ordered materials and checked deliveries against the programme',
      'Completed snagging and handover to the customer care team'
    ],
    skills: ['Electrical installation', 'Fault finding', 'Testing and inspection', 'Health and safety', 'Reading drawings', 'Carpentry', 'Site management', 'Plumbing', 'Gas Safe', 'SMSTS'],
    degrees: [
      { text: 'NVQ Level 3 Electrotechnical Installation', level: 'vocational', institutions: ['City of Bristol College', 'Leeds College of Building'] },
      { text: 'Level 3 Diploma in Plumbing and Domestic Heating', level: 'vocational', institutions: ['Dublin Technical Institute'] },
      { text: 'HNC Construction Management', level: 'associate', institutions: ['Leeds College of Building'] }
    ],
    certifications: ['18th Edition Wiring Regulations (BS 7671)', 'CSCS Gold Card', 'Gas Safe Registered', '[[First Aid|first aid]] at Work'],
    summaries: [
      'Qualified electrician with domestic, commercial and industrial experience.',
      'Site manager who delivers homes on time, safely and to a high finish.'
    ],
    jds: [
      {
        title: 'Qualified Electrician', industries: ['construction'], role_category: 'engineering_hardware', company: 'Bolt & Sons Electrical', location: 'Bristol', header: 'in_city',
        intro: 'We are a family-run contractor working on schools, offices and housing.',
        responsibilities: ['Install, test and maintain electrical systems', 'Complete certification paperwork'],
        required: ['NVQ Level 3 and 18th Edition', 'At least 2 years post-qualification experience', 'Experience with [[electrical wiring]] and fault finding'],
        preferred: ['Full UK driving licence', 'Inspection and testing qualification'],
        min_years: 2, benefits: ['Company van and fuel card', 'Tool allowance']
      },
      {
        title: 'Site Supervisor', industries: ['construction', 'real_estate'], role_category: 'operations', company: 'Crestline Homes', location: 'Phoenix, AZ', header: 'labelled',
        intro: 'Crestline builds 400 single-family homes a year in the Phoenix metro area.',
        responsibilities: ['Schedule and supervise subcontractors', 'Enforce [[health and safety]] rules on site'],
        required: ['Experience: construction supervision: 3 years (Required)', 'OSHA 30 ([[health and safety]])', 'Ability to read plans'],
        preferred: ['Bilingual English/Spanish'],
        min_years: 3, benefits: ['Truck allowance', 'Discounts with retailers and home-improvement stores']
      }
    ]
  },
  {
    id: 'hospitality',
    titles: ['Sous Chef', 'Restaurant Manager', 'Front Office Manager', 'Chef de Partie', 'Bartender / Shift Supervisor', 'Executive Chef', 'Hotel Receptionist'],
    companies: ['Westbrook Hotels', 'The Copper Kettle', 'Hôtel Belle Rive', 'Trattoria Nonna Rosa', 'Harbour View Resort', 'Brasserie du Marché'],
    cities: ['Lyon', 'Nice', 'Edinburgh', 'Cork', 'Orlando, FL'],
    bullets: [
      'Ran a 12-cook brigade serving 300 covers a night',
      'Wrote seasonal menus and costed every dish to a 28% food cost',
      'Kept [[HACCP]] records and passed every environmental health inspection',
      'Managed front-of-house rotas for 30 staff and cut overtime by 20%',
      'Handled check-in, check-out and guest complaints in [[Opera PMS]]',
      'Trained new bartenders on cocktail specs and responsible service',
      'Ordered produce and managed [[inventory|inventory management]] with local suppliers',
      'Grew TripAdvisor rating from 4.1 to 4.6 in one year'
    ],
    skills: ['Menu development', 'Food safety', 'HACCP', 'Food cost control', 'Kitchen management', 'Opera PMS', 'Guest relations', 'Rota planning', 'Wine knowledge', 'Cash handling'],
    degrees: [
      { text: 'Diploma in Culinary Arts', level: 'vocational', institutions: ['Institut Paul Bocuse', 'Edinburgh College'] },
      { text: 'BA Hospitality Management', level: 'bachelor', institutions: ['University of Central Florida', 'Technological University of the Shannon'] }
    ],
    certifications: ['Level 3 Food Safety and Hygiene', 'Personal Licence Holder (alcohol)', 'ServSafe Manager'],
    summaries: [
      'Passionate chef with a background in French and Italian kitchens.',
      'Guest-focused hospitality manager with hotel and restaurant experience.'
    ],
    local: {
      fr: {
        titles: ['Chef de partie', 'Responsable de salle'],
        bullets: [
          'Gestion d\'une brigade de 8 cuisiniers pour 150 couverts par service',
          'Élaboration des cartes de saison et calcul des fiches techniques',
          'Application des normes [[HACCP]] et gestion des commandes fournisseurs',
          'Formation des apprentis et des extras'
        ],
        degrees: [{ text: 'CAP Cuisine', level: 'vocational', institutions: ['Lycée hôtelier François Rabelais, Lyon', 'Lycée Paul Augier, Nice'] }],
        summary: 'Cuisinier passionné par les produits de saison et le travail en équipe.'
      }
    },
    jds: [
      {
        title: 'Sous Chef', industries: ['food_beverage', 'travel_hospitality'], role_category: 'other', company: 'The Copper Kettle', location: 'Edinburgh', header: 'plain_then_location',
        intro: 'A busy 90-cover brasserie in the Old Town.',
        responsibilities: ['Run the kitchen in the head chef\'s absence', 'Train junior chefs'],
        required: ['Minimum of two years as a sous chef or senior chef de partie', '[[Food safety]] Level 3', 'Strong [[menu development]] and [[food cost control]]'],
        preferred: ['Experience with fresh Scottish produce'],
        min_years: 2, benefits: ['Staff meals', 'Tips shared fairly', 'Discounts with retailers in the group']
      },
      {
        title: 'Front Office Manager', industries: ['travel_hospitality'], role_category: 'customer_success', company: 'Harbour View Resort', location: 'Orlando, FL', header: 'at_paren',
        intro: 'A 420-room resort hotel with conference facilities.',
        responsibilities: ['Lead the front desk and concierge teams', 'Resolve escalated guest complaints'],
        required: ['3+ years of front office experience in a full-service hotel', '[[Opera PMS]]', 'Excellent [[guest relations]]'],
        preferred: ['Hospitality degree', 'Spanish'],
        min_years: 3, benefits: ['Hotel room discounts', 'Free meals on duty']
      }
    ]
  },
  {
    id: 'logistics',
    titles: ['Logistics Coordinator', 'Warehouse Supervisor', 'Supply Chain Analyst', 'Transport Planner', 'Operations Manager, Distribution', 'Warehouse Associate / Forklift Operator'],
    companies: ['Bluebell Logistics', 'TransIberia Logística', 'Rhine Freight GmbH', 'Hollow Oak Retail Group', 'Pacific Coast Beverages', 'Swiftline Couriers'],
    cities: ['Zaragoza', 'Rotterdam', 'Duisburg', 'Memphis, TN', 'Northampton'],
    bullets: [
      'Planned 120 daily deliveries with [[route planning]] software, cutting mileage by 9%',
      'Supervised a shift of 35 warehouse operatives across picking, packing and despatch',
      'Maintained stock accuracy of 99.7% through cycle counts and [[inventory management]]',
      'Booked ocean and road freight and prepared [[customs documentation|customs compliance]]',
      'Implemented a new [[WMS|warehouse management]] and trained 80 users',
      'Built weekly KPI reports in [[Excel]] on OTIF and cost per case',
      'Operated counterbalance and reach trucks ([[forklift|forklift operation]] licence)',
      'Negotiated rates with hauliers and managed carrier performance'
    ],
    skills: ['Inventory management', 'Warehouse management', 'Route planning', 'SAP EWM', 'Excel', 'Freight forwarding', 'Incoterms', 'Forklift operation', 'Demand planning', 'Supply chain management'],
    degrees: [
      { text: 'BSc Logistics and Supply Chain Management', level: 'bachelor', institutions: ['Erasmus University Rotterdam', 'University of Memphis'] },
      { text: 'Técnico Superior en Transporte y Logística', level: 'vocational', institutions: ['CPIFP Los Enlaces, Zaragoza'] },
      { text: 'A-Levels (Business, Geography, Maths)', level: 'high_school', institutions: ['Northampton College'] }
    ],
    certifications: ['CILT Diploma in [[Logistics]]', 'Counterbalance [[Forklift|forklift operation]] Licence', 'APICS CSCP'],
    summaries: [
      '[[Logistics]] professional with warehouse and transport planning experience.',
      '[[Supply chain|supply chain management]] analyst who likes turning data into better stock decisions.'
    ],
    local: {
      es: {
        titles: ['Coordinador de Logística', 'Jefa de Almacén'],
        bullets: [
          'Planificación de rutas de reparto para 60 vehículos diarios',
          'Gestión de inventario y control de stock en [[SAP]]',
          'Coordinación de un equipo de 25 operarios de almacén',
          'Trámites aduaneros y documentación de exportación'
        ],
        degrees: [{ text: 'Grado en Ingeniería de Organización Industrial', level: 'bachelor', institutions: ['Universidad de Zaragoza', 'Universidad de Valencia'] }],
        summary: 'Profesional de la logística con experiencia en almacén y transporte.'
      }
    },
    jds: [
      {
        title: 'Logistics Coordinator', industries: ['logistics'], role_category: 'operations', company: 'Rhine Freight GmbH', location: 'Duisburg', header: 'mfd_dash',
        intro: 'Rhine Freight moves containers between the North Sea ports and inland terminals.',
        responsibilities: ['Plan barge and truck transports', 'Prepare [[customs documentation|customs compliance]]'],
        required: ['At least 2 years in freight forwarding or transport planning', 'Knowledge of Incoterms', 'Good [[Excel]] skills'],
        preferred: ['German and English', 'Experience with a [[TMS|transportation management]]'],
        min_years: 2, benefits: ['Job ticket', 'Company pension']
      },
      {
        title: 'Warehouse Supervisor', industries: ['logistics'], role_category: 'operations', company: 'Swiftline Couriers', location: 'Memphis, TN', header: 'in_city',
        intro: 'Our Memphis hub sorts 80,000 parcels a night.',
        responsibilities: ['Lead the night shift', 'Keep the building safe and on schedule'],
        required: ['Experience: warehouse supervision: 2 years (Required)', '[[Inventory management]]', '[[Warehouse management]] system experience'],
        preferred: ['[[Forklift operation|forklift operation]] certification', '[[Lean manufacturing|lean manufacturing]] or [[Six Sigma]]'],
        min_years: 2, benefits: ['Shift differential', 'Discounts with retailers and phone carriers']
      }
    ]
  }
]
