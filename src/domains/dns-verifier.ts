import { Resolver } from 'node:dns/promises'

/** true: the domain has an address or a mail server; false: it does not exist or has neither; null: unknown. */
export type DnsVerdict = boolean | null

export interface DomainVerifier {
  verify (domains: readonly string[]): Promise<ReadonlyMap<string, DnsVerdict>>
}

export interface DnsVerifierOptions {
  /** Bounds each query and the whole verify call. */
  timeoutMs: number
  /** `host[:port]` resolvers (IP addresses); the system's when empty. */
  servers: readonly string[]
}

/** Answers that say "no such name" (NXDOMAIN) or "no such record" (NODATA), as opposed to "could not find out". */
const NEGATIVE_ANSWER_CODES = new Set<string | undefined>(['ENOTFOUND', 'ENODATA'])

/**
 * Checks whether suggested domains exist. Never throws and never takes much longer than the
 * timeout: a resolver that fails or does not answer makes the verdict null (unknown), not an error.
 */
export class DnsVerifier implements DomainVerifier {
  private readonly timeoutMs: number
  private readonly servers: readonly string[]

  constructor (options: DnsVerifierOptions) {
    this.timeoutMs = options.timeoutMs
    this.servers = options.servers
    // Fails at start-up, not on the first request, when a server address is malformed.
    this.createResolver()
  }

  /**
   * Looks all domains up at once. c-ares retries on each configured server in turn, so a hung
   * resolver can take several timeouts: an overall deadline stops waiting after one, and the
   * lookups still running are cancelled (hence a resolver per call: cancel() stops all of its queries).
   */
  async verify (domains: readonly string[]): Promise<Map<string, DnsVerdict>> {
    const verdicts = new Map<string, DnsVerdict>(domains.map((domain) => [domain, null]))
    const resolver = this.createResolver()
    let timer: ReturnType<typeof setTimeout> | undefined
    const deadline = new Promise<void>((resolve) => { timer = setTimeout(resolve, this.timeoutMs) })
    const lookups = Promise.all([...verdicts.keys()].map(async (domain) => {
      verdicts.set(domain, await lookUp(resolver, domain))
    }))
    try {
      await Promise.race([lookups, deadline])
    } finally {
      clearTimeout(timer)
      resolver.cancel()
    }
    // A copy: cancelled lookups settle later and must not change the answer already given.
    return new Map(verdicts)
  }

  private createResolver (): Resolver {
    const resolver = new Resolver({ timeout: this.timeoutMs, tries: 1 })
    if (this.servers.length > 0) resolver.setServers(this.servers)
    return resolver
  }
}

/** Exists as soon as any of A, AAAA or MX answers; absent only when all three say so. */
async function lookUp (resolver: Resolver, domain: string): Promise<DnsVerdict> {
  try {
    await Promise.any([resolver.resolve4(domain), resolver.resolve6(domain), resolver.resolveMx(domain)])
    return true
  } catch (error) {
    return (error as AggregateError).errors.every(isNegativeAnswer) ? false : null
  }
}

function isNegativeAnswer (error: unknown): boolean {
  return NEGATIVE_ANSWER_CODES.has((error as NodeJS.ErrnoException).code)
}
