import t from 'tap'
import { findEmail, findLinks, findPhone } from '../../src/ai/local/text/contacts.ts'
import { findLocation, findLocations, isRemoteLocation } from '../../src/ai/local/text/locations.ts'

t.test('e-mail', async (t) => {
  t.equal(findEmail('Mail: jane.doe+cv@mail.example.co.uk | x'), 'jane.doe+cv@mail.example.co.uk')
  t.equal(findEmail('no address @ here'), null)
  t.equal(findEmail('a'.repeat(50000)), null, 'a long word is quick to reject')
  t.equal(findEmail(`a@${'b.'.repeat(200)}com`), null, 'longer than an address can be')
})

t.test('phone numbers in international and national formats', async (t) => {
  const phones = ['+1 555 014 2398', '(555) 201-7788', '+1-555-310-4421', '+1 (555) 430-1187', '555.201.7788', '+44 20 7946 0958', '+49 30 5550 1234', '+33 1 23 45 67 89', '+91 98765 43210']
  for (const phone of phones) t.equal(findPhone(`Phone: ${phone} · x`), phone, phone)
})

t.test('years, date ranges and IDs are not phone numbers', async (t) => {
  for (const text of ['2017-2019', '2010 – 2014', '06/2017 - 12/2017', 'License #RN123456', '+1 555', 'call 555 1234', '1234 5678 9012 3456 7890']) {
    t.equal(findPhone(text), null, text)
  }
})

t.test('links: any http(s) or www address, bare profile links, no e-mail domains', async (t) => {
  t.same(findLinks('linkedin.com/in/jane-doe | https://github.com/jdoe. Site: www.jane.example.com, mail jane@github.com'), [
    'linkedin.com/in/jane-doe',
    'https://github.com/jdoe',
    'www.jane.example.com'
  ])
  t.same(findLinks('Node.js and Next.js, no links'), [])
  t.same(findLinks('https://x.example.com https://x.example.com'), ['https://x.example.com'], 'once each')
})

t.test('locations: "City, ST" and "City, Country"', async (t) => {
  t.same(findLocations('Banner Desert Medical Center — Mesa, AZ; later Berlin, Germany'), [
    { value: 'Mesa, AZ', index: 31 },
    { value: 'Berlin, Germany', index: 47 }
  ])
  t.equal(findLocation('St. Luke\'s Community Hospital, Tempe, AZ'), 'Tempe, AZ')
  t.equal(findLocation('New York City, NY'), 'New York City, NY')
  t.equal(findLocation('Acme Corp, Inc'), null)
  t.equal(findLocation('Paris'), null, 'a bare city is not recognised')
  t.equal(findLocation('A-'.repeat(50000)), null)
})

t.test('remote is a work arrangement, not a place', async (t) => {
  t.ok(isRemoteLocation('Remote'))
  t.ok(isRemoteLocation(' Fully remote (EU)'))
  t.notOk(isRemoteLocation('Remote Sensing Labs'.replace('Remote ', 'Remotely ')))
  t.notOk(isRemoteLocation('Denver, CO'))
})
