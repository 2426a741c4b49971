import OpenAI from 'openai'
import type { ChatCompletion } from 'openai/resources/chat/completions/completions'
import { Type } from 'typebox'
import type { Static, TSchema } from 'typebox'
import type { AiConfig, OpenAiConfig } from '../../config.ts'
import { AiProviderError } from '../errors.ts'
import type { AiOperation, AiProvider, CallOptions } from '../provider.ts'
import { IndustryList, ParsedCv, ParsedJob, RoleCategory } from '../schemas.ts'
import type { Industry } from '../schemas.ts'
import { canonicalSkillName } from '../taxonomy/skill-extractor.ts'
import { traceAiCall } from '../telemetry.ts'
import type { AiCallDescription, AiCallResult, AiObserver, Usage } from '../telemetry.ts'
import { invalidAnswer, mapOpenAiError } from './error-mapping.ts'
import { CLASSIFY_ROLE_PROMPT, EXTRACT_INDUSTRIES_PROMPT, PARSE_CV_PROMPT, PARSE_JOB_PROMPT } from './prompts.ts'
import { structuredOutput } from './structured-output.ts'
import type { StructuredOutput } from './structured-output.ts'

export type OpenAiProviderConfig = OpenAiConfig & Pick<AiConfig, 'embeddingModel' | 'embeddingDimensions' | 'embeddingBatchSize'>

const OFFICIAL_BASE_URL = 'https://api.openai.com/v1'

const JOB_OUTPUT = structuredOutput('parsed_job', ParsedJob)
const CV_OUTPUT = structuredOutput('parsed_cv', ParsedCv)
// Strict structured output needs an object at the root, hence the one-field wrappers.
const INDUSTRIES_OUTPUT = structuredOutput('industries', Type.Object({ industries: IndustryList }, { additionalProperties: false }))
const ROLE_OUTPUT = structuredOutput('role_category', Type.Object({ role_category: RoleCategory }, { additionalProperties: false }))

/**
 * Any OpenAI-compatible API through the official SDK, which owns the HTTP retries (429, 5xx,
 * connection errors, honouring Retry-After) and the per-request timeout. On top of that, an
 * answer that is not usable (not JSON, off-schema) is asked for once more before giving up:
 * models that do not enforce the schema strictly get it right on a second try.
 */
export class OpenAiProvider implements AiProvider {
  readonly id: string
  readonly embeddingModel: string
  readonly embeddingDimensions: number
  readonly maxEmbeddingBatch: number
  private readonly chatModel: string
  private readonly client: OpenAI
  private readonly observer: AiObserver | undefined

  constructor (config: OpenAiProviderConfig, observer?: AiObserver) {
    this.id = `openai:${config.chatModel}`
    this.chatModel = config.chatModel
    this.embeddingModel = config.embeddingModel
    this.embeddingDimensions = config.embeddingDimensions
    this.maxEmbeddingBatch = config.embeddingBatchSize
    this.observer = observer
    // Every setting comes from the config: left unset, the SDK would read OPENAI_BASE_URL,
    // OPENAI_ORG_ID and OPENAI_PROJECT_ID from the environment behind its back.
    this.client = new OpenAI({
      apiKey: config.apiKey,
      baseURL: config.baseUrl ?? OFFICIAL_BASE_URL,
      organization: null,
      project: null,
      timeout: config.timeoutMs,
      maxRetries: config.maxRetries
    })
  }

  async parseJobDescription (text: string, options: CallOptions = {}): Promise<ParsedJob> {
    const job = await this.complete('parse_job', JOB_OUTPUT, PARSE_JOB_PROMPT, text, options)
    const required = canonicalSkills(job.required_skills)
    const preferred = canonicalSkills(job.preferred_skills).filter((skill) => !required.includes(skill))
    return { ...job, required_skills: required, preferred_skills: preferred }
  }

  async parseCv (text: string, options: CallOptions = {}): Promise<ParsedCv> {
    const cv = await this.complete('parse_cv', CV_OUTPUT, PARSE_CV_PROMPT, text, options)
    return { ...cv, skills: canonicalSkills(cv.skills) }
  }

  async extractIndustries (text: string, options: CallOptions = {}): Promise<Industry[]> {
    const { industries } = await this.complete('extract_industries', INDUSTRIES_OUTPUT, EXTRACT_INDUSTRIES_PROMPT, text, options)
    return [...new Set(industries)]
  }

  async classifyRoleCategory (title: string, text: string, options: CallOptions = {}): Promise<RoleCategory> {
    const answer = await this.complete('classify_role', ROLE_OUTPUT, CLASSIFY_ROLE_PROMPT, `Job title: ${title}\n\n${text}`, options)
    return answer.role_category
  }

