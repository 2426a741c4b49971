import t from 'tap'
import { assertNamespace, cacheKey, KEY_VERSION, normalizeText } from '../../src/cache/keys.ts'

t.test('key format is prefix:namespace:version:<sha-256 hex>', async (t) => {
  t.match(cacheKey('jobfit', 'cv_parse', 'text'), new RegExp(`^jobfit:cv_parse:${KEY_VERSION}:[0-9a-f]{64}$`))
})

t.test('the key contains none of the input', async (t) => {
  const key = cacheKey('jobfit', 'cv', { email: 'jane.doe@example.com', name: 'Jane Doe' })
  t.notMatch(key, /jane|doe|example|@/i)
})

t.test('white space and Unicode normalization give equal keys', async (t) => {
  t.equal(cacheKey('p', 'ns', '  Senior   Engineer\n\tRust '), cacheKey('p', 'ns', 'Senior Engineer Rust'))
  t.equal(cacheKey('p', 'ns', 'Caf\u00e9'), cacheKey('p', 'ns', 'Cafe\u0301'), 'NFC: é composed = e + combining accent')
  t.equal(cacheKey('p', 'ns', { title: ' Caf\u00e9  bar ' }), cacheKey('p', 'ns', { title: 'Cafe\u0301 bar' }), 'also inside objects')
})

t.test('object key order does not matter', async (t) => {
  t.equal(cacheKey('p', 'ns', { a: 1, b: { c: 2, d: 3 } }), cacheKey('p', 'ns', { b: { d: 3, c: 2 }, a: 1 }))
})

t.test('different inputs, namespaces or prefixes give different keys', async (t) => {
  const base = cacheKey('p', 'ns', { a: 1 })
  t.not(cacheKey('p', 'ns', { a: 2 }), base)
  t.not(cacheKey('p', 'ns', ['a', 'b']), cacheKey('p', 'ns', ['b', 'a']))
  t.not(cacheKey('p', 'other', { a: 1 }), base)
  t.not(cacheKey('q', 'ns', { a: 1 }), base)
})

t.test('inputs of different types never share a key', async (t) => {
  t.not(cacheKey('p', 'ns', '1'), cacheKey('p', 'ns', 1), 'string "1" vs number 1')
  t.not(cacheKey('p', 'ns', 'null'), cacheKey('p', 'ns', null), 'string "null" vs null')
  t.not(cacheKey('p', 'ns', '{"a":1}'), cacheKey('p', 'ns', { a: 1 }), 'JSON text vs the object')
})

t.test('assertNamespace accepts short lowercase identifiers only', async (t) => {
  t.doesNotThrow(() => assertNamespace('cv_parse-2'))
  for (const bad of ['', 'CV', '1cv', 'cv:x', 'cv parse', 'a'.repeat(33)]) {
    t.throws(() => assertNamespace(bad), TypeError, JSON.stringify(bad))
  }
})

t.test('normalizeText folds every kind and run of white space exactly like /\\s+/ → " "', async (t) => {
  const pieces = ['a', 'é', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2003', ' \t ', 'word']
  let seed = 7
  const next = () => (seed = (seed * 48271) % 2147483647)
  for (let sample = 0; sample < 2000; sample++) {
    const text = Array.from({ length: 12 }, () => pieces[next() % pieces.length]).join('')
    t.equal(normalizeText(text), text.normalize('NFC').trim().replace(/\s+/g, ' '), JSON.stringify(text))
  }
})
