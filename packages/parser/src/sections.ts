/**
 * The heading tree, so a finding can say "Section 7.3 Recoupment". Sections come from
 * heading blocks and from numbered clauses with an inline title ("7.3 Recoupment. Plan may…"),
 * which is how most contracts title their subsections.
 */
import { detectLabel } from './clause-labels.ts';
import type { Block, Section } from './types.ts';

// An inline title: a few capitalised words ending in "." right after the label.
const INLINE_TITLE = /^\s*((?:[“"]?\p{Lu}[\p{L}’'&\-/,]*[”"]?(?:\s+|$)){1,8}?)[.:](?=\s|$)/u;
const SMALL_WORDS = /^(?:and|or|of|the|to|for|in|on|by|with|a|an|under|upon|from|after|before|as|at|not|no|its|their)$/i;

function inlineTitle(rest: string): string | null {
  const match = INLINE_TITLE.exec(rest) ?? /^\s*([^.:]{2,80}?)[.:](?=\s|$)/u.exec(rest);
  const title = match?.[1]?.trim();
  if (!title) return null;
  const words = title.split(/\s+/);
  if (words.length > 10) return null;
  // Every significant word capitalised: "Overpayments and Recoupment", not "Plan may recover".
  const titleCase = words.every((w) => SMALL_WORDS.test(w) || /^[“"(]?[\p{Lu}0-9§]/u.test(w));
  return titleCase ? title : null;
}

interface Entry {
  section: Section;
  rank: number;
}

/** Build the section tree from blocks; `end` of each section is where the next sibling or ancestor sibling starts. */
export function buildSections(text: string, blocks: readonly Block[]): Section[] {
  const roots: Section[] = [];
  const stack: Entry[] = [];
  let headingLevel = 0;

  for (const block of blocks) {
    let rank: number;
    let title: string;
    const blockText = text.slice(block.start, block.end);
    const detected = block.label ? detectLabel(blockText) : null;
    const labelLength = block.label && blockText.startsWith(block.label) ? (detected?.length ?? block.label.length) : 0;
    const rest = blockText.slice(labelLength).replace(/^[\s.:—–-]+/, '');

    if (block.kind === 'heading') {
      rank = block.level ?? 1;
      headingLevel = rank;
      title = rest.length > 0 ? rest : blockText;
    } else if (block.label && block.kind !== 'table-cell') {
      const inline = inlineTitle(rest);
      if (!inline) continue;
      title = inline;
      // Clause depth counts from the heading above it: under an article heading of level 2,
      // "5.3" and its "(a)" must still nest, which a floor of headingLevel + 1 for both lost.
      const depth = detected?.depth ?? 2;
      rank = headingLevel + depth;
    } else {
      continue;
    }

    const section: Section = { blockId: block.id, title, level: rank, start: block.start, end: text.length, children: [] };
    if (block.label) section.label = block.label;
    while (stack.length > 0 && stack[stack.length - 1]!.rank >= rank) {
      stack.pop()!.section.end = trimEnd(text, block.start);
    }
    const parent = stack[stack.length - 1];
    (parent ? parent.section.children : roots).push(section);
    stack.push({ section, rank });
  }
  return roots;
}

function trimEnd(text: string, at: number): number {
  let end = at;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return end;
}
