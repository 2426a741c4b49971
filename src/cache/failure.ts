/**
 * Cache failures are values, not exceptions: every L2 problem is classified once, here,
 * and the same `reason` string travels unchanged into the metric label, the log line and the span.
 *
 * The message that goes with it is never the error's own text: Redis echoes a command's
 * arguments in some error replies (`ERR unknown command 'set', with args beginning with: '<key>'
 * '<value>'`), and a cached value is personal data. A failure carries the error's code (the first
 * word of a reply, or Node's errno code) and a fixed description of that code, nothing else.
 */

export const FAILURE_REASONS = [
  'timeout',
  'connection',
  'circuit_open',
  'oom',
  'readonly',
  'auth',
  'loading',
  'busy',
  /** MOVED or ASK that the client did not follow (too many redirections, or a node it cannot reach). */
  'redirect',
  /** CLUSTERDOWN: the cluster does not serve the slot (a shard without a master). */
  'cluster_down',
  /** TRYAGAIN: a multi-key command during a slot migration. */
  'try_again',
  /** CROSSSLOT: a multi-key command over several slots (a bug: commands are grouped by slot). */
  'crossslot',
  'corrupt',
  'other'
] as const

export type FailureReason = (typeof FAILURE_REASONS)[number]

export type Tier = 'l1' | 'l2'

export interface CacheFailure {
  reason: FailureReason
  /** An error code and a fixed description, for logs and spans. Never a key, never a value. */
  message: string
}

/** Thrown by our own deadline guard so that it classifies as a timeout like ioredis' own. */
export class DeadlineExceededError extends Error {
  constructor (ms: number) {
    super(`Redis did not answer within ${ms} ms`)
    this.name = 'DeadlineExceededError'
  }
}

/** Redis error-reply codes: the reason and the only words of the reply that are ever repeated. */
const REPLY_CODES: ReadonlyMap<string, [FailureReason, string]> = new Map([
  ['OOM', ['oom', 'command not allowed when used memory > maxmemory']],
  ['READONLY', ['readonly', 'the node is a replica and accepts no writes']],
  ['NOAUTH', ['auth', 'authentication required']],
  ['WRONGPASS', ['auth', 'invalid username-password pair or user disabled']],
  ['NOPERM', ['auth', 'the user has no permission for this command or key']],
  ['LOADING', ['loading', 'Redis is loading the dataset in memory']],
  ['BUSY', ['busy', 'Redis is busy running a script']],
  ['MASTERDOWN', ['busy', 'the link with the master is down']],
  ['MOVED', ['redirect', 'the slot is served by another node']],
  ['ASK', ['redirect', 'the slot is migrating to another node']],
  ['CLUSTERDOWN', ['cluster_down', 'the cluster is down']],
  ['TRYAGAIN', ['try_again', 'the keys are being migrated between nodes']],
  ['CROSSSLOT', ['crossslot', "keys in request don't hash to the same slot"]],
  ['ERR', ['other', 'generic error reply']],
  ['WRONGTYPE', ['other', 'operation against a key holding the wrong kind of value']],
  ['EXECABORT', ['other', 'transaction discarded']],
  ['NOSCRIPT', ['other', 'no matching script']],
  ['NOREPLICAS', ['other', 'not enough good replicas to write']]
])

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT'
])

/** ioredis' own messages (they contain no data), with the fixed text they are reduced to. */
const CLIENT_MESSAGES: ReadonlyArray<[RegExp, FailureReason, string]> = [
  [/Command timed out/, 'timeout', 'Redis did not answer within the command timeout'],
  [/Stream isn't writeable|Connection is closed|not connected|enableOfflineQueue/i, 'connection', 'the connection is not open'],
  [/Connection in subscriber mode/, 'connection', 'the connection is in subscriber mode'],
  [/Reached the max retries per request limit/, 'connection', 'the connection dropped while the command was in flight'],
  [/Failed to refresh slots cache|None of startup nodes is available/, 'connection', 'no cluster node answered'],
  [/Too many Cluster redirections/, 'redirect', 'too many cluster redirections'],
  [/should belong to the same slot/, 'crossslot', 'the keys of one pipeline do not share a node'],
  [/All sentinels are unreachable/, 'connection', 'no sentinel answered'],
  [/connect ETIMEDOUT/, 'connection', 'connect timed out']
]

export function classifyError (error: unknown): CacheFailure {
  if (error instanceof DeadlineExceededError) return { reason: 'timeout', message: error.message }
  const message = error instanceof Error ? error.message : String(error)
  const replyCode = /^([A-Z][A-Z_]+)(?:\s|$)/.exec(message)?.[1]
  const reply = replyCode === undefined ? undefined : REPLY_CODES.get(replyCode)
  if (reply !== undefined) return { reason: reply[0], message: `${replyCode!}: ${reply[1]}` }
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : ''
  if (CONNECTION_CODES.has(code)) return { reason: 'connection', message: `${code}: the connection to Redis failed` }
  for (const [pattern, reason, description] of CLIENT_MESSAGES) {
    if (pattern.test(message)) return { reason, message: description }
  }
  // An error reply whose code we do not know still keeps its code, and only its code.
  if (replyCode !== undefined) return { reason: 'other', message: `${replyCode}: unrecognised error reply` }
  const name = error instanceof Error && /^\w{1,64}$/.test(error.name) ? error.name : 'Error'
  return { reason: 'other', message: `${name}: unrecognised client error` }
}

export function failure (reason: FailureReason, message: string): CacheFailure {
  return { reason, message }
}
