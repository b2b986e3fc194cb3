/** Build DOM nodes from a sanitised hast tree (see model/markdown.ts). No innerHTML anywhere. */
import type { ElementContent, Root, RootContent } from 'hast';
import { markdownToSafeTree } from '../model/markdown.ts';

const ATTRIBUTE: Record<string, string> = { className: 'class', htmlFor: 'for' };

function build(node: RootContent | ElementContent): Node | null {
  if (node.type === 'text') return document.createTextNode(node.value);
  if (node.type !== 'element') return null;
  const element = document.createElement(node.tagName);
  for (const [key, value] of Object.entries(node.properties ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    const name = ATTRIBUTE[key] ?? key.toLowerCase();
    if (name.startsWith('on') || name === 'style') continue; // never present after sanitising; belt and braces
    element.setAttribute(name, Array.isArray(value) ? value.join(' ') : value === true ? '' : String(value));
  }
  if (node.tagName === 'a') {
    element.setAttribute('target', '_blank');
    element.setAttribute('rel', 'noopener noreferrer');
  }
  for (const child of node.children) {
    const built = build(child);
    if (built) element.appendChild(built);
  }
  return element;
}

export function renderMarkdown(markdown: string): DocumentFragment {
  const tree: Root = markdownToSafeTree(markdown);
  const fragment = document.createDocumentFragment();
  for (const child of tree.children) {
    const built = build(child);
    if (built) fragment.appendChild(built);
  }
  return fragment;
}
