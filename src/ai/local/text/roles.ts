/**
 * Words that make a phrase a job title ("Staff Nurse", "Data Analyst Intern"). Used to tell a
 * title from a company in experience headers, and a headline from a person's name.
 */
const ROLE_WORD = new RegExp('\\b(' + [
  'engineer', 'developer', 'programmer', 'architect', 'manager', 'director', 'lead', 'head', 'officer', 'nurse',
  'physician', 'doctor', 'surgeon', 'therapist', 'pharmacist', 'technician', 'technologist', 'scientist', 'analyst',
  'researcher', 'consultant', 'specialist', 'coordinator', 'assistant', 'associate', 'administrator', 'accountant',
  'auditor', 'controller', 'bookkeeper', 'clerk', 'teacher', 'lecturer', 'professor', 'tutor', 'instructor', 'designer',
  'writer', 'editor', 'marketer', 'strategist', 'representative', 'agent', 'recruiter', 'intern', 'trainee',
  'apprentice', 'founder', 'co-founder', 'owner', 'president', 'vp', 'ceo', 'cto', 'cfo', 'coo', 'partner',
  'executive', 'supervisor', 'operator', 'mechanic', 'electrician', 'chef', 'cashier', 'paralegal', 'lawyer',
  'attorney', 'counsel', 'advisor', 'adviser', 'coach', 'cna', 'rn', 'lpn', 'emt', 'paramedic', 'caregiver', 'aide',
  'planner', 'buyer', 'sre', 'devops', 'product owner', 'scrum master', 'tester', 'qa', 'secretary', 'receptionist'
].join('|') + ')s?\\b', 'i')

export function isRoleTitle (text: string): boolean {
  return ROLE_WORD.test(text)
}