  /** Larger batches than `maxEmbeddingBatch` are split here too, though the service already does it. */
  async embed (texts: readonly string[], options: CallOptions = {}): Promise<Float32Array[]> {
    const batches: (readonly string[])[] = []
    for (let start = 0; start < texts.length; start += this.maxEmbeddingBatch) {
      batches.push(texts.slice(start, start + this.maxEmbeddingBatch))
    }
    return (await Promise.all(batches.map((batch) => this.embedBatch(batch, options)))).flat()
  }

  private async complete<T extends TSchema> (operation: AiOperation, output: StructuredOutput<T>, prompt: string, text: string, options: CallOptions): Promise<Static<T>> {
    try {
      return await this.completeOnce(operation, output, prompt, text, options)
    } catch (error) {
      if (!(error instanceof AiProviderError) || error.reason !== 'bad_response' || options.signal?.aborted === true) throw error
      return await this.completeOnce(operation, output, prompt, text, options)
    }
  }

  private async completeOnce<T extends TSchema> (operation: AiOperation, output: StructuredOutput<T>, prompt: string, text: string, options: CallOptions): Promise<Static<T>> {
    return await this.call({ operation, model: this.chatModel }, options, async () => {
      // No temperature: reasoning models reject any but the default, and the schema already
      // pins the answer's shape.
      const completion = await this.client.chat.completions.create({
        model: this.chatModel,
        messages: [{ role: 'system', content: prompt }, { role: 'user', content: text }],
        response_format: output.responseFormat
      }, { signal: options.signal })
      const usage = chatUsage(completion)
      const parsed = output.parse(answerContent(completion, usage))
      if (!parsed.ok) throw invalidAnswer(parsed.problem, usage)
      return { value: parsed.value, usage }
    })
  }

  private async embedBatch (texts: readonly string[], options: CallOptions): Promise<Float32Array[]> {
    return await this.call({ operation: 'embed', model: this.embeddingModel, batchSize: texts.length }, options, async () => {
      // Floats rather than the SDK's default base64: every OpenAI-compatible server speaks them.
      const response = await this.client.embeddings.create({
        model: this.embeddingModel,
        input: [...texts],
        dimensions: this.embeddingDimensions,
        encoding_format: 'float'
      }, { signal: options.signal })
      const vectors = orderedVectors(response.data, texts.length, this.embeddingDimensions)
      return { value: vectors.map(normalized), usage: { inputTokens: response.usage.prompt_tokens, outputTokens: 0 } }
    })
  }

  /** One traced HTTP call, its SDK errors turned into `AiProviderError`s; its usage handed to `options.onUsage`. */
  private async call<T> (description: Omit<AiCallDescription, 'provider'>, options: CallOptions, work: () => Promise<AiCallResult<T>>): Promise<T> {
    return await traceAiCall({ provider: 'openai', ...description }, this.observer, async () => {
      try {
        const result = await work()
        if (result.usage !== undefined) options.onUsage?.(result.usage)
        return result
      } catch (error) {
        throw mapOpenAiError(error)
      }
    })
  }
}

/** The message content; a refusal, or no choice at all, counts as an unusable answer (`null`). */
function answerContent (completion: ChatCompletion, usage: Usage | undefined): string {
  const content = completion.choices[0]?.message.content
  if (typeof content !== 'string') throw invalidAnswer('the answer has no content (refused or empty)', usage)
  return content
}

function chatUsage (completion: ChatCompletion): Usage | undefined {
  const usage = completion.usage
  return usage === undefined ? undefined : { inputTokens: usage.prompt_tokens, outputTokens: usage.completion_tokens }
}

/** Same canonical name once, in the model's order; empty names (only blanks) dropped. */
function canonicalSkills (skills: readonly string[]): string[] {
  return [...new Set(skills.map(canonicalSkillName))].filter((skill) => skill !== '')
}

/** One vector per input, in input order, each `dimensions` long, or an unusable answer. */
function orderedVectors (data: readonly { index: number, embedding: readonly number[] }[], count: number, dimensions: number): (readonly number[])[] {
  if (data.length !== count) throw invalidAnswer(`expected ${count} embeddings, got ${data.length}`)
  const vectors: (readonly number[])[] = new Array(count)
  for (const item of data) {
    if (!Number.isInteger(item.index) || item.index < 0 || item.index >= count || vectors[item.index] !== undefined) {
      throw invalidAnswer(`embedding index ${item.index} is out of range or repeated`)
    }
    if (item.embedding.length !== dimensions) throw invalidAnswer(`expected ${dimensions}-dimensional embeddings, got ${item.embedding.length}`)
    vectors[item.index] = item.embedding
  }
  return vectors
}

/** Unit length, so cosine similarity is a dot product downstream. */
function normalized (vector: readonly number[]): Float32Array {
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0))
  if (!Number.isFinite(norm) || norm === 0) throw invalidAnswer('an embedding has zero or non-finite length')
  return Float32Array.from(vector, (value) => value / norm)
}
