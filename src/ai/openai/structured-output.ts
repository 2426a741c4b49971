import type { Static, TSchema } from 'typebox'
import { Compile } from 'typebox/compile'

/**
 * One TypeBox schema, two uses: the subset of JSON Schema that strict structured output accepts
 * (sent to the model) and the full schema, validation keywords included, that its answer must
 * pass. Strict mode constrains the model's decoding to the sent schema, so what it cannot express
 * (patterns, lengths, bounds, item counts) is checked here instead, on the answer.
 */

export type JsonSchema = Record<string, unknown>

/**
 * The keywords copied as they are. `properties`, `items` and `anyOf` are rebuilt recursively;
 * every other keyword is dropped: the strictest OpenAI-compatible backends reject `pattern`,
 * `format`, length, bound and item-count keywords in strict mode.
 */
const COPIED_KEYWORDS = ['type', 'description', 'enum', 'const'] as const

export type ParsedAnswer<T> =
  | { ok: true, value: T }
  | { ok: false, problem: string }

export interface StructuredOutput<T extends TSchema> {
  /** The `response_format` of a chat completions request. */
  readonly responseFormat: {
    type: 'json_schema'
    json_schema: { name: string, schema: JsonSchema, strict: true }
  }
  /** Parses the model's message content and validates it against the full schema. */
  parse (content: string): ParsedAnswer<Static<T>>
}

/** Validation errors named in a problem: enough to see what went wrong, short enough for a log line. */
const MAX_PROBLEMS = 3

/** `schema` must describe an object: strict structured output accepts no other root. */
export function structuredOutput<T extends TSchema> (name: string, schema: T): StructuredOutput<T> {
  const strict = toStrictSchema(schema)
  if (strict.type !== 'object') throw new TypeError(`structured output "${name}" needs an object schema at its root`)
  const validator = Compile(schema)
  return {
    responseFormat: { type: 'json_schema', json_schema: { name, schema: strict, strict: true } },
    parse (content) {
      let value: unknown
      try {
        value = JSON.parse(content)
      } catch {
        return { ok: false, problem: 'the answer is not JSON' }
      }
      if (validator.Check(value)) return { ok: true, value: value as Static<T> }
      const problems = validator.Errors(value).slice(0, MAX_PROBLEMS)
        .map((error) => `${error.instancePath === '' ? '/' : error.instancePath} ${error.message}`)
      return { ok: false, problem: `the answer does not match the schema: ${problems.join('; ')}` }
    }
  }
}

/**
 * What strict mode demands of every object: all properties required (unknown is `null`, never a
 * missing key) and no others. Unions of string literals (TypeBox's enums) become one `enum`:
 * the same constraint in a fraction of the schema tokens.
 */
export function toStrictSchema (schema: unknown): JsonSchema {
  const source = schema as JsonSchema
  const strict: JsonSchema = {}
  for (const keyword of COPIED_KEYWORDS) {
    if (source[keyword] !== undefined) strict[keyword] = source[keyword]
  }
  if (isSchemaMap(source.properties)) {
    strict.properties = Object.fromEntries(Object.entries(source.properties).map(([key, property]) => [key, toStrictSchema(property)]))
    strict.required = Object.keys(source.properties)
    strict.additionalProperties = false
  }
  // TypeBox's own `Type.Enum` has no `type`, which strict mode wants on every schema.
  if (strict.type === undefined && isStringList(strict.enum)) strict.type = 'string'
  if (source.items !== undefined) strict.items = toStrictSchema(source.items)
  if (Array.isArray(source.anyOf)) return strictUnion(source.anyOf.map(toStrictSchema), strict.description)
  return strict
}

function strictUnion (branches: readonly JsonSchema[], description: unknown): JsonSchema {
  const literals = branches.filter(isStringLiteral).map((branch) => branch.const)
  const others = branches.filter((branch) => !isStringLiteral(branch))
  const merged = literals.length === 0 ? others : [{ type: 'string', enum: literals }, ...others]
  const described = description === undefined ? {} : { description }
  return merged.length === 1 ? { ...merged[0], ...described } : { anyOf: merged, ...described }
}

function isStringLiteral (schema: JsonSchema): boolean {
  return schema.type === 'string' && typeof schema.const === 'string' && Object.keys(schema).length === 2
}

function isSchemaMap (value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function isStringList (value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}
