import t from 'tap'
import { documentLanguages, findLanguages, findSpokenLanguages } from '../../src/ai/local/text/languages.ts'

t.test('capitalised language names, in order, once each', async (t) => {
  t.same(findLanguages('English (native), Spanish (C1), German (B2), English again'), ['english', 'spanish', 'german'])
  t.same(findLanguages('polish the UI, go to market'), [], 'lower case words are not languages')
})

t.test('outside a languages section, only lines about speaking count', async (t) => {
  const text = [
    'Fluent in Spanish and English; conversational Portuguese.',
    'We sell to Chinese and Japanese manufacturers.',
    'Bilingual English/Spanish',
    'Native Hindi speaker',
    'German is a plus',
    'Working knowledge of Italian'
  ].join('\n')
  t.same(findSpokenLanguages(text), ['spanish', 'english', 'portuguese', 'hindi', 'german', 'italian'])
})

t.test('a document: its languages section, then spoken ones elsewhere, at most 20', async (t) => {
  t.same(documentLanguages('French, Dutch', 'Fluent English\nFrench market'), ['french', 'dutch', 'english'])
  const many = 'English German French Spanish Italian Portuguese Dutch Polish Czech Slovak Hungarian Romanian Bulgarian Greek Turkish Russian Ukrainian Serbian Croatian Slovenian Swedish Norwegian'
  t.equal(documentLanguages(many, '').length, 20)
})
