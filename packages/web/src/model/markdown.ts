/**
 * Rule explanations are Markdown written by rule authors. They are parsed to a syntax tree,
 * raw HTML is dropped, and the tree is sanitised (GitHub's allow-list, minus images, which the
 * page could not load anyway). The DOM is then built node by node from this tree: no HTML
 * string is ever parsed by the browser.
 */
import type { Root } from 'hast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const schema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => !['img', 'picture', 'source', 'input'].includes(tag)),
  protocols: { href: ['http', 'https', 'mailto'] },
};

const processor = unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: false }).use(rehypeSanitize, schema);

/** Markdown → sanitised HTML syntax tree (hast). */
export function markdownToSafeTree(markdown: string): Root {
  const tree = processor.runSync(processor.parse(markdown));
  return tree as Root;
}
