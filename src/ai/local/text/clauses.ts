/**
 * Splits requirement lines into clauses and tells preferred ones from required ones: postings
 * mix both on one line ("BLS and ACLS required; CCRN preferred", "Fluent English; Dutch is a plus").
 */

const PREFERRED_CUE = /\b(preferred|preferably|(is|are|would be) a (big |huge )?plus|a plus|nice[- ]to[- ]have|bonus|desirable|desired|advantageous|an advantage|ideally|would be great|beneficial)\b/i

export function clauses (line: string): string[] {
  return line.split(/;|(?<=[a-z)])\.\s+(?=[A-Z])/).map((clause) => clause.trim()).filter((clause) => clause !== '')
}

export function isPreferredClause (clause: string): boolean {
  return PREFERRED_CUE.test(clause)
}
