import type { CacheInput, EntryRef, EraseResult, TwoTierCache, Validator } from '../cache/index.ts'
import { FailSafeCache, hashInput } from '../cache/index.ts'
import { describeCv } from '../matching/describe-cv.ts'
import { CACHE_POLICY } from '../cache-policy.ts'
import type { CachePolicies } from '../cache-policy.ts'
import type { AiResilienceConfig } from '../config.ts'
import { schemaValidator } from '../schema-validator.ts'
import { isUnitVectorOf } from './embedding-vector.ts'
import { AiProviderError } from './errors.ts'
import type { AiOperation, AiProvider, CallOptions } from './provider.ts'
import { FailSafeResolver } from './resilience/fail-safe-resolver.ts'
import type { ResolvedSource } from './resilience/fail-safe-resolver.ts'
import type { Provenance } from './resilience/provenance.ts'
import { ProviderBreakers } from './resilience/provider-breakers.ts'
import { ProviderGuard } from './resilience/provider-guard.ts'
import type { ResilienceObserver } from './resilience/resilience-observer.ts'
import { IndustryList, ParsedCv, ParsedJob, RoleCategory } from './schemas.ts'
import type { Industry } from './schemas.ts'

const isParsedJob = schemaValidator(ParsedJob)
const isParsedCv = schemaValidator(ParsedCv)
const isIndustryList = schemaValidator(IndustryList)
const isRoleCategory = schemaValidator(RoleCategory)

/** What `AiService` runs with when the caller names nothing: the defaults of src/config.ts. */
export const DEFAULT_RESILIENCE: AiResilienceConfig = {
  chat: { softMs: 1500, hardMs: 5000 },
  embedding: { softMs: 500, hardMs: 3000 },
  failSafeThrottleSeconds: 30,
  breakerFailureThreshold: 5,
  breakerCooldownMs: 5000
}

export interface AiServiceOptions {
  policies?: CachePolicies
  resilience?: AiResilienceConfig
  /** Answers (cached under its own provider's keys) when this provider fails with nothing stale at hand. */
  fallback?: AiService | undefined
  observer?: ResilienceObserver | undefined
}

/**
 * The AI operations the routes call, each behind the fail-safe cache and the provider's guard
 * (src/ai/resilience/): a cache failure only ever means the provider is asked again, and a
 * provider failure means a stale answer, else the fallback's, else the error. Keys hold the
 * provider's identity and a hash of the normalized input, never the text itself. Each call adds
 * where its answer came from to the request's `Provenance`, when given one.
 */
export class AiService {
  readonly provider: AiProvider
  readonly breakers: ProviderBreakers
  private readonly policies: CachePolicies
  private readonly resolver: FailSafeResolver
  private readonly fallback: AiService | undefined
  private readonly observer: ResilienceObserver | undefined
  private readonly isVector: Validator<Float32Array>
  private readonly cache: TwoTierCache
  private readonly entries: FailSafeCache

  constructor (provider: AiProvider, cache: TwoTierCache, options: AiServiceOptions = {}) {
    this.provider = provider
    this.cache = cache
    this.entries = new FailSafeCache(cache)
    this.policies = options.policies ?? CACHE_POLICY
    this.fallback = options.fallback
    this.observer = options.observer
    const resilience = options.resilience ?? DEFAULT_RESILIENCE
    this.breakers = new ProviderBreakers({ failureThreshold: resilience.breakerFailureThreshold, cooldownMs: resilience.breakerCooldownMs })
    this.resolver = new FailSafeResolver({
      cache: this.entries,
      guard: new ProviderGuard({ breakers: this.breakers, timeouts: resilience, observer: options.observer }),
      throttleSeconds: resilience.failSafeThrottleSeconds,
      observer: options.observer
    })
    this.isVector = isUnitVectorOf(provider.embeddingDimensions)
  }

  /** Stops what the providers started (the local model's threads), the fallback's too. */
  async close (): Promise<void> {
    await this.provider.close?.()
    await this.fallback?.close()
  }

  parseJobDescription (text: string, provenance?: Provenance): Promise<ParsedJob> {
    return this.resolve('parse_job', this.policies.jd, { text }, isParsedJob, provenance,
      (options) => this.provider.parseJobDescription(text, options), (fallback) => fallback.parseJobDescription(text))
  }

  parseCv (text: string, provenance?: Provenance): Promise<ParsedCv> {
    return this.resolve('parse_cv', this.policies.cv, { text }, isParsedCv, provenance,
      (options) => this.provider.parseCv(text, options), (fallback) => fallback.parseCv(text))
  }

  /**
   * The CV's identifier: the very hash its parse result is cached under (provider and
   * normalized text), so it names the cached data without revealing anything of the CV.
   */
  cvId (text: string): string {
    return hashInput(this.cvInput(text))
  }

  /** Links the role and industries cached for `cv` to its `cvId`, so that erasing the CV finds them. */
  linkCvDerivatives (cvId: string, cv: ParsedCv): void {
    this.cache.linkToOwner(cvId, this.derivedRefs(cv), this.cvLifetimeSeconds())
  }

  /**
   * Removes every cached artefact of one CV: its parse result, and the role and industries
   * derived from it (found through the CV's index), in both tiers and on every instance.
   */
  async eraseCv (cvId: string): Promise<EraseResult> {
    const parseRef: EntryRef = { namespace: this.policies.cv.namespace, hash: cvId }
    return this.cache.eraseOwner(cvId, [parseRef])
  }

