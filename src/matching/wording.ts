/** Shared wording of the explanations, so every criterion names things the same way. */

/** Longer lists are cut: an explanation is a sentence, the breakdown has the full lists. */
const MAX_LISTED = 5

/** `data_engineering` → `data engineering`. */
export function humanize (label: string): string {
  return label.replaceAll('_', ' ')
}

/** `a, b, c, d, e and 3 more` */
export function formatList (items: readonly string[]): string {
  const shown = items.slice(0, MAX_LISTED).join(', ')
  const rest = items.length - MAX_LISTED
  return rest > 0 ? `${shown} and ${rest} more` : shown
}

/** `1 year`, `8.5 years`, `12 years`: one decimal at most. */
export function formatYears (years: number): string {
  const rounded = Math.round(years * 10) / 10
  return `${rounded} ${rounded === 1 ? 'year' : 'years'}`
}
