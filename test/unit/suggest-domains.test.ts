import t from 'tap'
import type { Test } from 'tap'
import type { DomainVerifier } from '../../src/domains/dns-verifier.ts'
import { InvalidCompanyNameError, MAX_SUGGESTIONS, suggestDomains, verifySuggestions } from '../../src/domains/suggest-domains.ts'
import type { DomainQuery, DomainSuggestion } from '../../src/domains/suggest-domains.ts'
import { chooseTlds } from '../../src/domains/tld.ts'

const LDH_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/

function domains (query: DomainQuery): string[] {
  return suggestDomains(query).map((suggestion) => suggestion.domain)
}

function tlds (location?: string, industry?: string): string[] {
  return chooseTlds({ location, industry }).map((choice) => choice.tld)
}

function assertWellFormed (t: Test, suggestions: DomainSuggestion[]): void {
  t.ok(suggestions.length > 0 && suggestions.length <= MAX_SUGGESTIONS, 'between 1 and 10 suggestions')
  t.equal(new Set(suggestions.map((suggestion) => suggestion.domain)).size, suggestions.length, 'no duplicates')
  for (const { domain, confidence, verified } of suggestions) {
    t.ok(domain.length <= 253 && domain.split('.').every((label) => LDH_LABEL.test(label)), `${domain} is a valid hostname`)
    t.ok(confidence > 0 && confidence <= 1, `${domain}: confidence in (0, 1]`)
    t.equal(verified, null, `${domain}: not checked`)
  }
  const confidences = suggestions.map((suggestion) => suggestion.confidence)
  t.same(confidences, [...confidences].sort((a, b) => b - a), 'best first')
}

t.test('a one-word name: the name with .com', async (t) => {
  t.same(suggestDomains({ companyName: 'Acme, Inc.' }), [{ domain: 'acme.com', confidence: 0.9, source: 'name', verified: null }])
})

t.test('a two-word name: joined, then hyphenated, then the first word', async (t) => {
  const suggestions = suggestDomains({ companyName: 'Acme Robotics, Inc.' })
  t.same(suggestions.map(({ domain, source }) => [domain, source]), [
    ['acmerobotics.com', 'name'],
    ['acme-robotics.com', 'name'],
    ['acme.com', 'first-word']
  ])
  assertWellFormed(t, suggestions)
})

t.test('names of three or more words also get their initials', async (t) => {
  const suggestions = suggestDomains({ companyName: 'International Business Machines Corporation' })
  t.same(suggestions[0], { domain: 'ibm.com', confidence: 0.55, source: 'abbreviation', verified: null }, 'long names lose to their initials')
  t.ok(domains({ companyName: 'Bank of America Corp' }).every((domain) => domain !== 'boa.com' && domain !== 'ba.com'), 'stop words do not count')
  t.ok(domains({ companyName: 'General Electric' }).every((domain) => domain !== 'ge.com'), 'two words have no abbreviation')
  t.notOk(domains({ companyName: 'Go Daddy Ltd' }).includes('go.com'), 'a first word shorter than 3 letters is not offered alone')
})

t.test('the location adds its ccTLDs, ahead of .com', async (t) => {
  t.same(domains({ companyName: 'Acme GmbH', location: 'Berlin' }), ['acme.de', 'acme.com'])
  t.same(suggestDomains({ companyName: 'Acme GmbH', location: 'Germany' })[0], { domain: 'acme.de', confidence: 0.9, source: 'name+location', verified: null })
  t.same(domains({ companyName: 'Acme Ltd', location: 'London' }), ['acme.co.uk', 'acme.com', 'acme.uk'])
  t.same(domains({ companyName: 'Acme KK', location: 'Japan' }), ['acme.co.jp', 'acme.com', 'acme.jp'])
  t.same(domains({ companyName: 'Acme Ltda', location: 'São Paulo, Brazil' }), ['acme.com.br', 'acme.com'])
  t.same(domains({ companyName: 'Acme SL', location: 'España' }), ['acme.es', 'acme.com'])
  t.same(domains({ companyName: 'Acme AG', location: 'Zürich, Switzerland' }), ['acme.ch', 'acme.com'])
  t.same(domains({ companyName: 'Acme SAS', location: 'France' }), ['acme.fr', 'acme.com'])
  t.same(domains({ companyName: 'Acme Inc', location: 'Remote' }), ['acme.com'], 'an unknown place adds nothing')
})

t.test('the industry adds .io/.ai after .com, and .org before it for non-profits', async (t) => {
  const software = suggestDomains({ companyName: 'Acme', industry: 'Software Development' })
  t.same(software.map(({ domain, source }) => [domain, source]), [['acme.com', 'name'], ['acme.io', 'name+industry']])
  t.same(domains({ companyName: 'Acme', industry: 'Artificial Intelligence' }), ['acme.com', 'acme.ai', 'acme.io'])
  t.same(domains({ companyName: 'Acme Foundation', industry: 'Non-profit' }), ['acmefoundation.org', 'acmefoundation.com', 'acme-foundation.org', 'acme-foundation.com', 'acme.org', 'acme.com'])
  t.same(domains({ companyName: 'Acme', industry: 'Retail' }), ['acme.com'])
})

