import t from 'tap'
import { CircuitBreaker } from '../../src/cache/circuit-breaker.ts'
import type { BreakerPermit, CircuitBreakerOptions } from '../../src/cache/circuit-breaker.ts'

const COOLDOWN = 1000
const MAX_COOLDOWN = 8000
const WINDOW_MS = 10_000
const MIN_CALLS = 10

interface Subject {
  breaker: CircuitBreaker
  clock: { now: number }
}

/** An injected clock and no jitter unless asked: every duration below is exact. */
function breaker (overrides: Partial<CircuitBreakerOptions> = {}): Subject {
  const clock = { now: 0 }
  const subject = new CircuitBreaker({
    failureThreshold: 3,
    cooldownMs: COOLDOWN,
    maxCooldownMs: MAX_COOLDOWN,
    cooldownJitter: 0,
    windowMs: WINDOW_MS,
    minCallsInWindow: MIN_CALLS,
    failureRateThreshold: 0.5,
    now: () => clock.now,
    random: () => 0.5,
    ...overrides
  })
  return { breaker: subject, clock }
}

function admit (subject: CircuitBreaker): BreakerPermit {
  const permit = subject.tryAcquire()
  if (permit === undefined) throw new Error('expected the call to be admitted')
  return permit
}

/** Opens the circuit with `failureThreshold` consecutive errors at the current time. */
function open ({ breaker: subject }: Subject, failures = 3): void {
  for (let i = 0; i < failures; i++) subject.failure(admit(subject), 'other')
}

/** Lets the cool-down pass and hands out the probe. */
function probe ({ breaker: subject, clock }: Subject): BreakerPermit {
  clock.now += subject.msUntilProbe
  return admit(subject)
}

t.test('closed: every call goes through', async (t) => {
  const { breaker: subject } = breaker()
  for (let i = 0; i < 5; i++) t.ok(subject.tryAcquire())
  t.equal(subject.state, 'closed')
  t.equal(subject.open, false)
})

t.test('N consecutive tripping failures open it, N-1 do not', async (t) => {
  const { breaker: subject } = breaker()
  subject.failure(admit(subject), 'connection')
  subject.failure(admit(subject), 'connection')
  t.equal(subject.state, 'closed')
  subject.failure(admit(subject), 'connection')
  t.equal(subject.state, 'open')
  t.equal(subject.tryAcquire(), undefined)
})

t.test('a success resets the consecutive failure count', async (t) => {
  const { breaker: subject } = breaker({ minCallsInWindow: 1000 })
  subject.failure(admit(subject), 'connection')
  subject.failure(admit(subject), 'connection')
  subject.success(admit(subject))
  subject.failure(admit(subject), 'connection')
  subject.failure(admit(subject), 'connection')
  t.equal(subject.state, 'closed')
})

t.test('timeouts are judged by the window, not as consecutive errors: one burst of them does not open it', async (t) => {
  const { breaker: subject } = breaker()
  for (let i = 0; i < MIN_CALLS; i++) subject.success(admit(subject))
  // The calls in flight during a short stall all time out together.
  for (let i = 0; i < MIN_CALLS - 1; i++) subject.failure(admit(subject), 'timeout')
  t.equal(subject.state, 'closed', `${MIN_CALLS - 1} timeouts in a row, under half of the window`)
  subject.failure(admit(subject), 'timeout')
  t.equal(subject.state, 'open', 'half of the window: open')
})

t.test('rolling window: a failed-or-slow share at the threshold opens it, without consecutive failures', async (t) => {
  const { breaker: subject, clock } = breaker({ failureThreshold: 1000 })
  // Alternating: never two failures in a row, yet half of the calls fail.
  for (let i = 0; i < MIN_CALLS - 2; i++) {
    if (i % 2 === 0) subject.failure(admit(subject), 'timeout')
    else subject.success(admit(subject))
    clock.now += 100
  }
  t.equal(subject.state, 'closed', 'fewer calls than the minimum: no verdict')
  subject.success(admit(subject))
  subject.failure(admit(subject), 'timeout')
  t.equal(subject.state, 'open', `${MIN_CALLS / 2} of ${MIN_CALLS} failed`)
  t.equal(subject.opens, 1)
})

