import t from 'tap'
import { CircuitBreaker } from '../../src/cache/circuit-breaker.ts'

const COOLDOWN = 1000

function breaker (failureThreshold = 3): { breaker: CircuitBreaker, clock: { now: number } } {
  const clock = { now: 0 }
  return { breaker: new CircuitBreaker({ failureThreshold, cooldownMs: COOLDOWN, now: () => clock.now }), clock }
}

/** Opens the circuit with one timeout at the current time. */
function open (subject: CircuitBreaker): void {
  subject.tryAcquire()
  subject.failure('timeout')
}

t.test('closed: every call goes through', async (t) => {
  const { breaker: subject } = breaker()
  for (let i = 0; i < 5; i++) t.equal(subject.tryAcquire(), true)
  t.equal(subject.state, 'closed')
  t.equal(subject.open, false)
})

t.test('N consecutive tripping failures open it, N-1 do not', async (t) => {
  const { breaker: subject } = breaker(3)
  subject.failure('connection')
  subject.failure('connection')
  t.equal(subject.state, 'closed')
  subject.failure('connection')
  t.equal(subject.state, 'open')
  t.equal(subject.tryAcquire(), false)
})

t.test('a success resets the failure count', async (t) => {
  const { breaker: subject } = breaker(3)
  subject.failure('connection')
  subject.failure('connection')
  subject.success()
  subject.failure('connection')
  subject.failure('connection')
  t.equal(subject.state, 'closed')
})

t.test('a single timeout opens it at once', async (t) => {
  const { breaker: subject } = breaker(100)
  subject.failure('timeout')
  t.equal(subject.state, 'open')
})

t.test('open: refuses until the cool-down has passed', async (t) => {
  const { breaker: subject, clock } = breaker()
  open(subject)
  clock.now = COOLDOWN - 1
  t.equal(subject.tryAcquire(), false)
  t.equal(subject.msUntilProbe, 1)
  clock.now = COOLDOWN
  t.equal(subject.msUntilProbe, 0)
  t.equal(subject.tryAcquire(), true)
})

t.test('after the cool-down exactly one probe goes through', async (t) => {
  const { breaker: subject, clock } = breaker()
  open(subject)
  clock.now = COOLDOWN
  t.equal(subject.tryAcquire(), true, 'the probe')
  t.equal(subject.state, 'half_open')
  t.equal(subject.msUntilProbe, COOLDOWN, 'the next probe is a cool-down away while this one is in flight')
  t.equal(subject.tryAcquire(), false, 'others are refused while it is in flight')
  clock.now = 10 * COOLDOWN
  t.equal(subject.tryAcquire(), false, 'even much later')
})

t.test('a successful probe closes the circuit', async (t) => {
  const { breaker: subject, clock } = breaker()
  open(subject)
  clock.now = COOLDOWN
  subject.tryAcquire()
  subject.success()
  t.equal(subject.state, 'closed')
  t.equal(subject.tryAcquire(), true)
  t.equal(subject.tryAcquire(), true)
})

t.test('a failed probe re-opens the circuit for a new cool-down', async (t) => {
  const { breaker: subject, clock } = breaker(100)
  open(subject)
  clock.now = COOLDOWN
  subject.tryAcquire()
  subject.failure('connection')
  t.equal(subject.state, 'open', 'one non-timeout failure is enough when probing')
  clock.now = 2 * COOLDOWN - 1
  t.equal(subject.tryAcquire(), false, 'the cool-down restarted at the failed probe')
  clock.now = 2 * COOLDOWN
  t.equal(subject.tryAcquire(), true, 'and a new probe goes after it')
})

t.test('non-tripping reasons do not open it', async (t) => {
  const { breaker: subject } = breaker(1)
  for (const reason of ['oom', 'readonly', 'corrupt'] as const) subject.failure(reason)
  t.equal(subject.state, 'closed')
  t.equal(subject.opens, 0)
})

t.test('a non-tripping failure counts as an answer: it resets the failure count', async (t) => {
  const { breaker: subject } = breaker(2)
  subject.failure('connection')
  subject.failure('oom')
  subject.failure('connection')
  t.equal(subject.state, 'closed')
})

t.test('opens counts each opening of a closed circuit', async (t) => {
  const { breaker: subject, clock } = breaker()
  t.equal(subject.opens, 0)
  open(subject)
  t.equal(subject.opens, 1)
  clock.now = COOLDOWN
  subject.tryAcquire()
  subject.failure('timeout')
  t.equal(subject.opens, 1, 'a failed probe keeps it open: not a new opening')
  clock.now = 2 * COOLDOWN
  subject.tryAcquire()
  subject.success()
  open(subject)
  t.equal(subject.opens, 2)
})

t.test('a late failure during the probe, then the probe\'s success: the circuit ends closed', async (t) => {
  const { breaker: subject, clock } = breaker()
  open(subject)
  clock.now = COOLDOWN
  t.equal(subject.tryAcquire(), true, 'the probe goes')
  subject.failure('timeout') // a call admitted before the circuit opened times out now
  t.equal(subject.state, 'open')
  subject.success() // the probe answers
  t.equal(subject.state, 'closed', 'the answer is not lost')
})
