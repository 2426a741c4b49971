import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { AI_ERRORS, BODY_ERRORS, ERROR_RESPONSE_ID, errorResponses } from './openapi.ts'

/**
 * Fastify's error shape: every 4xx and 5xx answer of the API has it. Registered once as a shared
 * schema (plugins/swagger.ts) and referenced by every error response, so the document has it once.
 */
export const ErrorResponse = Type.Object({
  statusCode: Type.Integer({ minimum: 400, maximum: 599 }),
  error: Type.String({ description: 'The HTTP reason phrase' }),
  message: Type.String({ description: 'What went wrong and, where the client can act, what to do' })
}, {
  $id: ERROR_RESPONSE_ID,
  title: 'ErrorResponse',
  examples: [{
    statusCode: 415,
    error: 'Unsupported Media Type',
    message: "Content-Type application/x-www-form-urlencoded is not accepted here: send application/json. With curl: -H 'Content-Type: application/json' -d '{...}'."
  }]
})

/** The error responses of a route that reads a JSON body and calls the AI provider. */
export const ERROR_RESPONSES = errorResponses(...BODY_ERRORS, ...AI_ERRORS)

/** The media types a route's body may have: those its schema lists, else JSON. */
function acceptedMediaTypes (request: FastifyRequest): string[] {
  const body = request.routeOptions.schema?.body as { content?: Record<string, unknown> } | undefined
  return body?.content === undefined ? ['application/json'] : Object.keys(body.content)
}

/**
 * The message of a 415: which types the route accepts. The most common cause is curl's default
 * form encoding (`-d` without a Content-Type header), so the message shows the fix.
 */
export function unsupportedMediaTypeMessage (request: FastifyRequest): string {
  const sent = (request.headers['content-type'] ?? '').split(';')[0]?.trim().slice(0, 100) || 'none'
  const accepted = acceptedMediaTypes(request)
  const upload = accepted.includes('multipart/form-data') ? ', or upload the file with -F file=@cv.pdf (field "file")' : ''
  return `Content-Type ${sent} is not accepted here: send ${accepted.join(' or ')}. ` +
    `With curl: -H 'Content-Type: application/json' -d '{...}'${upload}.`
}
