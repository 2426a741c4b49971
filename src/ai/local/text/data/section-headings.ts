import type { SectionKind } from '../sections.ts'

/**
 * Section headings of German, French and Spanish CVs and postings, lower case, matched against the
 * whole heading once decoration is gone (emoji, "##", "▸", rules, a trailing colon). Collected
 * from the Europass CV template in the three languages (europass.europa.eu) and the headings of
 * the usual CV guides (Karrierebibel, Welcome to the Jungle, InfoJobs); English headings are
 * patterns in sections.ts, which also accept their many "Professional …"/"Key …" variants.
 */
export const HEADINGS_BY_KIND: Readonly<Partial<Record<Exclude<SectionKind, 'preamble'>, readonly string[]>>> = {
  experience: [
    'berufserfahrung', 'berufliche erfahrung', 'beruflicher werdegang', 'werdegang', 'praxiserfahrung', 'berufspraxis', 'arbeitserfahrung',
    'expérience professionnelle', 'expériences professionnelles', 'experience professionnelle', 'expérience', 'expériences', 'parcours professionnel',
    'experiencia laboral', 'experiencia profesional', 'experiencia', 'trayectoria profesional', 'historial laboral'
  ],
  education: [
    'ausbildung', 'bildung', 'bildungsweg', 'schulbildung', 'studium', 'akademische ausbildung', 'aus- und weiterbildung', 'ausbildung & studium',
    'formation', 'formations', 'éducation', 'education et formation', 'éducation et formation', 'études', 'diplômes', 'formation académique',
    'educación', 'educacion', 'formación', 'formacion', 'formación académica', 'estudios', 'educación y formación'
  ],
  skills: [
    // Europass (English template)
    'digital skills', 'digital & job-related skills', 'job-related skills', 'organisational skills', 'communication & interpersonal skills', 'top skills',
    'kenntnisse', 'fähigkeiten', 'kompetenzen', 'fachkenntnisse', 'it-kenntnisse', 'edv-kenntnisse', 'fähigkeiten & kenntnisse', 'kenntnisse & fähigkeiten',
    'compétences', 'competences', 'compétences techniques', 'compétences clés', 'savoir-faire',
    'habilidades', 'competencias', 'aptitudes', 'conocimientos', 'habilidades técnicas', 'conocimientos técnicos'
  ],
  languages: ['sprachen', 'sprachkenntnisse', 'langues', 'compétences linguistiques', 'idiomas', 'lenguas'],
  certifications: [
    'zertifikate', 'zertifizierungen', 'weiterbildung', 'weiterbildungen', 'fortbildungen',
    'certifications', 'certificats', 'certificaciones', 'certificados', 'cursos'
  ],
  summary: ['profil', 'kurzprofil', 'über mich', 'zusammenfassung', 'résumé', 'profil professionnel', 'à propos', 'perfil', 'perfil profesional', 'resumen', 'sobre mí'],
  requirements: ['anforderungen', 'ihr profil', 'dein profil', 'qualifikationen', 'profil recherché', 'votre profil', 'requisitos', 'perfil buscado', 'tu perfil'],
  responsibilities: ['aufgaben', 'ihre aufgaben', 'deine aufgaben', 'missions', 'vos missions', 'responsabilités', 'funciones', 'responsabilidades', 'tus funciones'],
  benefits: ['wir bieten', 'was wir bieten', 'benefits', 'nous offrons', 'avantages', 'ofrecemos', 'beneficios'],
  other: ['projekte', 'interessen', 'hobbys', 'projets', "centres d'intérêt", 'loisirs', 'proyectos', 'intereses', 'aficiones', 'referenzen', 'références', 'referencias']
}

/**
 * The headings a flattened CV (one paragraph, line breaks lost) is cut at: written capitalised,
 * they still start their section inside the running text. Only unmistakable ones: "Profile" or
 * "Training" inside a sentence would cut it.
 */
export const FLATTENED_HEADINGS: readonly string[] = [
  'Professional Experience', 'Work Experience', 'Relevant Experience', 'Employment History', 'Work History', 'Career History', 'Experience',
  'Education', 'Education and Training', 'Academic Background', 'Certifications', 'Certificates', 'Licenses and Certifications', 'Licenses',
  'Technical Skills', 'Core Skills', 'Key Skills', 'Skills', 'Core Competencies', 'Languages', 'Professional Summary', 'Summary', 'Projects',
  'Berufserfahrung', 'Ausbildung', 'Kenntnisse', 'Sprachen', 'Expérience professionnelle', 'Formation', 'Compétences', 'Langues',
  'Experiencia laboral', 'Experiencia profesional', 'Educación', 'Formación', 'Habilidades', 'Idiomas'
]
