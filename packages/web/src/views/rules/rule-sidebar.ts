/** The rule editor's left column: which ruleset, a search box, the rules by concept, and "new rule". */
import { clear, h } from '../../dom/h.ts';
import { SEVERITY_LABEL } from '../../model/review.ts';
import { filterRules, groupRules } from '../../model/rule-list.ts';
import { rulesetOption } from '../../model/rulesets.ts';
import type { RuleCatalog, RulesetInfo } from '../../rules-api.ts';

/** What the sidebar shows and where its links go. */
export interface SidebarOptions {
  rulesets: RulesetInfo[];
  catalog: RuleCatalog;
  currentRuleId: string | undefined;
  rulePath: (rulesetId: string, ruleId: string) => string;
  navigate: (path: string) => void;
}

/** A readable concept name: the manifest's title, else the id in words. */
export function conceptTitle(catalog: RuleCatalog, concept: string): string {
  return catalog.concepts.find((c) => c.id === concept)?.title ?? concept.replaceAll('-', ' ');
}

/** Build the sidebar. */
export function ruleSidebar(options: SidebarOptions): HTMLElement {
  const { rulesets, catalog, currentRuleId } = options;
  const list = h('nav', { class: 'rule-list', 'aria-label': 'Rules' });
  const search = h('input', { type: 'search', id: 'rule-search', placeholder: 'Find a rule', autocomplete: 'off' });

  function renderList(): void {
    clear(list);
    const groups = groupRules(filterRules(catalog.rules, search.value), catalog.concepts.map((c) => c.id));
    if (groups.length === 0) list.append(h('p', { class: 'muted' }, 'No rule matches.'));
    for (const group of groups) {
      list.append(
        h('h3', { class: 'rule-group' }, group.concept ? conceptTitle(catalog, group.concept) : 'Rules with errors'),
        h(
          'ul',
          {},
          group.rules.map((rule) =>
            h(
              'li',
              {},
              h(
                'a',
                { href: options.rulePath(catalog.ruleset, rule.id), 'data-nav': '', class: [rule.id === currentRuleId ? 'current' : '', rule.disabled ? 'off' : ''].join(' ').trim() || null, 'aria-current': rule.id === currentRuleId ? 'page' : null },
                rule.severity ? h('span', { class: `dot sev-${rule.severity}`, title: SEVERITY_LABEL[rule.severity] }) : null,
                h(
                  'span',
                  { class: 'rule-name' },
                  rule.title ?? rule.id,
                  rule.origin === 'user' ? h('span', { class: 'badge yours' }, rule.replacesBundled ? 'Your version' : 'Yours') : null,
                  rule.disabled ? h('span', { class: 'badge off' }, 'Off') : null,
                  rule.errorCount > 0 ? h('span', { class: 'badge has-errors' }, 'Errors') : null,
                ),
              ),
            ),
          ),
        ),
      );
    }
  }
  search.addEventListener('input', renderList);
  renderList();

  const picker =
    rulesets.length > 1
      ? h(
          'div',
          { class: 'field' },
          h('label', { for: 'ruleset-picker' }, 'Ruleset'),
          h(
            'select',
            {
              id: 'ruleset-picker',
              onchange: (event: Event) => options.navigate(`/rules/${encodeURIComponent((event.target as HTMLSelectElement).value)}`),
            },
            rulesets.map((r) => h('option', { value: r.id, selected: r.id === catalog.ruleset }, rulesetOption(r))),
          ),
        )
      : null;

  const concept = h('select', { id: 'new-rule-concept' }, catalog.concepts.map((c) => h('option', { value: c.id }, c.title ?? c.id)));
  const start = h('button', { type: 'button', class: 'button secondary' }, 'Start a new rule');
  start.addEventListener('click', () => options.navigate(`${options.rulePath(catalog.ruleset, 'new')}?concept=${encodeURIComponent(concept.value)}`));

  return h(
    'aside',
    { class: 'rules-sidebar' },
    picker,
    h('div', { class: 'field' }, h('label', { for: 'rule-search', class: 'visually-hidden' }, 'Find a rule'), search),
    list,
    h('details', { class: 'new-rule' }, h('summary', {}, 'New rule…'), h('label', { for: 'new-rule-concept' }, 'Concept'), concept, start),
  );
}
