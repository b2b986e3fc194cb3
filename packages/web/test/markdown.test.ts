import type { Element, Root, RootContent, ElementContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { markdownToSafeTree } from '../src/model/markdown.ts';

function elements(node: Root | RootContent | ElementContent, out: Element[] = []): Element[] {
  if (node.type === 'element') out.push(node);
  if ('children' in node) for (const child of node.children) elements(child, out);
  return out;
}

function text(node: Root | RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(text).join('') : '';
}

describe('markdownToSafeTree', () => {
  it('keeps ordinary formatting', () => {
    const tree = markdownToSafeTree('Payers **must** pay *clean claims* in 30 days.\n\n- one\n- two\n\n[CMS](https://www.cms.gov/)');
    const tags = elements(tree).map((e) => e.tagName);
    expect(tags).toEqual(expect.arrayContaining(['p', 'strong', 'em', 'ul', 'li', 'a']));
    expect(elements(tree).find((e) => e.tagName === 'a')?.properties.href).toBe('https://www.cms.gov/');
  });

  it('drops raw HTML: script, event handlers, iframes, styles', () => {
    const tree = markdownToSafeTree('Before <script>alert(1)</script> <img src=x onerror="alert(2)"> <iframe src="https://evil"></iframe> <b style="color:red" onclick="x()">bold</b>\n\n<div onmouseover="x()">block</div>');
    const all = elements(tree);
    for (const tag of ['script', 'img', 'iframe', 'div', 'style']) expect(all.some((e) => e.tagName === tag)).toBe(false);
    for (const e of all) {
      for (const key of Object.keys(e.properties)) {
        expect(key.toLowerCase().startsWith('on')).toBe(false);
        expect(key).not.toBe('style');
      }
    }
    // Whatever text was between the dropped tags survives only as inert text.
    expect(text(tree)).toContain('bold');
  });

  it('removes javascript:, data: and vbscript: links but keeps their text', () => {
    const tree = markdownToSafeTree('[click](javascript:alert(1)) [data](data:text/html,<script>x</script>) [vb](vbscript:msgbox) [JS](JaVaScRiPt:alert(1)) <javascript:alert(1)>');
    for (const a of elements(tree).filter((e) => e.tagName === 'a')) {
      const href = String(a.properties.href ?? '');
      expect(href).not.toMatch(/^\s*(javascript|data|vbscript):/i);
    }
    expect(text(tree)).toContain('click');
  });

  it('drops markdown images', () => {
    const tree = markdownToSafeTree('![tracker](https://example.com/pixel.png)');
    expect(elements(tree).some((e) => e.tagName === 'img')).toBe(false);
  });
});
