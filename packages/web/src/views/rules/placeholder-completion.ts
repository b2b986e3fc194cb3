/**
 * Typing `{` in the rule editor offers `{payer}`, `{provider}` and the ruleset's vocabulary
 * classes with what each means, so an author writes `{discretion}` without having to remember
 * (or misspell) the class names. Uses CodeMirror's own autocompletion, which draws its list
 * inside the editor's shadow root like the lint tooltips, so the page's CSP is unaffected.
 */
import { autocompletion, insertCompletionText, pickedCompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import type { Extension } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { placeholderBefore, type PlaceholderOption } from '../../model/vocabulary.ts';

/**
 * Insert the chosen `{name}`, replacing the rest of a name and a `}` already after the caret, so
 * completing inside `{disc}` leaves no `}}`. (The result's range stops at the caret: CodeMirror
 * filters the options by the text in that range.)
 */
function insert(view: EditorView, completion: Completion, from: number, to: number): void {
  const line = view.state.doc.lineAt(to);
  const rest = /^[a-z0-9-]*\}?/.exec(line.text.slice(to - line.from))?.[0] ?? '';
  view.dispatch({ ...insertCompletionText(view.state, completion.label, from, to + rest.length), annotations: pickedCompletion.of(completion) });
}

// The parties come first: every rule about who does what needs them.
const PARTY = /^\{(?:payer|provider)\}$/;

/** The completion extension; `options` is read on every `{`, so it always has the current vocabulary. */
export function placeholderCompletion(options: () => readonly PlaceholderOption[]): Extension {
  const source = (context: CompletionContext): CompletionResult | null => {
    const line = context.state.doc.lineAt(context.pos);
    const at = placeholderBefore(line.text.slice(0, context.pos - line.from));
    if (!at) return null;
    const completions = options().map((o): Completion => ({ label: o.label, detail: o.detail, info: o.info, ...(PARTY.test(o.label) ? { type: 'keyword', boost: 1 } : { type: 'variable' }), apply: insert }));
    return { from: line.from + at.from, options: completions, validFor: /^\{[a-z0-9-]*$/ };
  };
  return autocompletion({ override: [source], icons: false });
}
