import { hashInput } from '../cache/index.ts'
import type { EntryRef, EraseResult, TwoTierCache, Validator } from '../cache/index.ts'
import { describeCv } from '../matching/describe-cv.ts'
import { CACHE_POLICY } from '../cache-policy.ts'
import type { CachePolicy } from '../cache-policy.ts'
import { schemaValidator } from '../schema-validator.ts'
import type { AiProvider } from './provider.ts'
import { IndustryList, ParsedCv, ParsedJob, RoleCategory } from './schemas.ts'
import type { Industry } from './schemas.ts'

export interface CvClassification {
  roleCategory: RoleCategory
  industries: Industry[]
}

const isParsedJob = schemaValidator(ParsedJob)
const isParsedCv = schemaValidator(ParsedCv)
const isIndustryList = schemaValidator(IndustryList)
const isRoleCategory = schemaValidator(RoleCategory)

/**
 * The AI operations the routes call, each behind the safe cache: a cache failure only ever
 * means the provider is asked again. Keys hold the provider's identity and a hash of the
 * normalized input, never the text itself.
 */
export class AiService {
  readonly provider: AiProvider
  private readonly cache: TwoTierCache
  private readonly isVector: Validator<Float32Array>

  constructor (provider: AiProvider, cache: TwoTierCache) {
    this.provider = provider
    this.cache = cache
    const dimensions = provider.embeddingDimensions
    this.isVector = (value: unknown): value is Float32Array => value instanceof Float32Array && value.length === dimensions
  }

  parseJobDescription (text: string): Promise<ParsedJob> {
    return this.cached(CACHE_POLICY.jd, { text }, isParsedJob, () => this.provider.parseJobDescription(text))
  }

  parseCv (text: string): Promise<ParsedCv> {
    return this.cached(CACHE_POLICY.cv, { text }, isParsedCv, () => this.provider.parseCv(text))
  }

  /**
   * The CV's identifier: the very hash its parse result is cached under (provider and
   * normalized text), so it names the cached data without revealing anything of the CV.
   */
  cvId (text: string): string {
    return hashInput(this.cvInput(text))
  }

  /**
   * Role and industries of a parsed CV (from its profile, so text and object inputs agree).
   * With a `cvId`, the cached results are linked to it so that erasing the CV finds them.
   */
  async classifyCv (cv: ParsedCv, cvId: string | undefined): Promise<CvClassification> {
    const profile = describeCv(cv)
    const [roleCategory, industries] = await Promise.all([
      this.classifyRoleCategory(profile.title, profile.text),
      this.extractIndustries(profile.text)
    ])
    if (cvId !== undefined) this.cache.linkToOwner(cvId, this.derivedRefs(cv), CACHE_POLICY.cv.ttlSeconds)
    return { roleCategory, industries }
  }

  /**
   * Removes every cached artefact of one CV: its parse result, and the role and industries
   * derived from it (found through the CV's index, and from its cached parse result when the
   * caller sent the text), in both tiers and on every instance.
   */
  async eraseCv (cvId: string): Promise<EraseResult> {
    const parseRef: EntryRef = { namespace: CACHE_POLICY.cv.namespace, hash: cvId }
    return this.cache.eraseOwner(cvId, [parseRef])
  }

  /** Same, from the text: the artefacts of its cached parse result are named even if they were never linked. */
  async eraseCvText (text: string): Promise<EraseResult & { cvId: string }> {
    const cvId = this.cvId(text)
    const parsed = await this.cache.safeGet(CACHE_POLICY.cv.namespace, this.cvInput(text), { validate: isParsedCv })
    const refs: EntryRef[] = [{ namespace: CACHE_POLICY.cv.namespace, hash: cvId }, ...(parsed === undefined ? [] : this.derivedRefs(parsed))]
    return { cvId, ...await this.cache.eraseOwner(cvId, refs) }
  }

  extractIndustries (text: string): Promise<Industry[]> {
    return this.cached(CACHE_POLICY.industries, { text }, isIndustryList, () => this.provider.extractIndustries(text))
  }

  classifyRoleCategory (title: string, text: string): Promise<RoleCategory> {
    return this.cached(CACHE_POLICY.role, { title, text }, isRoleCategory, () => this.provider.classifyRoleCategory(title, text))
  }

  async getEmbedding (text: string): Promise<Float32Array> {
    const [vector] = await this.getEmbeddings([text])
    return vector as Float32Array
  }

  /**
   * Vectors for many texts with one L1 pass, one Redis MGET for the L1 misses, one provider call
   * per `maxEmbeddingBatch` of the remaining misses and one pipelined write: never a round trip
   * per text. Duplicate texts are looked up and computed once.
   */
  async getEmbeddings (texts: readonly string[]): Promise<Float32Array[]> {
    const unique = [...new Set(texts)]
    const inputs = unique.map((text) => this.embeddingInput(text))
    const found = await this.cache.safeMGet(CACHE_POLICY.embedding.namespace, inputs, { validate: this.isVector })
    const missing = unique.filter((_, index) => found[index] === undefined)
    const computed = await this.embedMissing(missing)
    const byText = new Map<string, Float32Array>()
    unique.forEach((text, index) => {
      const vector = found[index] ?? computed.get(text)
      if (vector !== undefined) byText.set(text, vector)
    })
    return texts.map((text) => byText.get(text) as Float32Array)
  }

  private async embedMissing (texts: readonly string[]): Promise<Map<string, Float32Array>> {
    const computed = new Map<string, Float32Array>()
    if (texts.length === 0) return computed
    const batchSize = this.provider.maxEmbeddingBatch
    const batches: string[][] = []
    for (let start = 0; start < texts.length; start += batchSize) batches.push(texts.slice(start, start + batchSize))
    const vectors = (await Promise.all(batches.map((batch) => this.provider.embed(batch)))).flat()
    texts.forEach((text, index) => computed.set(text, vectors[index] as Float32Array))
    this.cache.safeMSet(
      CACHE_POLICY.embedding.namespace,
      texts.map((text, index) => ({ input: this.embeddingInput(text), value: vectors[index] })),
      CACHE_POLICY.embedding.ttlSeconds
    )
    return computed
  }

  /** The model and its dimensions are part of the key: a different model never reuses a vector. */
  private embeddingInput (text: string) {
    return { model: this.provider.embeddingModel, dimensions: this.provider.embeddingDimensions, text }
  }

  private cvInput (text: string) {
    return { provider: this.provider.id, text }
  }

  /** The cache entries a CV's classification is stored under (the inputs `cached()` hashes). */
  private derivedRefs (cv: ParsedCv): EntryRef[] {
    const { title, text } = describeCv(cv)
    return [
      { namespace: CACHE_POLICY.role.namespace, hash: hashInput({ provider: this.provider.id, title, text }) },
      { namespace: CACHE_POLICY.industries.namespace, hash: hashInput({ provider: this.provider.id, text }) }
    ]
  }

  private cached<T> (policy: CachePolicy, input: Record<string, string>, validate: Validator<T>, compute: () => Promise<T>): Promise<T> {
    return this.cache.getOrSet(policy.namespace, { provider: this.provider.id, ...input }, compute, policy.ttlSeconds, { validate })
  }
}
