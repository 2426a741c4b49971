import { ClientError } from '../../src/client-error.ts'

/** RFC 2046 §5.1.1: a boundary is 1 to 70 characters. */
const MAX_BOUNDARY_LENGTH = 70
const BOUNDARY_PARAMETER = /;\s*boundary=(?:"([^"]*)"|([^;\s]*))/i

/**
 * A multipart Content-Type header that cannot frame a body, as a 400 that says what to fix;
 * checked before the body is read. Undefined when the header is usable.
 */
export function multipartHeaderProblem (contentType: string): ClientError | undefined {
  const match = BOUNDARY_PARAMETER.exec(contentType)
  const boundary = match?.[1] ?? match?.[2] ?? ''
  if (boundary === '') {
    return new ClientError(400, 'The multipart/form-data Content-Type has no boundary parameter: send "multipart/form-data; boundary=..." with the boundary your body uses')
  }
  if (boundary.length > MAX_BOUNDARY_LENGTH) {
    return new ClientError(400, `The multipart boundary is ${boundary.length} characters long; at most ${MAX_BOUNDARY_LENGTH} are allowed (RFC 2046)`)
  }
  return undefined
}

/**
 * The multipart parser's (busboy's) complaints that a client can fix, as it words them: the
 * body or one part ends early. Its other errors are about boundaries, checked beforehand.
 */
const TRUNCATED = /unexpected end of multipart data/i

/**
 * An error raised while the multipart body was parsed. The parser's own errors (they carry no
 * status) describe the client's body, so they are a 400 that says what is wrong with it; errors
 * with a status (the upload size limits' 413s) are kept as they are.
 */
export function multipartBodyError (error: unknown): unknown {
  if (!(error instanceof Error) || 'statusCode' in error) return error
  const explanation = TRUNCATED.test(error.message)
    ? 'it ends before its closing boundary (the body is truncated, or its boundary is not the one in Content-Type)'
    : 'it is malformed'
  return new ClientError(400, `The multipart body could not be read: ${explanation}`)
}