t.test('rolling window: slow successes count against Redis', async (t) => {
  const { breaker: subject, clock } = breaker()
  for (let i = 0; i < MIN_CALLS; i++) {
    subject.success(admit(subject), i % 2 === 0)
    clock.now += 10
  }
  t.equal(subject.state, 'open', 'half the calls answered in at least the slow-call time')
})

t.test('rolling window: a share under the threshold keeps it closed', async (t) => {
  const { breaker: subject, clock } = breaker({ failureThreshold: 1000 })
  for (let i = 0; i < 10 * MIN_CALLS; i++) {
    if (i % 3 === 0) subject.failure(admit(subject), 'timeout')
    else subject.success(admit(subject))
    clock.now += 10
  }
  t.equal(subject.state, 'closed', 'one call in three failed: under 50 %')
  t.equal(subject.opens, 0)
})

t.test('rolling window: outcomes older than the window are forgotten', async (t) => {
  const { breaker: subject, clock } = breaker({ failureThreshold: 1000 })
  for (let i = 0; i < MIN_CALLS - 1; i++) subject.failure(admit(subject), 'timeout')
  clock.now += WINDOW_MS + 1
  for (let i = 0; i < MIN_CALLS; i++) subject.success(admit(subject))
  subject.failure(admit(subject), 'timeout')
  t.equal(subject.state, 'closed', 'the old failures left the window: 1 of 11 failed')
})

t.test('open: refuses until the cool-down has passed', async (t) => {
  const subject = breaker()
  open(subject)
  subject.clock.now = COOLDOWN - 1
  t.equal(subject.breaker.tryAcquire(), undefined)
  t.equal(subject.breaker.msUntilProbe, 1)
  subject.clock.now = COOLDOWN
  t.equal(subject.breaker.msUntilProbe, 0)
  t.equal(subject.breaker.tryAcquire()?.probe, true)
})

t.test('after the cool-down exactly one probe goes through', async (t) => {
  const subject = breaker()
  open(subject)
  probe(subject)
  t.equal(subject.breaker.state, 'half_open')
  t.equal(subject.breaker.msUntilProbe, COOLDOWN, 'the next probe is a cool-down away while this one is in flight')
  t.equal(subject.breaker.tryAcquire(), undefined, 'others are refused while it is in flight')
  subject.clock.now += 10 * COOLDOWN
  t.equal(subject.breaker.tryAcquire(), undefined, 'even much later')
})

t.test('a fast successful probe closes the circuit', async (t) => {
  const subject = breaker()
  open(subject)
  subject.breaker.success(probe(subject))
  t.equal(subject.breaker.state, 'closed')
  t.ok(subject.breaker.tryAcquire())
})

t.test('only the probe closes it: a late success of a call admitted before it opened does not', async (t) => {
  const subject = breaker()
  const early = admit(subject.breaker)
  open(subject)
  subject.breaker.success(early)
  t.equal(subject.breaker.state, 'open', 'the late answer changes nothing')
  const theProbe = probe(subject)
  subject.breaker.success(early)
  t.equal(subject.breaker.state, 'half_open', 'not while the probe is in flight either')
  subject.breaker.success(theProbe)
  t.equal(subject.breaker.state, 'closed')
})

t.test('a late failure during the probe changes nothing; the probe decides', async (t) => {
  const subject = breaker()
  const early = admit(subject.breaker)
  open(subject)
  const theProbe = probe(subject)
  subject.breaker.failure(early, 'timeout')
  t.equal(subject.breaker.state, 'half_open')
  subject.breaker.success(theProbe)
  t.equal(subject.breaker.state, 'closed')
})

t.test('a late outcome from before a close does not count in the new closed period', async (t) => {
  const subject = breaker({ failureThreshold: 1 })
  const early = admit(subject.breaker)
  open(subject, 1)
  subject.breaker.success(probe(subject))
  subject.breaker.failure(early, 'connection')
  t.equal(subject.breaker.state, 'closed', 'a failure of the previous period does not trip the new one')
})

t.test('a slow probe keeps the circuit open', async (t) => {
  const subject = breaker()
  open(subject)
  subject.breaker.success(probe(subject), true)
  t.equal(subject.breaker.state, 'open', 'answering at the deadline is not being back')
  t.equal(subject.breaker.cooldownMs, 2 * COOLDOWN)
})

