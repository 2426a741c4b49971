import t from 'tap'
import { PROFESSION_SKILLS } from '../../src/ai/taxonomy/data/profession-skills.ts'
import { phraseKey } from '../../src/ai/taxonomy/phrase-index.ts'
import { extractSkills } from '../../src/ai/taxonomy/skill-extractor.ts'
import { SKILLS } from '../../src/ai/taxonomy/skills.ts'

t.test('every spelling in the taxonomy names one skill: a later file cannot silently take over an earlier one', async (t) => {
  const owner = new Map<string, string>()
  const clashes: string[] = []
  for (const skill of SKILLS) {
    const spellings = new Set([skill.name, ...(skill.aliases ?? []), ...(skill.listOnly ?? []), ...(skill.exactCase ?? [])].map(phraseKey))
    for (const spelling of spellings) {
      const previous = owner.get(spelling)
      if (previous !== undefined && previous !== skill.name) clashes.push(`${spelling}: ${previous} / ${skill.name}`)
      owner.set(spelling, skill.name)
    }
  }
  t.same(clashes, [])
  t.same(new Set(SKILLS.map((skill) => skill.name)).size, SKILLS.length, 'names are unique')
})

t.test('the non-software professions are in the taxonomy, loaded from their data file', async (t) => {
  t.ok(PROFESSION_SKILLS.length >= 50)
  t.ok(PROFESSION_SKILLS.every((skill) => SKILLS.includes(skill)))
  t.same(extractSkills('Ran the kitchen: menu costing, HACCP records and knife skills'), ['food cost control', 'haccp', 'knife skills'])
  t.same(extractSkills('Fault finding, EICR testing and 18th Edition, CSCS card holder'), ['fault finding', 'testing and inspection', '18th edition wiring regulations', 'cscs card'])
  t.same(extractSkills('Safeguarding lead; SEN support; dispensing prescriptions'), ['safeguarding', 'send support', 'medication dispensing'])
})
