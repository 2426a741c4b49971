import type { EducationLevel } from '../../../schemas.ts'

/**
 * Qualifications written by their national names, as CVs in the UK, Ireland, Germany, France and
 * Spain list them, matched case-sensitively as written (so that "CAP" is the French vocational
 * certificate and "cap" is not). Levels follow ISCED 2011 as the national qualification
 * frameworks map them (UK RQF/Ofqual, Germany DQR, France RNCP, Spain MECU): HNC and NVQ 3 are
 * level 4–5 vocational, an HND or a French BTS/DUT short-cycle tertiary (associate), a Spanish
 * Grado or French Licence a bachelor, a Máster, Diplom or MPharm a master.
 */
export const NATIONAL_DEGREES: ReadonlyArray<[EducationLevel, readonly string[]]> = [
  ['doctorate', ['Doktor', 'Promotion', 'Doctorat', 'Doctorado', 'Dr. rer. nat.', 'Dr.-Ing.']],
  ['master', ['MPharm', 'Máster', 'Master en', 'Master of', 'Diplom-Ingenieur', 'Dipl.-Ing.', 'Diplom', 'Magister', 'Staatsexamen', 'Ingeniero de Caminos', 'Diplôme d\'ingénieur', 'PGCE', 'PGDip']],
  ['bachelor', ['Grado en', 'Licenciatura', 'Licence en', 'Licence de', 'Licence professionnelle', 'Diplom (FH)']],
  ['associate', ['HND', 'BTS', 'DUT', 'Técnico Superior', 'Foundation Degree']],
  ['vocational', ['HNC', 'NVQ', 'BTEC', 'City & Guilds', 'CAP', 'BEP', 'Bac Pro', 'Gesellenprüfung', 'Gesellenbrief', 'Meisterbrief', 'Meisterschule', 'Meisterprüfung', 'Berufsausbildung', 'Ausbildung zum', 'Ausbildung zur', 'Examen', 'Técnico en', 'Formación Profesional', 'Ciclo Formativo']]
]
