import { dedupe, trimChars } from './lines.ts'

/** E-mail addresses, phone numbers and profile links, as written in CV headers. */

const MAX_EMAIL = 320
const EMAIL = /(?<![\w.%+-])[\w.%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})*\.[a-z]{2,}/i
/** A run of digit groups with an optional +country code and (area code). */
const PHONE = /(?<![\w/+.-])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]?\d{2,4}){1,4}(?![\w/])/g
const PROFILE_HOSTS = '(?:linkedin\\.com|github\\.com|gitlab\\.com|bitbucket\\.org|behance\\.net|dribbble\\.com|medium\\.com|stackoverflow\\.com|kaggle\\.com|twitter\\.com|x\\.com)'
const LINK = new RegExp(`(?<![@\\w.])(?:https?://[^\\s|,;<>()"]+|www\\.[^\\s|,;<>()"]+|(?:[a-z]{2,3}\\.)?${PROFILE_HOSTS}/[^\\s|,;<>()"]+)`, 'gi')

/** The first e-mail address; one longer than an address can be (320) is not one. */
export function findEmail (text: string): string | null {
  const email = EMAIL.exec(text)?.[0]
  return email === undefined || email.length > MAX_EMAIL ? null : email
}

/**
 * The first phone number. Date ranges ("2017-2019") and IDs also look like digit groups, so a
 * number needs a "+" country code or a full national length (10 digits or more).
 */
export function findPhone (text: string): string | null {
  for (const match of text.matchAll(PHONE)) {
    const digits = match[0].replace(/\D/g, '').length
    const international = match[0].startsWith('+')
    if (digits <= 15 && (digits >= 10 || (international && digits >= 8))) return match[0]
  }
  return null
}

/** Web addresses: any http(s) or www link, and bare profile links (linkedin.com/in/…). */
export function findLinks (text: string): string[] {
  return dedupe([...text.matchAll(LINK)].map((match) => trimChars(match[0], '.:!?')))
}