t.test('chooseTlds reads countries, codes and cities, the last part first', async (t) => {
  t.same(tlds(), ['com'], 'no hints: .com')
  t.same(tlds('Berlin, DE'), ['de', 'com'])
  t.same(tlds('DE'), ['de', 'com'], 'a code alone is a country')
  t.same(tlds('Paris, FR'), ['fr', 'com'], 'a code that is no US state')
  t.same(tlds('Wilmington, DE'), ['com'], '"City, ST" is a US state')
  t.same(tlds('San Francisco, CA'), ['com'])
  t.same(tlds('Toronto, CA'), ['ca', 'com'], 'unless the city is in that country')
  t.same(tlds('Birmingham, AL'), ['com'])
  t.same(tlds('Austin, TX'), ['com'])
  t.same(tlds('London, Ontario, Canada'), ['ca', 'com'])
  t.same(tlds('Paris, Texas'), ['com'])
  t.same(tlds('Remote - Germany'), ['de', 'com'])
  t.same(tlds('Remote in Germany'), ['de', 'com'], 'words in free text are not codes')
  t.same(tlds('Rio de Janeiro'), ['com.br', 'com'])
  t.same(tlds('København'), ['dk', 'com'])
  t.same(tlds('MÜNCHEN'), ['de', 'com'])
  t.same(tlds('United States of America'), ['com'])
  t.same(tlds('東京'), ['co.jp', 'com', 'jp'])
  t.same(tlds('Berlin', 'AI'), ['de', 'com', 'ai', 'io'])
  t.same(tlds(undefined, 'Non-profit charity'), ['org', 'com'])
  t.same(chooseTlds({ location: 'Oslo', industry: 'SaaS' }), [
    { tld: 'no', source: 'location', weight: 1 },
    { tld: 'com', source: 'generic', weight: 0.95 },
    { tld: 'io', source: 'industry', weight: 0.7 }
  ])
})

t.test('& names: spelled "and" first, then dropped', async (t) => {
  const found = domains({ companyName: 'Marks & Spencer plc', location: 'London, UK' })
  t.same(found.slice(0, 4), ['marksandspencer.co.uk', 'marksspencer.co.uk', 'marksandspencer.com', 'marksspencer.com'])
  t.same(domains({ companyName: 'AT&T Inc.' }), ['att.com'])
})

t.test('non-ASCII names: transliterated, accents dropped, then punycode', async (t) => {
  t.same(domains({ companyName: 'Müller GmbH', location: 'Berlin' }), [
    'mueller.de', 'mueller.com', 'muller.de', 'muller.com', 'xn--mller-kva.de', 'xn--mller-kva.com'
  ])
  const bakery = suggestDomains({ companyName: 'Müller Bäckerei GmbH', location: 'Berlin' })
  t.equal(bakery[0]?.domain, 'muellerbaeckerei.de')
  t.ok(bakery.some((suggestion) => suggestion.domain === 'xn--mllerbckerei-lcb44a.de'))
  assertWellFormed(t, bakery)
  const bank = suggestDomains({ companyName: 'Société Générale S.A.', location: 'Paris' })
  t.same(bank.slice(0, 2).map((suggestion) => suggestion.domain), ['societegenerale.fr', 'societegenerale.com'])
  t.ok(bank.some((suggestion) => suggestion.domain.startsWith('xn--')))
  assertWellFormed(t, bank)
  t.same(domains({ companyName: '日本電気株式会社', location: '東京' }), ['xn--wgv71a61i397c.co.jp', 'xn--wgv71a61i397c.com', 'xn--wgv71a61i397c.jp'])
})

t.test('labels too long for DNS are left out; a name with none left is a 400', async (t) => {
  const word = 'a'.repeat(30)
  const long = suggestDomains({ companyName: `${word} ${word.replace(/a/g, 'b')} ${word.replace(/a/g, 'c')}` })
  t.same(long.map((suggestion) => suggestion.domain), ['abc.com', `${word}.com`])
  t.throws(() => suggestDomains({ companyName: 'x'.repeat(64) }), new InvalidCompanyNameError('No valid domain name can be formed from the company name (is it too long?)'))
  t.throws(() => suggestDomains({ companyName: 'Inc.' }), { name: 'InvalidCompanyNameError', statusCode: 400 })
})

t.test('many variants: at most 10, valid, unique, best first', async (t) => {
  const suggestions = suggestDomains({ companyName: 'The Ölmühle & Söhne Gesellschaft Holding GmbH & Co. KG', location: 'Wien', industry: 'AI software' })
  t.equal(suggestions.length, MAX_SUGGESTIONS)
  assertWellFormed(t, suggestions)
})

t.test('verification: resolving domains gain and rank first, missing ones lose and rank last', async (t) => {
  const suggestions = suggestDomains({ companyName: 'Acme Robotics', location: 'Berlin' })
  t.same(suggestions.map(({ domain, confidence }) => [domain, confidence]), [
    ['acmerobotics.de', 0.9], ['acmerobotics.com', 0.86], ['acme-robotics.de', 0.63], ['acme-robotics.com', 0.6], ['acme.de', 0.45], ['acme.com', 0.43]
  ])
  const asked: string[][] = []
  const verifier: DomainVerifier = {
    async verify (domains) {
      asked.push([...domains])
      return new Map([['acmerobotics.de', false], ['acme-robotics.com', true], ['acme.com', true], ['acme.de', null]])
    }
  }
  const verified = await verifySuggestions(suggestions, verifier)
  t.same(asked, [suggestions.map((suggestion) => suggestion.domain)], 'one call with every domain')
  t.same(verified.map(({ domain, confidence, verified }) => [domain, confidence, verified]), [
    ['acme-robotics.com', 0.8, true],
    ['acme.com', 0.72, true],
    ['acmerobotics.com', 0.86, null],
    ['acme-robotics.de', 0.63, null],
    ['acme.de', 0.45, null],
    ['acmerobotics.de', 0.23, false]
  ])
  t.equal(suggestions[0]?.verified, null, 'the input is not changed')
})
