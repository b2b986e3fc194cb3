/**
 * Copied wording: lines of a ruleset that share a run of N or more words with labeled text.
 *
 * The team's rule is that no sentence or distinctive phrase of a labeled set (payer-dev, the clause
 * bank, the gold quotes of real agreements) goes into rules, vocabulary or rule examples: a rule that
 * passes because its example *is* a test item says nothing about wording it was never shown. Word runs
 * are compared case-folded on letters and digits only, so punctuation and quoting cannot hide a copy.
 */

/** One piece of labeled text and where it came from (a bank item id, a contract file, a gold file). */
export interface LabeledText {
  source: string;
  text: string;
}

/** A ruleset line that shares a run of words with labeled text. */
export interface CopiedLine {
  file: string;
  line: number;
  text: string;
  /** The labeled sources that share a run with the line (sorted, at most five). */
  sources: string[];
  /** The first shared run, as words. */
  run: string;
}

/** Letters and digits, lower-cased, in order: the unit both sides are compared in. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/** Index every run of `n` words in the labeled texts by the sources it occurs in. */
export function indexRuns(labeled: readonly LabeledText[], n: number): Map<string, Set<string>> {
  const runs = new Map<string, Set<string>>();
  for (const { source, text } of labeled) {
    const words = wordsOf(text);
    for (let i = 0; i + n <= words.length; i++) {
      const key = words.slice(i, i + n).join(' ');
      let sources = runs.get(key);
      if (!sources) runs.set(key, (sources = new Set()));
      sources.add(source);
    }
  }
  return runs;
}

/**
 * The lines of `content` (a ruleset file) where a run of `n` words shared with the indexed text
 * starts. The file is read as one stream of words, so a sentence wrapped over several YAML lines
 * is caught too.
 */
export function copiedLines(file: string, content: string, runs: Map<string, Set<string>>, n: number): CopiedLine[] {
  const lines = content.split('\n');
  const words: Array<{ word: string; line: number }> = [];
  lines.forEach((text, index) => {
    for (const word of wordsOf(text)) words.push({ word, line: index + 1 });
  });
  const found = new Map<number, CopiedLine>();
  for (let i = 0; i + n <= words.length; i++) {
    const key = words.slice(i, i + n).map((w) => w.word).join(' ');
    const hit = runs.get(key);
    if (!hit) continue;
    const line = words[i]!.line;
    const entry = found.get(line) ?? { file, line, text: lines[line - 1]!.trim(), sources: [], run: key };
    entry.sources = [...new Set([...entry.sources, ...hit])].sort().slice(0, 5);
    found.set(line, entry);
  }
  return [...found.values()];
}
