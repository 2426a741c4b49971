import t from 'tap'
import { foldLatin, InvalidCompanyNameError, normalizeCompanyName } from '../../src/domains/company-name.ts'

t.test('legal forms are stripped from the end, dotted or not', async (t) => {
  const forms = [
    'Inc', 'Inc.', 'Incorporated', 'LLC', 'L.L.C.', 'Ltd', 'Ltd.', 'Limited', 'Corp', 'Corp.', 'Corporation', 'Co.', 'Company',
    'PLC', 'GmbH', 'AG', 'KG', 'S.A.', 'SA', 'S.A.S.', 'SAS', 'SARL', 'S.p.A.', 'S.r.l.', 'B.V.', 'N.V.', 'Oy', 'AB', 'AS',
    'A/S', 'ApS', 'Pty Ltd', 'K.K.', 'Sp. z o.o.', 'S.L.', 'Lda', 'Ltda.', 'SE', 'S.A. de C.V.', '& Co', '& Co.', 'and Company',
    'GmbH & Co. KG', 'Co., Ltd.', 'Pte. Ltd.', 'Sdn. Bhd.', 'AB (publ)', 'e.V.'
  ]
  for (const form of forms) {
    const name = normalizeCompanyName(`Acme Robotics ${form}`)
    t.same(name, { core: 'Acme Robotics', tokens: ['acme', 'robotics'], andTokens: undefined }, form)
  }
  t.same(normalizeCompanyName('Acme, Inc.').core, 'Acme', 'the comma before the form goes too')
})

t.test('legal forms inside the name are kept', async (t) => {
  t.same(normalizeCompanyName('Inc Magazine LLC').tokens, ['inc', 'magazine'])
  t.same(normalizeCompanyName('AG Barr plc').tokens, ['ag', 'barr'])
})

t.test('a leading "The" goes, unless it is the whole name', async (t) => {
  t.same(normalizeCompanyName('The Home Depot, Inc.').tokens, ['home', 'depot'])
  t.same(normalizeCompanyName('THE Boring Company').core, 'Boring')
  t.same(normalizeCompanyName('The').tokens, ['the'])
})

t.test('bracketed parts and CJK legal forms go', async (t) => {
  t.same(normalizeCompanyName('Acme (Deutschland) GmbH').core, 'Acme')
  t.same(normalizeCompanyName('Acme [formerly Roadrunner] Ltd').core, 'Acme')
  t.same(normalizeCompanyName('日本電気株式会社').tokens, ['日本電気'])
  t.same(normalizeCompanyName('株式会社日立製作所').tokens, ['日立製作所'])
  t.same(normalizeCompanyName('（株）ソニー').tokens, ['ソニー'])
  t.same(normalizeCompanyName('腾讯控股有限公司').tokens, ['腾讯控股'])
})

t.test('punctuation: removed inside words, splits words at hyphens and slashes', async (t) => {
  t.same(normalizeCompanyName("McDonald's Corporation"), { core: "McDonald's", tokens: ['mcdonalds'], andTokens: undefined })
  t.same(normalizeCompanyName('Yahoo! Inc.'), { core: 'Yahoo', tokens: ['yahoo'], andTokens: undefined })
  t.same(normalizeCompanyName('Coca-Cola Company').tokens, ['coca', 'cola'])
  t.same(normalizeCompanyName('J.P. Morgan Chase & Co.'), { core: 'J.P. Morgan Chase', tokens: ['jp', 'morgan', 'chase'], andTokens: undefined })
  t.same(normalizeCompanyName('"Acme" Bros.').core, 'Acme Bros.', 'quotes around words go, an abbreviation dot stays')
  t.same(normalizeCompanyName('Acme/Roadrunner_Labs+Co').tokens, ['acme', 'roadrunner', 'labs', 'co'])
  t.same(normalizeCompanyName('7-Eleven, Inc.').tokens, ['7', 'eleven'])
})

t.test('a free-standing & has an "and" variant; one inside a word is just dropped', async (t) => {
  t.same(normalizeCompanyName('Marks & Spencer plc'), {
    core: 'Marks & Spencer',
    tokens: ['marks', 'spencer'],
    andTokens: ['marks', 'and', 'spencer']
  })
  t.same(normalizeCompanyName('AT&T Inc.'), { core: 'AT&T', tokens: ['att'], andTokens: undefined })
  t.same(normalizeCompanyName('Procter and Gamble').andTokens, undefined, 'a written "and" is an ordinary word')
})

t.test('non-ASCII names keep their letters, in NFC', async (t) => {
  t.same(normalizeCompanyName('Müller Bäckerei GmbH').tokens, ['müller', 'bäckerei'])
  t.same(normalizeCompanyName('Mu\u0308ller AG').tokens, ['müller'])
  t.same(normalizeCompanyName('Société Générale S.A.').core, 'Société Générale')
  t.same(normalizeCompanyName('Infosys लिमिटेड').tokens, ['infosys', 'लिमिटेड'], 'combining vowel signs survive')
})

t.test('nothing left once the legal form is gone: a 400', async (t) => {
  for (const name of ['Inc.', '  ', '!!!', 'GmbH & Co. KG', '(Holding)', 'The Inc', '株式会社']) {
    t.throws(() => normalizeCompanyName(name), new InvalidCompanyNameError('The company name has no letters or digits once its legal form is removed'), JSON.stringify(name))
  }
})

t.test('the error is a 400 the error handler passes through', async (t) => {
  const error = new InvalidCompanyNameError('why')
  t.equal(error.statusCode, 400)
  t.equal(error.name, 'InvalidCompanyNameError')
  t.equal(error.message, 'why')
})

t.test('foldLatin lower-cases and drops accents, also from letters NFD keeps whole', async (t) => {
  t.equal(foldLatin('Société Générale'), 'societe generale')
  t.equal(foldLatin('Straße'), 'strasse')
  t.equal(foldLatin('Søren Ærø Œuvre Łódź Đorđe Þór Işık'), 'soren aero oeuvre lodz dorde thor isik')
  t.equal(foldLatin('日本電気'), '日本電気')
  t.equal(foldLatin('한국'), '한국', 'Hangul is recomposed')
})
