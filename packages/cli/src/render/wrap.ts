/** Word-wrapping for terminal output. */

/** Wrap `text` to `width` columns: the first line starts with `indent`, the others with `rest` (a hanging indent). */
export function wrap(text: string, indent: string, width = 96, rest = indent): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const lead = lines.length === 0 ? indent : rest;
    if (line && line.length + word.length + 1 > width - lead.length) {
      lines.push(lead + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push((lines.length === 0 ? indent : rest) + line);
  return lines.join('\n');
}
