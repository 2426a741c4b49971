import t from 'tap'
import { ReplyError } from 'ioredis'
import { classifyError, DeadlineExceededError } from '../../src/cache/failure.ts'

function withCode (message: string, code: string): Error {
  return Object.assign(new Error(message), { code })
}

t.test('timeouts: ioredis commandTimeout and our own deadline', async (t) => {
  t.equal(classifyError(new Error('Command timed out')).reason, 'timeout')
  t.equal(classifyError(new DeadlineExceededError(70)).reason, 'timeout')
})

t.test('Redis error replies are classified by their prefix', async (t) => {
  const replies: Record<string, string> = {
    "OOM command not allowed when used memory > 'maxmemory'.": 'oom',
    "READONLY You can't write against a read only replica.": 'readonly',
    'NOAUTH Authentication required.': 'auth',
    'WRONGPASS invalid username-password pair or user is disabled.': 'auth',
    'LOADING Redis is loading the dataset in memory': 'loading',
    'BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSCRIPT.': 'busy',
    // Cluster redirections and states have reasons of their own.
    'MOVED 3999 127.0.0.1:6381': 'redirect',
    'ASK 3999 127.0.0.1:6381': 'redirect',
    'CLUSTERDOWN The cluster is down': 'cluster_down',
    'TRYAGAIN Multiple keys request during rehashing of slot': 'try_again',
    "CROSSSLOT Keys in request don't hash to the same slot": 'crossslot'
  }
  for (const [message, reason] of Object.entries(replies)) {
    t.equal(classifyError(new ReplyError(message)).reason, reason, message)
  }
})

t.test('connection problems, by error code or by ioredis message', async (t) => {
  t.equal(classifyError(withCode('connect ECONNREFUSED 127.0.0.1:6379', 'ECONNREFUSED')).reason, 'connection')
  t.equal(classifyError(withCode('read ECONNRESET', 'ECONNRESET')).reason, 'connection')
  t.equal(classifyError(new Error("Stream isn't writeable and enableOfflineQueue options is false")).reason, 'connection')
  t.equal(classifyError(new Error('Connection is closed.')).reason, 'connection')
})

t.test('cluster client errors', async (t) => {
  t.equal(classifyError(new Error('Too many Cluster redirections. Last error: MOVED 1 x:1')).reason, 'redirect')
  t.equal(classifyError(new Error('Failed to refresh slots cache.')).reason, 'connection')
  t.equal(classifyError(new Error('All keys in the pipeline should belong to the same slots allocation group')).reason, 'crossslot')
})

t.test('anything else is other', async (t) => {
  t.same(classifyError(new ReplyError('ERR unknown command')), { reason: 'other', message: 'ERR: generic error reply' })
  t.same(classifyError(new ReplyError('WEIRDCODE something')), { reason: 'other', message: 'WEIRDCODE: unrecognised error reply' })
  t.same(classifyError(new TypeError('x is not a function')), { reason: 'other', message: 'TypeError: unrecognised client error' })
})

t.test('the message keeps the code and a fixed description, never the text a reply echoes', async (t) => {
  const echoed = "ERR unknown command 'set', with args beginning with: 'jobfit:cv:v1:5d46' '{\"d\":{\"name\":\"Jane Doe\"}}'"
  const classified = classifyError(new ReplyError(echoed))
  t.same(classified, { reason: 'other', message: 'ERR: generic error reply' })
  t.notMatch(classified.message, /Jane|jobfit:cv/)
  const moved = classifyError(new ReplyError('MOVED 3999 10.0.0.7:6381'))
  t.notMatch(moved.message, /3999|10\.0\.0\.7/, 'not even the slot and address')
  t.same(classifyError(withCode('connect ECONNREFUSED 10.0.0.7:6379', 'ECONNREFUSED')), {
    reason: 'connection', message: 'ECONNREFUSED: the connection to Redis failed'
  })
})

t.test('a reply prefix must be at the start of the message', async (t) => {
  t.equal(classifyError(new Error('value mentions OOM somewhere')).reason, 'other')
})

t.test('non-Error values are handled', async (t) => {
  t.equal(classifyError('Command timed out').reason, 'timeout')
  t.same(classifyError(undefined), { reason: 'other', message: 'Error: unrecognised client error' })
  t.same(classifyError(null), { reason: 'other', message: 'Error: unrecognised client error' })
  t.equal(classifyError({ code: 'ECONNREFUSED' }).reason, 'connection')
})
