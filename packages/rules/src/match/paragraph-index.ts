/**
 * Which paragraphs each leaf of the ruleset hits, built lazily from the leaf hits the analysis
 * already computed, and what counts as too common to point at anything: words found in a
 * large share of the paragraphs (a bare party name, "claims") say nothing about a clause.
 */
import type { Section } from '@redliner/parser';
import type { ConditionNode } from '../compiled-types.ts';
import type { MatchContext } from './match-rule.ts';
import { lowerBound, unitIndexAt } from './spans.ts';
import type { Span } from '../types.ts';

// A part that holds in more than a quarter of the paragraphs is too common to count alone; a
// floor keeps a short contract (or a test) from calling every repeated word common.
const COMMON_SHARE = 0.25;
const COMMON_FLOOR = 4;
// Rare words name a topic ("prior authorization", "without cause"); common ones ("may",
// "change", "less than") only describe the shape of a risk. A rule's rarest part names its
// topic when it is in at most one paragraph in twenty; any part, at most one in a hundred.
const TOPIC_SHARE_RAREST = 0.05;
const TOPIC_SHARE = 0.01;
const TOPIC_FLOOR = 2;
// In a short text every word is rare ("may", "for"): frequencies say nothing below this size.
const RARITY_MIN_CLAUSES = 40;

/** Paragraph-level facts for relatedness. */
export interface ParagraphIndex {
  paragraphs: Span[];
  /** True for heading blocks (titles, not clauses to quote). */
  isHeading(index: number): boolean;
  /** Paragraphs (indexes) where a words-only condition holds; proximity is ignored. */
  where(node: ConditionNode): Set<number>;
  /** True when holding in `count` paragraphs is too common to count alone. */
  isCommon(count: number): boolean;
  /** True when words found in only `count` paragraphs name a topic by themselves (`rarest`: they are the rarest part of their rule). */
  namesTopic(count: number, rarest: boolean): boolean;
  /** False for a text too short for word frequencies to tell a topic from everyday words. */
  knowsRarity: boolean;
  /** `node` without its too-common leaves (null when none is left). */
  rare(node: ConditionNode): ConditionNode | null;
  /** How telling it is that words-only `node` holds: rarer words weigh more (log of inverse paragraph frequency). */
  weight(node: ConditionNode): number;
}

const cache = new WeakMap<Span[][], ParagraphIndex>();

/** The paragraph index for the analysis `ctx` (cached on its leaf hits). */
export function paragraphIndex(ctx: MatchContext): ParagraphIndex {
  const cached = cache.get(ctx.leafHits);
  if (cached) return cached;
  const paragraphs = ctx.facts.units('paragraph');
  const blocks = ctx.facts.document.blocks;
  // Paragraphs are blocks, except that a table row's cells read as one; a heading is always its own.
  const headings = new Set<number>();
  paragraphs.forEach((p, i) => {
    const block = blocks[lowerBound(blocks, p.start)];
    if (block?.kind === 'heading' && block.start === p.start) headings.add(i);
  });
  // A numbered clause that is only its title ("8.4 Immediate Termination.") is a heading too.
  const text = ctx.facts.text;
  const titleOnly = (section: Section): void => {
    const i = lowerBound(paragraphs, section.start);
    const p = paragraphs[i];
    if (!p || p.start !== section.start) return;
    const body = text.slice(p.start, p.end).replace(/\s+/g, ' ').trim().slice(section.label?.length ?? 0).replace(/^[\s.:)-]+|[\s.:;-]+$/g, '');
    if (body.length <= section.title.length + 2) headings.add(i);
  };
  const walk = (sections: readonly Section[]): void => {
    for (const section of sections) {
      titleOnly(section);
      walk(section.children);
    }
  };
  walk(ctx.facts.document.sections);
  const isHeading = (i: number) => headings.has(i);
  const clauses = paragraphs.length - headings.size;
  const limit = Math.max(COMMON_FLOOR, Math.ceil(clauses * COMMON_SHARE));
  const leafSets = new Map<number, Set<number>>();

  const ofLeaf = (leaf: number): Set<number> => {
    let set = leafSets.get(leaf);
    if (!set) {
      set = new Set();
      for (const hit of ctx.leafHits[leaf] ?? []) {
        const i = unitIndexAt(paragraphs, hit.start);
        if (i >= 0) set.add(i);
      }
      leafSets.set(leaf, set);
    }
    return set;
  };
  const composite = new WeakMap<ConditionNode, Set<number>>();
  const combine = (node: ConditionNode): Set<number> => {
    if (node.type === 'any') {
      const out = new Set<number>();
      for (const child of node.children) for (const i of where(child)) out.add(i);
      return out;
    }
    if (node.type === 'all') {
      const [first, ...rest] = node.children.map(where).sort((a, b) => a.size - b.size);
      return new Set([...(first ?? [])].filter((i) => rest.every((s) => s.has(i))));
    }
    if (node.type === 'reach') return where(node.child);
    return new Set();
  };
  const where = (node: ConditionNode): Set<number> => {
    if ('leaf' in node) return ofLeaf(node.leaf);
    let set = composite.get(node);
    if (!set) {
      set = combine(node);
      composite.set(node, set);
    }
    return set;
  };
  const isCommon = (count: number) => count > limit;
  const topicLimit = (share: number) => Math.max(TOPIC_FLOOR, Math.floor(clauses * share));
  const knowsRarity = clauses >= RARITY_MIN_CLAUSES;
  const namesTopic = (count: number, rarest: boolean) => knowsRarity && count > 0 && count <= topicLimit(rarest ? TOPIC_SHARE_RAREST : TOPIC_SHARE);
  const rare = (node: ConditionNode): ConditionNode | null => {
    if ('leaf' in node) return isCommon(ofLeaf(node.leaf).size) ? null : node;
    if (node.type === 'reach') return rare(node.child);
    if (node.type !== 'any' && node.type !== 'all') return null;
    const children = node.children.map(rare).filter((c): c is ConditionNode => c !== null);
    if (children.length === 0) return null;
    return children.length === 1 ? children[0]! : { type: node.type, children };
  };
  const weight = (node: ConditionNode) => Math.log((clauses + 1) / (where(node).size + 1));
  const index: ParagraphIndex = { paragraphs, isHeading, where, isCommon, namesTopic, knowsRarity, rare, weight };
  cache.set(ctx.leafHits, index);
  return index;
}
