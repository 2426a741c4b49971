/**
 * An error whose message is written for the client, with the 4xx status that says what kind of
 * mistake it is. Domain code and routes throw these; the app's error handler sends them as
 * they are, in Fastify's `{ statusCode, error, message }` shape.
 */
export class ClientError extends Error {
  readonly statusCode: number

  constructor (statusCode: number, message: string) {
    super(message)
    this.name = new.target.name
    this.statusCode = statusCode
  }
}
