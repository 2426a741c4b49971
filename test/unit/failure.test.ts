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
    'BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSCRIPT.': 'busy'
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

t.test('anything else is other, with its message kept', async (t) => {
  t.same(classifyError(new ReplyError('ERR unknown command')), { reason: 'other', message: 'ERR unknown command' })
  t.equal(classifyError(new TypeError('x is not a function')).reason, 'other')
})

t.test('a reply prefix must be at the start of the message', async (t) => {
  t.equal(classifyError(new Error('value mentions OOM somewhere')).reason, 'other')
})

t.test('non-Error values are handled', async (t) => {
  t.same(classifyError('Command timed out'), { reason: 'timeout', message: 'Command timed out' })
  t.same(classifyError(undefined), { reason: 'other', message: 'undefined' })
  t.same(classifyError(null), { reason: 'other', message: 'null' })
  t.equal(classifyError({ code: 'ECONNREFUSED' }).reason, 'connection')
})