  /** Same, from the text: the artefacts of its cached parse result are named even if they were never linked. */
  async eraseCvText (text: string): Promise<EraseResult & { cvId: string }> {
    const cvId = this.cvId(text)
    const parsed = await this.entries.read(this.policies.cv, this.cvInput(text), isParsedCv)
    const refs: EntryRef[] = [{ namespace: this.policies.cv.namespace, hash: cvId }, ...(parsed === undefined ? [] : this.derivedRefs(parsed.value))]
    return { cvId, ...await this.cache.eraseOwner(cvId, refs) }
  }

  extractIndustries (text: string, provenance?: Provenance): Promise<Industry[]> {
    return this.resolve('extract_industries', this.policies.industries, { text }, isIndustryList, provenance,
      (options) => this.provider.extractIndustries(text, options), (fallback) => fallback.extractIndustries(text))
  }

  classifyRoleCategory (title: string, text: string, provenance?: Provenance): Promise<RoleCategory> {
    return this.resolve('classify_role', this.policies.role, { title, text }, isRoleCategory, provenance,
      (options) => this.provider.classifyRoleCategory(title, text, options), (fallback) => fallback.classifyRoleCategory(title, text))
  }

  async getEmbedding (text: string, provenance?: Provenance): Promise<Float32Array> {
    const [vector] = await this.getEmbeddings([text], provenance)
    return vector as Float32Array
  }

  /**
   * Vectors for many texts with one L1 pass, one Redis MGET for the L1 misses, one guarded call
   * for the rest (split into `maxEmbeddingBatch` requests) and one pipelined write: never a round
   * trip per text. Duplicate texts are looked up and computed once. A fallback answers for the
   * whole list, never part of it: vectors of two models are not comparable.
   */
  async getEmbeddings (texts: readonly string[], provenance?: Provenance): Promise<Float32Array[]> {
    const unique = [...new Set(texts)]
    const vectors = await this.answer('embed', provenance, async () => {
      const resolved = await this.resolver.resolveMany({
        operation: 'embed',
        policy: this.policies.embedding,
        inputs: unique.map((text) => this.embeddingInput(text)),
        validate: this.isVector,
        call: (positions, options) => this.embedInBatches(positions.map((position) => unique[position]!), options),
        budget: provenance?.budget
      })
      return { value: resolved.values, source: resolved.source }
    }, async (fallback) => await fallback.getEmbeddings(unique))
    const byText = new Map(unique.map((text, index) => [text, vectors[index] as Float32Array]))
    return texts.map((text) => byText.get(text) as Float32Array)
  }

  private async embedInBatches (texts: readonly string[], options: CallOptions): Promise<Float32Array[]> {
    const batchSize = this.provider.maxEmbeddingBatch
    const batches: string[][] = []
    for (let start = 0; start < texts.length; start += batchSize) batches.push(texts.slice(start, start + batchSize))
    return (await Promise.all(batches.map((batch) => this.provider.embed(batch, options)))).flat()
  }

  /** The model and its dimensions are part of the key: a different model never reuses a vector. */
  private cvInput (text: string) {
    return { provider: this.provider.id, text }
  }

  /** How long a CV's entries may live, grace included: its index must live as long. */
  private cvLifetimeSeconds (): number {
    const { cv, role, industries } = this.policies
    return Math.max(...[cv, role, industries].map((policy) => policy.ttlSeconds + policy.graceSeconds))
  }

  /** The cache entries a CV's classification is stored under (the inputs `resolve()` hashes). */
  private derivedRefs (cv: ParsedCv): EntryRef[] {
    const { title, text } = describeCv(cv)
    return [
      { namespace: this.policies.role.namespace, hash: hashInput({ provider: this.provider.id, title, text }) },
      { namespace: this.policies.industries.namespace, hash: hashInput({ provider: this.provider.id, text }) }
    ]
  }

  private embeddingInput (text: string) {
    return { model: this.provider.embeddingModel, dimensions: this.provider.embeddingDimensions, text }
  }

  private resolve<T> (
    operation: AiOperation,
    policy: CachePolicies[keyof CachePolicies],
    input: Record<string, CacheInput>,
    validate: Validator<T>,
    provenance: Provenance | undefined,
    call: (options: CallOptions) => Promise<T>,
    fallback: (service: AiService) => Promise<T>
  ): Promise<T> {
    return this.answer(operation, provenance, () => this.resolver.resolve({
      operation, policy, input: { provider: this.provider.id, ...input }, validate, call, budget: provenance?.budget
    }), fallback)
  }

  /**
   * The provider's answer (fresh, cached or stale), else the fallback's when the provider failed
   * with nothing stale at hand. Errors that are not the provider's (bugs) are never hidden.
   */
  private async answer<T> (
    operation: AiOperation,
    provenance: Provenance | undefined,
    primary: () => Promise<{ value: T, source: ResolvedSource }>,
    fallback: (service: AiService) => Promise<T>
  ): Promise<T> {
    try {
      const { value, source } = await primary()
      this.observer?.onAnswer(operation, source)
      provenance?.add(source)
      return value
    } catch (error) {
      if (this.fallback === undefined || !(error instanceof AiProviderError)) throw error
      const value = await fallback(this.fallback)
      this.observer?.onFallback(operation, error.reason)
      this.observer?.onAnswer(operation, 'fallback')
      provenance?.add('fallback')
      return value
    }
  }
}
