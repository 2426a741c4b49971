/** The ground truth files of eval/corpus/ (one JSON per document, next to its text). */

export type Split = 'dev' | 'heldout'

export interface JobTruth {
  title: string
  company: string
  /** Where the job was, as the CV writes it next to the company. */
  location: string
  /** "YYYY-MM", "YYYY" when the document writes only the year, null when undated. */
  start: string | null
  end: string | null
  current: boolean
}

export interface DegreeTruth {
  degree: string
  level: 'high_school' | 'vocational' | 'associate' | 'bachelor' | 'master' | 'doctorate'
  institution: string
}

export interface CvTruth {
  id: string
  kind: 'cv'
  split: Split
  family: string
  format: string
  language: 'en' | 'de' | 'fr' | 'es'
  name: string
  email: string | null
  phone: string | null
  /** Months covered by the dated jobs (overlaps once, both ends included) / 12, relative to the eval's reference date; null without dated experience. */
  total_years_experience: number | null
  jobs: JobTruth[]
  degrees: DegreeTruth[]
  /** Canonical taxonomy names where the taxonomy knows the skill, else the lower-cased name as listed. */
  skills: string[]
}

export interface JdTruth {
  id: string
  kind: 'jd'
  split: Split
  family: string
  format: string
  title: string
  company: string
  location: string | null
  min_years_experience: number | null
  required_skills: string[]
  preferred_skills: string[]
  role_category: string
  /** The employer's business and the role's, main one first; never what only the benefits mention. */
  industries: string[]
}

/** What eval/binary-documents.ts draws into a real PDF and DOCX: the same CV as its truth, laid out in two columns. */
export interface CvLayout {
  id: string
  header: string[]
  summary: string | null
  experience: Array<{ dates: string, title: string, company: string, bullets: string[] }>
  education: Array<{ dates: string, degree: string, institution: string }>
  skills: string[]
}

/** The date the corpus's "Present" means: the eval passes it to the parser as "today". */
export const REFERENCE_DATE = '2026-11-01'
