/**
 * A loopback server speaking the two OpenAI REST endpoints the provider uses, so tests run the
 * real openai SDK (its retries, timeouts and error classes) against scripted answers.
 *
 * - `POST /v1/chat/completions`: the assistant's content is what `onChat` returns, JSON-encoded;
 *   by default, the emptiest instance of the request's `response_format` JSON schema.
 * - `POST /v1/embeddings`: one deterministic, un-normalized vector per input (`fakeVector`),
 *   `dimensions` long; `onEmbeddings` may alter or replace the answer.
 *
 * Either handler scripts faults by returning `'hang'` (never answer: a timeout), `'malformed'`
 * (chat: content that is not JSON) or an `HttpReply` (any status, body and headers), or a promise
 * of any of these (a slow answer: `slowly(ms, reply)`). Usage counts one token per character, so
 * tests can assert exact numbers.
 */
import { createHash } from 'node:crypto'
import http from 'node:http'
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ChatMessage {
  role: string
  content: string
}

export interface ChatRequest {
  model: string
  messages: ChatMessage[]
  response_format: { type: string, json_schema: { name: string, schema: JsonSchema, strict: boolean } }
  [field: string]: unknown
}

export interface EmbeddingsRequest {
  model: string
  input: string[]
  dimensions: number
  encoding_format: string
  [field: string]: unknown
}

export interface EmbeddingsAnswer {
  object: 'list'
  model: string
  data: { object: 'embedding', index: number, embedding: number[] }[]
  usage: { prompt_tokens: number, total_tokens: number }
}

export type JsonSchema = Record<string, unknown>

/** An answer the fake would not produce by itself: an error status, odd headers, a raw body. */
export class HttpReply {
  readonly status: number
  readonly body: unknown
  readonly headers: Record<string, string>

  constructor (status: number, body: unknown = { error: { message: `fake error ${status}`, type: 'fake', code: null } }, headers: Record<string, string> = {}) {
    this.status = status
    this.body = body
    this.headers = headers
  }
}

/** Anything else a chat handler returns is the assistant's answer, sent JSON-encoded. */
export type ChatReply = 'hang' | 'malformed' | HttpReply | unknown
export type EmbeddingsReply = 'hang' | HttpReply | EmbeddingsAnswer

export interface RecordedRequest {
  path: string
  headers: IncomingHttpHeaders
  body: unknown
}

export interface FakeOpenAi {
  /** `http://127.0.0.1:PORT/v1`, the SDK's `baseURL`. */
  readonly baseUrl: string
  /** Every request, in arrival order. */
  readonly requests: RecordedRequest[]
  readonly chatRequests: ChatRequest[]
  readonly embeddingsRequests: EmbeddingsRequest[]
  onChat: (request: ChatRequest) => ChatReply | Promise<ChatReply>
  onEmbeddings: (request: EmbeddingsRequest, answer: EmbeddingsAnswer) => EmbeddingsReply | Promise<EmbeddingsReply>
}

/** `reply`, `ms` later: a slow provider. */
export async function slowly<T> (ms: number, reply: T): Promise<T> {
  await new Promise((resolve) => setTimeout(resolve, ms))
  return reply
}

/** Content that no JSON parser accepts, as a model cut off mid-answer would send. */
export const MALFORMED_CONTENT = '{"title": "Backend engineer", "skills": ['

const CHAT_PATH = '/v1/chat/completions'
const EMBEDDINGS_PATH = '/v1/embeddings'

/** Starts the fake on an ephemeral loopback port; `t.teardown` closes it, hung requests included. */
export async function startFakeOpenAi (t: { teardown (fn: () => unknown): void }): Promise<FakeOpenAi> {
  const requests: RecordedRequest[] = []
  const fake: FakeOpenAi = {
    baseUrl: '',
    requests,
    get chatRequests () {
      return requests.filter((request) => request.path === CHAT_PATH).map((request) => request.body as ChatRequest)
    },
    get embeddingsRequests () {
      return requests.filter((request) => request.path === EMBEDDINGS_PATH).map((request) => request.body as EmbeddingsRequest)
    },
    onChat: (request) => sampleInstance(request.response_format.json_schema.schema),
    onEmbeddings: (_request, answer) => answer
  }
  const server = http.createServer((request, response) => {
    void handle(fake, request, response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })
  const { port } = server.address() as AddressInfo
  return Object.assign(fake, { baseUrl: `http://127.0.0.1:${port}/v1` })
}

async function handle (fake: FakeOpenAi, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  const path = request.url ?? ''
  const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'))
  fake.requests.push({ path, headers: request.headers, body })
  if (path === CHAT_PATH) {
    const chat = body as ChatRequest
    send(response, chatReply(chat, await fake.onChat(chat)))
  } else if (path === EMBEDDINGS_PATH) {
    const embeddings = body as EmbeddingsRequest
    send(response, await fake.onEmbeddings(embeddings, embeddingsAnswer(embeddings)))
  } else {
    send(response, new HttpReply(404))
  }
}

function send (response: ServerResponse, reply: 'hang' | HttpReply | object): void {
  if (reply === 'hang') return
  const { status, body, headers } = reply instanceof HttpReply ? reply : new HttpReply(200, reply)
  response.writeHead(status, { 'content-type': 'application/json', ...headers })
  response.end(JSON.stringify(body))
}

function chatReply (request: ChatRequest, reply: ChatReply): 'hang' | HttpReply | object {
  if (reply === 'hang' || reply instanceof HttpReply) return reply
  const content = reply === 'malformed' ? MALFORMED_CONTENT : JSON.stringify(reply)
  const promptTokens = request.messages.reduce((sum, message) => sum + message.content.length, 0)
  return chatCompletion(request.model, content, { prompt_tokens: promptTokens, completion_tokens: content.length })
}

/** A complete chat completions body; `content: null` is what a refusal looks like. */
export function chatCompletion (model: string, content: string | null, usage?: { prompt_tokens: number, completion_tokens: number }): object {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 0,
    model,
    choices: [{ index: 0, finish_reason: 'stop', logprobs: null, message: { role: 'assistant', content, refusal: content === null ? 'refused' : null } }],
    ...(usage === undefined ? {} : { usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } })
  }
}

function embeddingsAnswer (request: EmbeddingsRequest): EmbeddingsAnswer {
  const tokens = request.input.reduce((sum, text) => sum + text.length, 0)
  return {
    object: 'list',
    model: request.model,
    data: request.input.map((text, index) => ({ object: 'embedding', index, embedding: fakeVector(text, request.dimensions) })),
    usage: { prompt_tokens: tokens, total_tokens: tokens }
  }
}

/** The fake's embedding of `text`: deterministic, different per text, deliberately not unit length. */
export function fakeVector (text: string, dimensions: number): number[] {
  const seed = createHash('sha256').update(text).digest().readUInt32BE(0)
  return Array.from({ length: dimensions }, (_, i) => 3 * Math.sin(seed + i))
}

/**
 * The emptiest value a strict schema allows: null where it may be (a union's last branch: TypeBox
 * puts null last), empty lists and strings, the first enum value.
 */
export function sampleInstance (schema: JsonSchema): unknown {
  if (Array.isArray(schema.anyOf)) return sampleInstance(schema.anyOf.at(-1) as JsonSchema)
  if (Array.isArray(schema.enum)) return schema.enum[0]
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>
  const empty: Record<string, unknown> = { object: {}, array: [], string: '', number: 0, integer: 0, boolean: false, null: null }
  return schema.type === 'object'
    ? Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, sampleInstance(property)]))
    : empty[String(schema.type)]
}
