/**
 * The YAML editor of the rule editor: CodeMirror 6 with line numbers, YAML highlighting, undo,
 * and the server's validation shown as you type, underlined at the line and column it names.
 * The editor lives in a shadow root: there CodeMirror styles itself with constructed
 * stylesheets, which the strict CSP allows, instead of the inline <style> element it adds to a
 * document's head (which the CSP blocks). Typing `{` offers the parties and vocabulary classes.
 */
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { forceLinting, linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { EditorSelection, EditorState } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { offsetAt } from '../../model/rule-list.ts';
import type { PlaceholderOption } from '../../model/vocabulary.ts';
import type { RuleProblem } from '../../rules-api.ts';
import { placeholderCompletion } from './placeholder-completion.ts';

/** The editor as the rules screen uses it. */
export interface YamlEditor {
  element: HTMLElement;
  text(): string;
  /** Replace the whole text (opening another rule); clears undo history. */
  setText(text: string): void;
  /** Put the caret at a 1-based line and column and scroll there. */
  focusAt(line: number, col: number): void;
  /** Validate now rather than after the typing pause. */
  recheck(): void;
  destroy(): void;
}

/** What the editor needs from its screen. */
export interface YamlEditorOptions {
  initial: string;
  /** Validate the text; the problems come back located. Rejections are reported through `onCheckFailed`. */
  check: (text: string) => Promise<RuleProblem[]>;
  onChange: (text: string) => void;
  /** After each validation, with the text it checked. */
  onChecked: (problems: RuleProblem[], text: string) => void;
  onCheckFailed: (error: unknown) => void;
  /** What typing `{` offers: the parties and the ruleset's vocabulary classes (read each time). */
  placeholders?: () => readonly PlaceholderOption[];
}

/** Our look for the editor; page styles do not reach into the shadow root (custom properties do). */
const EDITOR_CSS = `
.cm-editor { max-height: 60vh; font-size: 0.92rem; background: var(--paper, #fff); }
.cm-editor.cm-focused { outline: 3px solid #7aa7d6; outline-offset: -1px; }
.cm-scroller { font-family: ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace; line-height: 1.5; }
.cm-gutters { background: var(--page, #f5f6f8); color: var(--muted, #666); border-right: 1px solid var(--line, #ddd); }
.cm-tooltip-lint { font-family: system-ui, sans-serif; font-size: 0.9rem; max-width: 36rem; }
.cm-tooltip-autocomplete > ul { font-family: ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace; }
.cm-completionDetail { font-family: system-ui, sans-serif; color: var(--muted, #666); margin-left: 1em; font-style: normal; }
.cm-tooltip-autocomplete li[aria-selected] .cm-completionDetail { color: inherit; }
.cm-tooltip.cm-completionInfo { font-family: system-ui, sans-serif; font-size: 0.9rem; white-space: pre-line; max-width: 28rem; }
`;

/** The end of the word at `from`, so an underline covers the offending token rather than one character. */
function tokenEnd(text: string, from: number): number {
  const rest = /^[^\s:,\]}]+/.exec(text.slice(from, from + 200));
  return from + Math.max(1, rest?.[0].length ?? 1);
}

/** Build the editor; append `element` where it belongs. */
export function yamlEditor(options: YamlEditorOptions): YamlEditor {
  const host = document.createElement('div');
  host.className = 'yaml-editor';
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(EDITOR_CSS);
  shadow.adoptedStyleSheets = [sheet];

  const lint = linter(
    async (view) => {
      const text = view.state.doc.toString();
      try {
        const problems = await options.check(text);
        options.onChecked(problems, text);
        return problems.map((p): Diagnostic => {
          const from = Math.min(offsetAt(text, p.line, p.col), text.length);
          return { from, to: Math.min(tokenEnd(text, from), text.length), severity: 'error', message: p.message, source: `line ${p.line}, column ${p.col}` };
        });
      } catch (error) {
        options.onCheckFailed(error);
        return [];
      }
    },
    { delay: 350 },
  );

  const extensions = [
    lineNumbers(),
    highlightActiveLineGutter(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    highlightActiveLine(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    yaml(),
    EditorView.lineWrapping,
    EditorState.tabSize.of(2),
    keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
    lintGutter(),
    lint,
    ...(options.placeholders ? [placeholderCompletion(options.placeholders)] : []),
    EditorView.contentAttributes.of({ 'aria-label': 'Rule text (YAML)' }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) options.onChange(update.state.doc.toString());
    }),
  ];
  const makeState = (doc: string) => EditorState.create({ doc, extensions });
  const view = new EditorView({ state: makeState(options.initial), parent: shadow, root: shadow });

  return {
    element: host,
    text: () => view.state.doc.toString(),
    setText(text) {
      view.setState(makeState(text));
      forceLinting(view);
    },
    focusAt(line, col) {
      const text = view.state.doc.toString();
      const at = offsetAt(text, line, col);
      view.dispatch({ selection: EditorSelection.cursor(at), effects: EditorView.scrollIntoView(at, { y: 'center' }) });
      view.focus();
    },
    recheck: () => forceLinting(view),
    destroy: () => view.destroy(),
  };
}
