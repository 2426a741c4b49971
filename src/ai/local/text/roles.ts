/**
 * Words that make a phrase a job title ("Staff Nurse", "Data Analyst Intern"). Used to tell a
 * title from a company in experience headers, and a headline from a person's name.
 */
const ROLE_WORD = new RegExp('(?<!\\p{L})(' + [
  'engineer', 'developer', 'programmer', 'architect', 'manager', 'director', 'lead', 'head', 'officer', 'nurse',
  'physician', 'doctor', 'surgeon', 'therapist', 'pharmacist', 'technician', 'technologist', 'scientist', 'analyst',
  'researcher', 'consultant', 'specialist', 'coordinator', 'assistant', 'associate', 'administrator', 'accountant',
  'auditor', 'controller', 'bookkeeper', 'clerk', 'teacher', 'lecturer', 'professor', 'tutor', 'instructor', 'designer',
  'writer', 'editor', 'marketer', 'strategist', 'representative', 'agent', 'recruiter', 'intern', 'trainee',
  'apprentice', 'founder', 'co-founder', 'owner', 'president', 'vp', 'ceo', 'cto', 'cfo', 'coo', 'partner',
  'executive', 'supervisor', 'operator', 'mechanic', 'electrician', 'chef', 'cashier', 'paralegal', 'lawyer',
  'attorney', 'counsel', 'advisor', 'adviser', 'coach', 'cna', 'rn', 'lpn', 'emt', 'paramedic', 'caregiver', 'aide',
  'planner', 'buyer', 'sre', 'devops', 'product owner', 'scrum master', 'tester', 'qa', 'secretary', 'receptionist',
  'operative', 'bartender', 'waiter', 'waitress', 'driver', 'labourer', 'laborer', 'carpenter', 'plumber', 'welder', 'surveyor',
  // German, French and Spanish titles (with their feminine forms)
  'ingenieur', 'ingenieurin', 'entwickler', 'entwicklerin', 'leiter', 'leiterin', 'berater', 'beraterin', 'lehrer', 'lehrerin',
  'elektriker', 'elektrikerin', 'elektroniker', 'elektronikerin', 'pflegefachkraft', 'pflegefachfrau', 'pflegefachmann', 'krankenpfleger',
  'krankenpflegerin', 'sachbearbeiter', 'sachbearbeiterin', 'kaufmann', 'kauffrau', 'softwareentwickler', 'softwareentwicklerin',
  'ingénieur', 'ingénieure', 'développeur', 'développeuse', 'responsable', 'infirmier', 'infirmière', 'enseignant', 'enseignante',
  'technicien', 'technicienne', 'conseiller', 'conseillère', 'directeur', 'directrice', 'vendeur', 'vendeuse', 'comptable', 'chargé', 'chargée',
  'ingeniero', 'ingeniera', 'jefe', 'jefa', 'técnico', 'técnica', 'enfermero', 'enfermera', 'profesor', 'profesora', 'gerente',
  'director', 'directora', 'desarrollador', 'desarrolladora', 'analista', 'consultora', 'asesor', 'asesora', 'dependiente', 'dependienta', 'abogado', 'abogada'
].join('|') + ')s?(?!\\p{L})', 'iu')

export function isRoleTitle (text: string): boolean {
  return ROLE_WORD.test(text)
}

/**
 * Words that make a phrase an organisation's name: legal forms (Inc, GmbH, S.A.) and the kinds
 * of employer CVs name (hospital, bank, school), so that "Cork University Hospital" is taken as
 * the company over "ICU" in "Staff Nurse, ICU — Cork University Hospital".
 */
const ORGANISATION_WORD = new RegExp('(?<![\\p{L}])(' + [
  'inc', 'llc', 'ltd', 'limited', 'plc', 'corp', 'corporation', 'company', 'gmbh', 'ag', 'kg', 's\\.a', 'sas', 'sarl', 'bv', 'nv', 'pty',
  'group', 'holdings', 'partners', 'hospital', 'clinic', 'infirmary', 'medical center', 'university', 'college', 'school', 'academy',
  'institute', 'bank', 'council', 'ministry', 'agency', 'authority', 'foundation', 'trust', 'nhs', 'hotel', 'restaurant', 'labs?',
  'technologies', 'systems', 'solutions', 'software', 'consulting', 'services', 'studios?', 'media', 'pharmacy', 'stores?', 'logistics'
].join('|') + ')\\.?(?![\\p{L}])', 'iu')

export function isOrganisationName (text: string): boolean {
  return ORGANISATION_WORD.test(text)
}
