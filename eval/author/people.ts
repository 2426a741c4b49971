/**
 * Invented people for the corpus: names are combinations of common given names and surnames, not
 * real persons; e-mails use example.com / example.org and phones the reserved 555 range.
 * `Jenkins` is among the surnames on purpose (a name must not become the CI tool).
 */

export const GIVEN_NAMES = [
  'Aoife', 'Marcus', 'Priya', 'Tomasz', 'Lena', 'Daniel', 'Sofia', 'Kwame', 'Hannah', 'Mateo', 'Yuki', 'Olivia',
  'Ibrahim', 'Clara', 'Ethan', 'Nadia', 'Lucas', 'Grace', 'Ravi', 'Emma', 'Jonas', 'Fatima', 'Liam', 'Chloé',
  'Diego', 'Mei', 'Samuel', 'Ingrid', 'Omar', 'Zoe', 'Niamh', 'Felix', 'Amara', 'Hugo', 'Isabel', 'Kenji',
  'Leah', 'Mohammed', 'Freya', 'Pablo', 'Aisha', 'Conor', 'Julia', 'Tariq', 'Elena', 'Owen', 'Marta', 'Ben'
]

export const SURNAMES = [
  'Jenkins', 'Okafor', 'Nowak', 'Fischer', 'Murphy', 'García', 'Tanaka', 'Mensah', 'Schneider', 'Reyes', 'Kowalczyk',
  'Brennan', 'Haddad', 'Lindqvist', 'Patel', 'Dubois', 'Rossi', 'Andersen', 'Kim', 'Walsh', 'Moreau', 'Bianchi',
  'Ortega', 'Adeyemi', 'Sato', 'Hughes', 'Novak', 'Fernández', 'Ó Súilleabháin', 'Becker', 'Chen', 'Larsen',
  'Mahmoud', 'Costa', 'Dlamini', 'Weber', 'Byrne', 'Santos', 'Ivanova', 'Nakamura', 'Quinn', 'Laurent'
]

/** Deterministic pseudo-random numbers (mulberry32), so the corpus rebuilds byte for byte. */
export function seededRandom (seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type Random = () => number

export function pick<T> (random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T
}

export function pickSome<T> (random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items]
  const chosen: T[] = []
  while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0] as T)
  return chosen
}

export function randomInt (random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1))
}

/** "María García" → "maria.garcia", for an example.com address. */
export function emailLocalPart (given: string, surname: string, style: number): string {
  const ascii = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z]/g, '').toLowerCase()
  const g = ascii(given)
  const s = ascii(surname)
  return [`${g}.${s}`, `${g[0] ?? ''}${s}`, `${g}${s}${10 + style}`, `${s}.${g}`][style % 4] as string
}

/** Phone numbers in the reserved 555 range, written the way each country writes them. */
export function phoneNumber (random: Random, country: string): string {
  const d = (n: number) => Array.from({ length: n }, () => String(randomInt(random, 0, 9))).join('')
  switch (country) {
    case 'us': return pick(random, [`(555) 01${d(1)}-${d(4)}`, `+1 555 01${d(1)} ${d(4)}`, `555-01${d(2)}`])
    case 'uk': return `+44 555 01${d(2)} ${d(3)}`
    case 'de': return `+49 555 01${d(5)}`
    case 'fr': return `+33 5 55 01 ${d(2)} ${d(2)}`
    case 'es': return `+34 555 01${d(1)} ${d(3)}`
    default: return `+353 555 01${d(1)} ${d(3)}`
  }
}
