import { Compile } from 'typebox/compile'
import type { Static, TSchema } from 'typebox'
import type { Validator } from './cache/index.ts'

/**
 * The cache's shape check for a value read back from Redis, compiled from the same TypeBox
 * schema the route answers with: a stored value that no longer matches is a `corrupt` miss.
 */
export function schemaValidator<T extends TSchema> (schema: T): Validator<Static<T>> {
  const compiled = Compile(schema)
  return (value: unknown): value is Static<T> => compiled.Check(value)
}
