import type { TwoTierCache, Validator } from '../cache/index.ts'
import { CACHE_POLICY } from '../cache-policy.ts'
import type { CachePolicy } from '../cache-policy.ts'
import { schemaValidator } from '../schema-validator.ts'
import { isUnitVectorOf } from './embedding-vector.ts'
import type { AiProvider } from './provider.ts'
import { IndustryList, ParsedCv, ParsedJob, RoleCategory } from './schemas.ts'
import type { Industry } from './schemas.ts'

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
    this.isVector = isUnitVectorOf(provider.embeddingDimensions)
  }

  parseJobDescription (text: string): Promise<ParsedJob> {
    return this.cached(CACHE_POLICY.jd, { text }, isParsedJob, () => this.provider.parseJobDescription(text))
  }

  parseCv (text: string): Promise<ParsedCv> {
    return this.cached(CACHE_POLICY.cv, { text }, isParsedCv, () => this.provider.parseCv(text))
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

  private cached<T> (policy: CachePolicy, input: Record<string, string>, validate: Validator<T>, compute: () => Promise<T>): Promise<T> {
    return this.cache.getOrSet(policy.namespace, { provider: this.provider.id, ...input }, compute, policy.ttlSeconds, { validate })
  }
}
