import type { Industry, ParsedCv, ParsedJob, RoleCategory } from '../ai/schemas.ts'
import { mapBounded } from '../map-bounded.ts'
import { describeCv } from './describe-cv.ts'
import { normalizeText } from './embeddings.ts'
import type { EmbedFunction } from './embeddings.ts'
import type { FitScore } from './fit-score.ts'
import { titleTexts } from './role-match.ts'
import { scoreFit } from './score-fit.ts'
import { skillTexts } from './skill-match.ts'
import { skillThresholdsFor } from './skill-thresholds.ts'

/** What scoring asks of the AI layer: the CV's role and industries, and vectors. All cached. */
export interface MatchingAi {
  /** Whose vectors: the skill thresholds depend on it. */
  readonly provider: { readonly embeddingModel: string }
  classifyRoleCategory (title: string, text: string): Promise<RoleCategory>
  extractIndustries (text: string): Promise<Industry[]>
  getEmbeddings (texts: readonly string[]): Promise<Float32Array[]>
}

/** A parsed CV with what the classifiers made of it: everything a scoring needs but vectors. */
export interface ClassifiedCv {
  cv: ParsedCv
  roleCategory: RoleCategory
  industries: Industry[]
}

/**
 * The CV's role and industries come from its parsed form (never its raw text), so a CV sent as
 * text and the same CV sent as its parsed object classify, and therefore score, the same.
 */
export async function classifyCv (ai: MatchingAi, cv: ParsedCv): Promise<ClassifiedCv> {
  const profile = describeCv(cv)
  const [roleCategory, industries] = await Promise.all([
    ai.classifyRoleCategory(profile.title, profile.text),
    ai.extractIndustries(profile.text)
  ])
  return { cv, roleCategory, industries }
}

/** `POST /api/calculate-score`: one CV against one job. */
export async function scoreCandidate (ai: MatchingAi, cv: ParsedCv, jd: ParsedJob): Promise<FitScore> {
  const classified = await classifyCv(ai, cv)
  return scoreClassified(ai, classified, jd, (texts) => ai.getEmbeddings(texts))
}

/** Scores one classified CV; `embed` answers for the texts of this pair. */
function scoreClassified (ai: MatchingAi, classified: ClassifiedCv, jd: ParsedJob, embed: EmbedFunction): Promise<FitScore> {
  const { cv, roleCategory, industries } = classified
  const skillThresholds = skillThresholdsFor(ai.provider.embeddingModel)
  return scoreFit({ cv, jd, cvRoleCategory: roleCategory, cvIndustries: industries, embed, skillThresholds })
}

/**
 * Many CVs against one job with a single vector lookup: the texts every pair will embed are
 * gathered first and fetched in one `getEmbeddings` call (one L1 pass, one Redis MGET, one
 * provider call per embeddings batch), then each pair is scored from that table. Each pair runs
 * the very `scoreFit` that `/api/calculate-score` runs, on the same vectors, so a ranked CV
 * scores exactly what the single scoring gives.
 */
export async function scoreMany (ai: MatchingAi, classified: readonly ClassifiedCv[], jd: ParsedJob): Promise<FitScore[]> {
  const texts = new Set<string>()
  for (const { cv, roleCategory } of classified) {
    for (const text of [...skillTexts(jd, cv), ...titleTexts(jd, cv, roleCategory)]) texts.add(normalizeText(text))
  }
  texts.delete('')
  const unique = [...texts]
  const vectors = unique.length === 0 ? [] : await ai.getEmbeddings(unique)
  const table = new Map(unique.map((text, index) => [text, vectors[index] as Float32Array]))
  const lookup: EmbedFunction = async (batch) => batch.map((text) => {
    const vector = table.get(text)
    if (vector === undefined) throw new Error(`No prefetched embedding for "${text}"`)
    return vector
  })
  // One pair per event-loop turn: a pair's similarity matrices are CPU work, and 500 of them in
  // one turn would hold every other request for a noticeable time.
  return mapBounded(classified, 1, (entry) => scoreClassified(ai, entry, jd, lookup))
}
