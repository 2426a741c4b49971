import type { SkillEntry } from '../skills.ts'

/**
 * Skills of the non-software professions, by profession, in the same form as skills.ts. Names
 * follow the occupations' skill lists of ESCO (European Skills, Competences, Qualifications and
 * Occupations, esco.ec.europa.eu, v1.2) and O*NET (onetonline.org), in the wording job ads and
 * CVs use; abbreviations are the UK/US/Irish ones of the trade bodies named (CSCS, SMSTS, NVQ,
 * HACCP, PQE, …). Only phrases that mean the skill wherever they appear: a word that is also
 * everyday language goes under `listOnly`.
 */
export const PROFESSION_SKILLS: readonly SkillEntry[] = [
  // Hospitality and food service
  { name: 'kitchen management', category: 'operations_logistics', aliases: ['kitchen operations', 'running a kitchen'] },
  { name: 'menu development', category: 'operations_logistics', aliases: ['menu design', 'menu planning', 'menu creation'] },
  { name: 'food cost control', category: 'operations_logistics', aliases: ['food costing', 'food cost management', 'menu costing'] },
  { name: 'haccp', category: 'operations_logistics', aliases: ['hazard analysis and critical control points', 'haccp records'] },
  { name: 'food safety', category: 'operations_logistics', aliases: ['food hygiene', 'food safety level 2', 'food hygiene certificate'] },
  { name: 'knife skills', category: 'operations_logistics' },
  { name: 'food preparation', category: 'operations_logistics', aliases: ['food prep'] },
  { name: 'line cooking', category: 'operations_logistics', aliases: ['line cook'] },
  { name: 'pastry', category: 'operations_logistics', aliases: ['baking and pastry', 'patisserie'] },
  { name: 'wine knowledge', category: 'operations_logistics', aliases: ['wine pairing', 'sommelier skills'] },
  { name: 'bartending', category: 'customer_service', aliases: ['mixology', 'cocktail making'] },
  { name: 'barista', category: 'customer_service', aliases: ['coffee making', 'espresso preparation'] },
  { name: 'front of house', category: 'customer_service', aliases: ['front-of-house operations', 'foh'] },
  { name: 'guest relations', category: 'customer_service', aliases: ['guest services', 'guest experience'] },
  { name: 'opera pms', category: 'business_tools', aliases: ['oracle opera', 'opera property management'] },
  { name: 'housekeeping', category: 'operations_logistics', aliases: ['housekeeping management'] },
  { name: 'banqueting', category: 'operations_logistics', aliases: ['banquet operations', 'event catering'] },
  { name: 'rota planning', category: 'operations_logistics', aliases: ['staff rostering', 'shift scheduling', 'rota management'] },

  // Construction and trades
  { name: 'carpentry', category: 'engineering', aliases: ['joinery', 'carpentry and joinery'] },
  { name: 'plumbing', category: 'engineering', aliases: ['plumbing installation', 'pipefitting'] },
  { name: 'bricklaying', category: 'engineering', aliases: ['brickwork', 'masonry'] },
  { name: 'plastering', category: 'engineering', aliases: ['drylining', 'dry lining'] },
  { name: 'fault finding', category: 'engineering', aliases: ['fault diagnosis', 'troubleshooting electrical faults'] },
  { name: 'testing and inspection', category: 'engineering', aliases: ['inspection and testing', 'electrical testing', 'eicr', 'periodic inspection'] },
  { name: 'reading drawings', category: 'engineering', aliases: ['reading blueprints', 'technical drawing interpretation', 'reading technical drawings'] },
  { name: 'site management', category: 'project_management', aliases: ['site supervision', 'site manager duties'] },
  { name: 'smsts', category: 'engineering', aliases: ['site management safety training scheme'] },
  { name: 'sssts', category: 'engineering', aliases: ['site supervisor safety training scheme'] },
  { name: 'cscs card', category: 'engineering', aliases: ['cscs', 'construction skills certification scheme'] },
  { name: 'gas safe', category: 'engineering', aliases: ['gas safe registered', 'gas safe registration'] },
  { name: '18th edition wiring regulations', category: 'engineering', aliases: ['18th edition', 'bs 7671', 'bs7671'] },
  { name: 'ev charger installation', category: 'engineering', aliases: ['ev charging installation', 'ev chargers', 'electric vehicle charger installation'] },
  { name: 'fire alarm systems', category: 'engineering', aliases: ['fire alarms', 'fire alarm installation'] },
  { name: 'hvac installation', category: 'engineering', aliases: ['air conditioning installation', 'heat pump installation'] },
  { name: 'power tools', category: 'engineering', aliases: ['hand and power tools'] },
  { name: 'scaffolding', category: 'engineering', aliases: ['scaffold erection'] },

  // Civil, structural and mechanical engineering
  { name: 'civil 3d', category: 'engineering', aliases: ['autocad civil 3d'] },
  { name: 'geotechnical engineering', category: 'engineering', aliases: ['geotechnics', 'ground investigation'] },
  { name: 'drainage design', category: 'engineering', aliases: ['surface water drainage', 'sustainable drainage', 'suds'] },
  { name: 'highway design', category: 'engineering', aliases: ['road design', 'highways design'] },
  { name: 'nec contracts', category: 'legal', aliases: ['nec3', 'nec4', 'nec3 contracts', 'nec4 contracts', 'nec engineering and construction contract'] },
  { name: 'quantity surveying', category: 'finance_accounting', aliases: ['cost estimating', 'bill of quantities', 'boq'] },
  { name: 'site investigation', category: 'engineering', aliases: ['site surveys'] },
  { name: 'windchill', category: 'engineering', aliases: ['ptc windchill'] },
  { name: 'dfmea', category: 'engineering', aliases: ['design fmea', 'pfmea'] },
  { name: 'sheet metal design', category: 'engineering', aliases: ['sheet metal'] },
  { name: 'tolerance analysis', category: 'engineering', aliases: ['tolerance stack-up', 'tolerance stackup'] },
  { name: 'etap', category: 'engineering' },

  // Pharmacy
  { name: 'medicines optimisation', category: 'healthcare', aliases: ['medicines optimization', 'medication review', 'medication reviews', 'medicines use review'] },
  { name: 'clinical screening', category: 'healthcare', aliases: ['prescription screening', 'clinical checks'] },
  { name: 'controlled drugs', category: 'healthcare', aliases: ['controlled drug management', 'controlled drugs management', 'cd register'] },
  { name: 'patient counselling', category: 'healthcare', aliases: ['patient counseling', 'medication counselling', 'medication counseling'] },
  { name: 'aseptic compounding', category: 'healthcare', aliases: ['aseptic preparation', 'compounding'] },
  { name: 'pharmacovigilance', category: 'healthcare', aliases: ['drug safety monitoring'] },
  { name: 'vaccination', category: 'healthcare', aliases: ['immunisation', 'immunization', 'flu vaccinations', 'vaccine administration'] },

  // Teaching and education
  { name: 'safeguarding', category: 'education', aliases: ['child protection', 'safeguarding children'] },
  { name: 'send support', category: 'education', aliases: ['sen support', 'send'] },
  { name: 'national curriculum', category: 'education', aliases: ['key stage 1', 'key stage 2', 'early years foundation stage'] },
  { name: 'parent communication', category: 'education', aliases: ['parent engagement', 'parent-teacher communication'] },

  // Human resources
  { name: 'cipd', category: 'human_resources', aliases: ['cipd level 5', 'cipd level 7'] },
  { name: 'absence management', category: 'human_resources', aliases: ['attendance management', 'sickness absence management'] },

  // Sales, customer service, retail
  { name: 'stock replenishment', category: 'operations_logistics', aliases: ['shelf stocking', 'restocking', 'stock rotation'] },
  { name: 'till operation', category: 'customer_service', aliases: ['till operations', 'pos operation', 'operating the till'] },
  { name: 'call handling', category: 'customer_service', aliases: ['inbound calls'] },
  { name: 'live chat support', category: 'customer_service', aliases: ['live chat', 'chat support'] },

  // Logistics and supply chain
  { name: 'freight forwarding', category: 'operations_logistics' },

  // Finance, accounting and legal
  { name: 'vat returns', category: 'finance_accounting', aliases: ['vat', 'sales tax returns'] },
]
