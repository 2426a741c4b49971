import { dedupe } from './lines.ts'

/**
 * Spoken languages, reported as lower-case English names. Language names double as nationalities
 * and markets ("Chinese suppliers", "polish the UI"), so outside a languages section a name only
 * counts on a line that talks about speaking it.
 */

const LANGUAGES = [
  'English', 'German', 'French', 'Spanish', 'Italian', 'Portuguese', 'Dutch', 'Flemish', 'Polish', 'Czech', 'Slovak',
  'Hungarian', 'Romanian', 'Bulgarian', 'Greek', 'Turkish', 'Russian', 'Ukrainian', 'Serbian', 'Croatian', 'Slovenian',
  'Swedish', 'Norwegian', 'Danish', 'Finnish', 'Icelandic', 'Estonian', 'Latvian', 'Lithuanian', 'Irish', 'Welsh',
  'Catalan', 'Basque', 'Arabic', 'Hebrew', 'Persian', 'Farsi', 'Kurdish', 'Urdu', 'Hindi', 'Bengali', 'Punjabi',
  'Gujarati', 'Marathi', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Nepali', 'Sinhala', 'Mandarin', 'Cantonese',
  'Chinese', 'Japanese', 'Korean', 'Vietnamese', 'Thai', 'Indonesian', 'Malay', 'Tagalog', 'Filipino', 'Swahili',
  'Amharic', 'Yoruba', 'Hausa', 'Igbo', 'Zulu', 'Afrikaans', 'Somali', 'Armenian', 'Georgian', 'Albanian'
]
const LANGUAGE = new RegExp(`\\b(${LANGUAGES.join('|')})\\b`, 'g')

/** Words that make a line about speaking a language. */
const LANGUAGE_CUE = /\b(fluent|fluency|native|mother tongue|bilingual|multilingual|proficien(t|cy)|speak(s|ing)?|spoken|written|verbal|languages?|conversational|working knowledge|business[- ]level|intermediate|basic|advanced|beginner|[ABC][12])\b|\bis a plus\b/i

const MAX_LANGUAGES = 20

/** A document's languages: every one its languages section names, and any it says are spoken elsewhere. */
export function documentLanguages (languagesSection: string, text: string): string[] {
  return dedupe([...findLanguages(languagesSection), ...findSpokenLanguages(text)]).slice(0, MAX_LANGUAGES)
}

/** Language names written capitalised anywhere in the text, in order. */
export function findLanguages (text: string): string[] {
  return dedupe([...text.matchAll(LANGUAGE)].map((match) => match[0].toLowerCase()))
}

/** Language names on lines that are about speaking them ("Fluent English; Dutch is a plus"). */
export function findSpokenLanguages (text: string): string[] {
  return dedupe(text.split('\n').filter((line) => LANGUAGE_CUE.test(line)).flatMap(findLanguages))
}
