import t from 'tap'
import { FailSafeEntry } from '../../src/cache/fail-safe-entry.ts'
import { decode, encode, FORMAT_VERSION } from '../../src/cache/serializer.ts'

const EXPIRES_AT = 1_900_000_000_000

function roundTrip (value: unknown): unknown {
  const decoded = decode(encode(value, EXPIRES_AT).text)
  if (!decoded.ok) throw new Error(decoded.problem)
  return decoded.value
}

t.test('JSON values round trip', async (t) => {
  for (const value of [{ a: 1, b: ['x', { c: null }] }, [1, 'two', false], 'text', 0, -1.5, null]) {
    t.same(roundTrip(value), value, JSON.stringify(value))
  }
})

t.test('expiresAt is preserved', async (t) => {
  const encoded = encode('v', EXPIRES_AT)
  t.equal(encoded.expiresAt, EXPIRES_AT)
  t.match(decode(encoded.text), { ok: true, expiresAt: EXPIRES_AT })
})

t.test('a Float32Array round trips exactly, as a Float32Array, in compact form', async (t) => {
  const vector = Float32Array.from({ length: 768 }, (_, i) => Math.sin(i) * 1e-3 + i / 7)
  const encoded = encode(vector, EXPIRES_AT)
  const value = roundTrip(vector)
  t.ok(value instanceof Float32Array)
  t.same([...(value as Float32Array)], [...vector])
  t.ok(encoded.text.length * 2 < JSON.stringify([...vector]).length,
    `${encoded.text.length} chars stored vs ${JSON.stringify([...vector]).length} as JSON numbers`)
})

t.test('a Float32Array view into a larger buffer stores only its own elements', async (t) => {
  const backing = Float32Array.from([9, 1.5, -2.25, 3.125, 9, 9])
  const view = new Float32Array(backing.buffer, 1 * Float32Array.BYTES_PER_ELEMENT, 3)
  const value = roundTrip(view)
  t.ok(value instanceof Float32Array)
  t.same([...(value as Float32Array)], [1.5, -2.25, 3.125])
})

t.test('unusable stored text decodes to ok: false with a problem', async (t) => {
  const cases: Record<string, string> = {
    garbage: 'not json {',
    'wrong version': JSON.stringify({ v: FORMAT_VERSION + 1, x: EXPIRES_AT, d: 1 }),
    'no expiry': JSON.stringify({ v: FORMAT_VERSION, d: 1 }),
    'missing payload': JSON.stringify({ v: FORMAT_VERSION, x: EXPIRES_AT }),
    'JSON but not an object': '42',
    'truncated float32 bytes': JSON.stringify({ v: FORMAT_VERSION, x: EXPIRES_AT, f32: Buffer.from([1, 2, 3]).toString('base64') })
  }
  for (const [name, text] of Object.entries(cases)) {
    const decoded = decode(text)
    t.equal(decoded.ok, false, name)
    if (!decoded.ok) t.type(decoded.problem, 'string', `${name}: ${decoded.problem}`)
  }
})

t.test('a value that fails the validator decodes to ok: false', async (t) => {
  const isNumber = (value: unknown): value is number => typeof value === 'number'
  t.match(decode(encode(1, EXPIRES_AT).text, isNumber), { ok: true, value: 1 })
  t.match(decode(encode('one', EXPIRES_AT).text, isNumber), { ok: false, problem: String })
})

t.test('a fail-safe entry round trips with its logical expiry, fail-safe mark and usage', async (t) => {
  const entry = new FailSafeEntry({ title: 'x' }, { freshUntil: EXPIRES_AT - 1000, expiresAt: EXPIRES_AT }, true, { inputTokens: 12, outputTokens: 3 })
  const decoded = roundTrip(entry)
  t.ok(decoded instanceof FailSafeEntry)
  t.match(decoded, { value: { title: 'x' }, freshUntil: EXPIRES_AT - 1000, expiresAt: EXPIRES_AT, failSafe: true, usage: { inputTokens: 12, outputTokens: 3 } })
  const vector = roundTrip(new FailSafeEntry(Float32Array.from([1, 2]), { freshUntil: 1, expiresAt: EXPIRES_AT })) as FailSafeEntry<Float32Array>
  t.ok(vector.value instanceof Float32Array, 'vectors keep their compact form inside an entry')
  t.equal(vector.failSafe, false)
  t.equal(vector.usage, undefined)
})

t.test('a version-1 entry (before fail-safe) is a clean miss', async (t) => {
  t.match(decode(JSON.stringify({ v: 1, x: EXPIRES_AT, d: 1 })), { ok: false, problem: /no known format version/ })
  t.match(decode(JSON.stringify({ v: FORMAT_VERSION, x: EXPIRES_AT, f: 'soon', d: 1 })), { ok: false })
  t.match(decode(JSON.stringify({ v: FORMAT_VERSION, x: EXPIRES_AT, f: 1, u: [1], d: 1 })), { ok: false })
})
