/**
 * Which party a redaction token stands for. The PDF reader writes `[REDACTED]` where a name was
 * blacked out; in payer agreements that is nearly always the payer ("[REDACTED] shall pay
 * Provider"), but a redacted provider name reads the same. The token becomes a party's term only
 * when the document says whose it is and never says it is the other's, so rules can read
 * "[REDACTED] may deny payment" as the payer denying; otherwise it stays an unnamed actor.
 */
import { actingUses } from './party-roles.ts';
import type { PartyRole } from './types.ts';

/** The token the PDF reader writes for an erased name. */
export const REDACTED_TOKEN = '[REDACTED]';

// The token must act as a party this many times before it is worth a term.
const MIN_ACTING = 2;
// "[REDACTED] and Provider", "between [REDACTED] and the Group": pairings with the other side's term.
const MIN_PAIRINGS = 2;
// Without a preamble slot, one kind of pairing must outnumber the other this many times.
const DOMINANT = 4;

function escape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/** Times the token and one of `terms` are joined as two parties ("[REDACTED] and Provider", "Provider or [REDACTED]"). */
export function pairings(body: string, terms: readonly string[]): number {
  const own = terms.filter((t) => t !== REDACTED_TOKEN && /\p{Lu}/u.test(t));
  if (own.length === 0) return 0;
  const term = `(?:${own.map(escape).join('|')})(?![\\p{L}\\p{N}_])`;
  const token = escape(REDACTED_TOKEN);
  const re = new RegExp(`${token},?\\s+(?:and|or|nor)\\s+(?:the\\s+)?${term}|(?<![\\p{L}\\p{N}_])${term},?\\s+(?:and|or|nor)\\s+${token}`, 'gu');
  return (body.match(re) ?? []).length;
}

/** What the preamble and the body say about the token. */
export interface TokenEvidence {
  /** Preamble slots (name or defined term) the token fills, by role. */
  preamble: Record<PartyRole, boolean>;
  /** The parties' terms known so far, and the role words the body acts with ("Provider shall"). */
  terms: Record<PartyRole, readonly string[]>;
}

/**
 * The role `[REDACTED]` stands for in the document `text`, or null when it does not say or says
 * both. The preamble decides when one slot holds it; else the pairings do: the token joined to
 * the provider's term ("[REDACTED] and Provider") is the payer, and the other way round. Either
 * way the token must act as a party ("[REDACTED] shall pay").
 */
export function redactedTokenRole(text: string, evidence: TokenEvidence): PartyRole | null {
  if (!text.includes(REDACTED_TOKEN) || actingUses(text, REDACTED_TOKEN) < MIN_ACTING) return null;
  const { preamble, terms } = evidence;
  if (preamble.payer && preamble.provider) return null;
  const withProvider = pairings(text, terms.provider);
  const withPayer = pairings(text, terms.payer);
  // Joined to a party's own term as its counterpart: the token is (also) the other party.
  if (preamble.payer) return withPayer > 0 && withPayer >= withProvider ? null : 'payer';
  if (preamble.provider) return withProvider > 0 && withProvider >= withPayer ? null : 'provider';
  // No preamble slot: the body must pair it one way far more often than the other.
  if (withProvider >= MIN_PAIRINGS && withProvider >= DOMINANT * withPayer) return 'payer';
  if (withPayer >= MIN_PAIRINGS && withPayer >= DOMINANT * withProvider) return 'provider';
  return null;
}
