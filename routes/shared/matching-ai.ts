import type { AiService } from '../../src/ai/ai-service.ts'
import type { Provenance } from '../../src/ai/resilience/provenance.ts'
import type { MatchingAi } from '../../src/matching/score-candidate.ts'

/** The AI service as scoring sees it, every call reporting its source to this request's provenance. */
export function matchingAi (ai: AiService, provenance: Provenance): MatchingAi {
  return {
    provider: ai.provider,
    classifyRoleCategory: (title, text) => ai.classifyRoleCategory(title, text, provenance),
    extractIndustries: (text) => ai.extractIndustries(text, provenance),
    getEmbeddings: (texts) => ai.getEmbeddings(texts, provenance)
  }
}
