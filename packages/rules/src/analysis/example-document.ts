/**
 * A small ContractDocument built from plain text, for rule examples and tests: blocks are
 * separated by blank lines, short label-or-capitals lines are headings, and every heading opens
 * a section. Parties default to payer "Plan" and provider "Provider"/"Group".
 */
import { detectLabel, type Block, type ContractDocument, type Parties, type Section } from '@redliner/parser';

/** Party terms for an example document. */
export interface ExampleParties {
  payer?: string[];
  provider?: string[];
}

/** The parties every example gets unless it says otherwise. */
export const DEFAULT_EXAMPLE_PARTIES = {
  payer: { name: 'Example Health Plan, Inc.', terms: ['Plan'] },
  provider: { name: 'Example Medical Group, P.C.', terms: ['Provider', 'Group'] },
} as const;

function isHeading(text: string): boolean {
  const words = text.split(/\s+/).length;
  if (words > 12 || /[.;:,]$/.test(text.trim()) && !/^\S+\.?$/.test(text.trim())) return false;
  const rest = text.slice(detectLabel(text)?.length ?? 0).trim();
  const letters = rest.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && (letters === letters.toUpperCase() || (detectLabel(text) !== null && !/[.;]$/.test(rest)));
}

/** Build a document from `text`; blank lines separate blocks. */
export function textDocument(text: string, parties: ExampleParties = {}): ContractDocument {
  const pieces = text.split(/\n[ \t]*\n+/).map((p) => p.trim()).filter(Boolean);
  const blocks: Block[] = [];
  let joined = '';
  for (const piece of pieces) {
    if (joined) joined += '\n\n';
    const block: Block = { id: `b${blocks.length}`, kind: isHeading(piece) ? 'heading' : 'paragraph', start: joined.length, end: joined.length + piece.length };
    const label = detectLabel(piece)?.label;
    if (label) block.label = label;
    if (block.kind === 'heading') block.level = 1;
    joined += piece;
    blocks.push(block);
  }
  const sections: Section[] = [];
  for (const block of blocks) {
    if (block.kind !== 'heading') continue;
    const previous = sections[sections.length - 1];
    if (previous) previous.end = block.start - 2;
    const raw = joined.slice(block.start, block.end);
    const title = raw.slice(detectLabel(raw)?.length ?? 0).replace(/^[\s.:—–-]+/, '').trim() || raw;
    const section: Section = { blockId: block.id, title, level: 1, start: block.start, end: joined.length, children: [] };
    if (block.label) section.label = block.label;
    sections.push(section);
  }
  const resolved: Parties = {
    payer: { role: 'payer', name: DEFAULT_EXAMPLE_PARTIES.payer.name, terms: parties.payer ?? [...DEFAULT_EXAMPLE_PARTIES.payer.terms], evidence: [] },
    provider: { role: 'provider', name: DEFAULT_EXAMPLE_PARTIES.provider.name, terms: parties.provider ?? [...DEFAULT_EXAMPLE_PARTIES.provider.terms], evidence: [] },
    detected: true,
  };
  return { name: 'example', format: 'docx', sha256: '', text: joined, blocks, sections, sourceMap: { format: 'docx', spans: [] }, parties: resolved, warnings: [] };
}
