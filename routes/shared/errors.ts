import { Type } from 'typebox'

/** Fastify's error shape: every 4xx and 5xx answer of the API has it. */
export const ErrorResponse = Type.Object({
  statusCode: Type.Integer({ minimum: 400, maximum: 599 }),
  error: Type.String({ description: 'The HTTP reason phrase' }),
  message: Type.String({ description: 'What went wrong and, where the client can act, what to do' })
}, { title: 'Error' })

/** The error responses every API route documents. */
export const ERROR_RESPONSES = {
  '4xx': ErrorResponse,
  '5xx': ErrorResponse
} as const
