import type { Block, Finding } from '../src/types.ts';

export const TEXT = [
  'ARTICLE 4 PAYMENT', // 0..17
  '4.1 Plan may recoup overpayments at any time without notice.', // 19..
  'Name', 'Rate',
  '<script>alert(1)</script> <img src=x onerror=alert(2)>',
].join('\n\n');

function block(id: string, kind: Block['kind'], text: string, extra: Partial<Block> = {}): Block {
  const start = TEXT.indexOf(text);
  if (start < 0) throw new Error(`no ${text}`);
  return { id, kind, start, end: start + text.length, ...extra };
}

export const BLOCKS: Block[] = [
  block('b0', 'heading', 'ARTICLE 4 PAYMENT', { level: 1, page: 1 }),
  block('b1', 'paragraph', '4.1 Plan may recoup overpayments at any time without notice.', { label: '4.1', page: 1 }),
  block('b2', 'table-cell', 'Name', { table: { table: 0, row: 0, col: 0 }, page: 2 }),
  block('b3', 'table-cell', 'Rate', { table: { table: 0, row: 0, col: 1 }, page: 2 }),
  block('b4', 'paragraph', '<script>alert(1)</script> <img src=x onerror=alert(2)>', { page: 2 }),
];

export function finding(id: string, severity: Finding['severity'], quote: string | null, extra: Partial<Finding> = {}): Finding {
  const start = quote === null ? -1 : TEXT.indexOf(quote);
  return {
    id,
    ruleId: id.split('@')[0]!,
    concept: 'recoupment',
    severity,
    kind: quote === null ? 'absence' : 'presence',
    message: `message ${id}`,
    explanation: 'Because.',
    span: quote === null ? null : { start, end: start + quote.length },
    quote: quote ?? '',
    location: { section: 'Article 4 Payment', label: '4.1', page: 1 },
    references: [],
    ...extra,
  };
}
