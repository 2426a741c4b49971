/**
 * The shape of the hand-written material the corpus is composed from (eval/author/families-*.ts).
 *
 * Skills inside prose are marked `[[surface]]` or `[[surface|canonical]]`: the surface is what the
 * document says, the canonical name (else the surface) is what the ground truth records. Prose
 * without a marker names no skill, on purpose ("collaborate with physical therapists").
 */

export type Language = 'de' | 'fr' | 'es'

export interface DegreeSpec {
  /** As written on the CV, e.g. "BSc (Hons) Nursing". */
  text: string
  level: 'high_school' | 'vocational' | 'associate' | 'bachelor' | 'master' | 'doctorate'
  institutions: readonly string[]
}

export interface LocalMaterial {
  titles: readonly string[]
  bullets: readonly string[]
  degrees: readonly DegreeSpec[]
  summary: string
}

export interface JdSpec {
  title: string
  role_category: string
  /** The employer's business and the role's, from the vocabulary of src/ai/taxonomy/vocabulary.ts, main one first. */
  industries: readonly string[]
  company: string
  location: string | null
  /** How the title line shows title, company and location; see eval/author/render-jd.ts. */
  header: 'at_paren' | 'mfd_dash' | 'in_city' | 'labelled' | 'plain_then_location' | 'title_only'
  intro: string
  responsibilities: readonly string[]
  /** Requirement lines; the years phrase is written here in the posting's own words. */
  required: readonly string[]
  preferred: readonly string[]
  min_years: number | null
  benefits: readonly string[]
}

export interface FamilySpec {
  id: string
  titles: readonly string[]
  companies: readonly string[]
  cities: readonly string[]
  bullets: readonly string[]
  /** As a skills section lists them; canonicalised through the taxonomy when it knows them. */
  skills: readonly string[]
  degrees: readonly DegreeSpec[]
  certifications: readonly string[]
  summaries: readonly string[]
  local?: Partial<Record<Language, LocalMaterial>>
  jds: readonly JdSpec[]
}