t.test('while probes keep failing the cool-down doubles, up to its cap', async (t) => {
  const subject = breaker()
  open(subject)
  const cooldowns = [subject.breaker.cooldownMs]
  for (let i = 0; i < 5; i++) {
    subject.breaker.failure(probe(subject), 'timeout')
    cooldowns.push(subject.breaker.cooldownMs)
  }
  t.same(cooldowns, [1000, 2000, 4000, 8000, 8000, 8000])
  t.equal(subject.breaker.opens, 1, 'failed probes are not new openings')
})

t.test('opening again soon after a close goes on growing the cool-down: the closing probe was lucky', async (t) => {
  const subject = breaker()
  open(subject)
  subject.breaker.failure(probe(subject), 'timeout')
  t.equal(subject.breaker.cooldownMs, 2 * COOLDOWN)
  subject.breaker.success(probe(subject))
  subject.clock.now += WINDOW_MS - 1
  open(subject)
  t.equal(subject.breaker.cooldownMs, 4 * COOLDOWN, 'within a window of the close')
  t.equal(subject.breaker.opens, 2)
})

t.test('a circuit that stayed closed for a whole window starts again from the base cool-down', async (t) => {
  const subject = breaker()
  open(subject)
  subject.breaker.failure(probe(subject), 'timeout')
  subject.breaker.success(probe(subject))
  subject.clock.now += WINDOW_MS
  open(subject)
  t.equal(subject.breaker.cooldownMs, COOLDOWN)
})

t.test('a probe that found no connection does not grow the cool-down', async (t) => {
  const subject = breaker()
  open(subject)
  for (let i = 0; i < 3; i++) subject.breaker.failure(probe(subject), 'connection')
  t.equal(subject.breaker.state, 'open')
  t.equal(subject.breaker.cooldownMs, COOLDOWN, 'reconnecting is the client\'s job: the circuit closes soon after Redis is back')
})

t.test('the cool-down is jittered within its fraction, and never above the cap', async (t) => {
  for (const [random, expected] of [[0, 800], [1, 1200], [0.5, 1000]] as const) {
    const subject = breaker({ cooldownJitter: 0.2, random: () => random })
    open(subject)
    t.equal(subject.breaker.cooldownMs, expected, `random ${random}`)
  }
  const capped = breaker({ cooldownJitter: 0.2, random: () => 1, maxCooldownMs: COOLDOWN })
  open(capped)
  t.equal(capped.breaker.cooldownMs, COOLDOWN)
})

t.test('non-tripping reasons do not open it, and count as answers', async (t) => {
  const subject = breaker({ failureThreshold: 2, minCallsInWindow: 1 })
  for (const reason of ['oom', 'readonly', 'corrupt'] as const) subject.breaker.failure(admit(subject.breaker), reason)
  t.equal(subject.breaker.state, 'closed')
  t.equal(subject.breaker.opens, 0)
})

t.test('a probe refused with a non-tripping reason closes the circuit: Redis answered', async (t) => {
  const subject = breaker()
  open(subject)
  subject.breaker.failure(probe(subject), 'oom')
  t.equal(subject.breaker.state, 'closed')
})

t.test('opens counts each opening of a closed circuit', async (t) => {
  const subject = breaker()
  t.equal(subject.breaker.opens, 0)
  open(subject)
  t.equal(subject.breaker.opens, 1)
  subject.breaker.failure(probe(subject), 'timeout')
  t.equal(subject.breaker.opens, 1, 'a failed probe keeps it open: not a new opening')
  subject.breaker.success(probe(subject))
  open(subject)
  t.equal(subject.breaker.opens, 2)
})

t.test('tripOnTimeout: for calls whose deadline is seconds, one timeout opens it at once', async (t) => {
  const subject = breaker({ tripOnTimeout: true, failureThreshold: 100 })
  for (let i = 0; i < MIN_CALLS; i++) subject.breaker.success(admit(subject.breaker))
  subject.breaker.failure(admit(subject.breaker), 'timeout')
  t.equal(subject.breaker.state, 'open')
})
