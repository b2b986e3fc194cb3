/**
 * The rule format, defined once with zod. The JSON Schema editors use
 * (`schemas/rule.schema.json`) is generated from this file, so the two can never disagree.
 */
import * as z from 'zod';

/** How serious a finding is. */
export const Severity = z.enum(['high', 'medium', 'low']).describe('How serious the risk is for the provider.');
/** The text unit a rule looks at. */
export const RuleScope = z
  .enum(['clause', 'sentence', 'paragraph', 'section', 'document'])
  .describe('The unit every condition of `match` must hold in: a clause (a sentence up to a semicolon), a sentence, a paragraph (block), a section, or the whole document.');
/** presence: risky language is present; absence: protective language is missing. */
export const RuleKind = z
  .enum(['presence', 'absence'])
  .describe('presence: flag text that matches. absence: flag the document when nothing matches (protective language is missing).');

const DURATION_VALUE = /^\s*\d+(?:\.\d+)?\s+(?:(?:calendar|business|working)\s+)?(?:days?|weeks?|months?|years?)\s*$/i;
const Duration = z
  .string()
  .regex(DURATION_VALUE, { message: 'expected a duration like "90 days", "12 months", "45 business days" or "1 year"' })
  .describe('A duration: a number and a unit ("90 days", "12 months", "45 business days").');

function comparison<T extends z.ZodType>(value: T, what: string) {
  return z
    .strictObject({
      'less-than': value.optional(),
      'at-most': value.optional(),
      'more-than': value.optional(),
      'at-least': value.optional(),
    })
    .describe(`Holds when the unit contains ${what} meeting every bound given; with no bound, any ${what} will do.`);
}

/** Duration bounds; "at any time" and similar wording count as unlimited (more than any bound). */
export const DurationComparison = comparison(Duration, 'a duration');
const NumberComparison = (what: string) => comparison(z.number(), what);

const Strings = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

/** Who performs an act: the payer, the provider, both ("either party"), or an unnamed party (a redacted name, a passive with no agent). */
export const ActorRole = z.enum(['payer', 'provider', 'both', 'unnamed']);
const Who = z
  .union([ActorRole, z.array(ActorRole).min(1)])
  .describe('Who must perform the act of `does`: payer, provider, both (either party / each party), unnamed (a redacted name or a passive without "by ..."), or a list of these.');

/** Where else a condition may hold: the sentence right after the unit (an act's consequence, said next). */
export const Reach = z.enum(['next-sentence']);
/** Where else a condition may hold. */
export type Reach = z.output<typeof Reach>;

/** Where a scoped `not` reads its condition: the conjunct or the clause of the act of its `all`. */
export const NotScope = z.enum(['conjunct', 'clause']);
/** Where a scoped `not` reads its condition. */
export type NotScope = z.output<typeof NotScope>;

const PRIMARY_KEYS = ['phrase', 'pattern', 'does', 'duration', 'percent', 'money', 'year', 'any', 'all', 'not'] as const;

/** A condition: exactly one of phrase, pattern, a number test, or a combinator. */
export interface ConditionInput {
  phrase?: string | string[];
  pattern?: string | string[];
  does?: string | string[];
  who?: z.input<typeof Who>;
  duration?: z.input<typeof DurationComparison>;
  percent?: Record<string, number | undefined>;
  money?: Record<string, number | undefined>;
  year?: Record<string, number | undefined>;
  any?: ConditionInput[];
  all?: ConditionInput[];
  not?: ConditionInput;
  within?: number;
  /** With `all`: its number tests count only numbers in the conjunct of its `does` act. */
  'numbers-of-act'?: boolean;
  /** With `not`: read the negated condition only in the conjunct or clause of the act beside it. */
  'not-in'?: NotScope;
  /** Also read the condition in the sentence right after the unit, in the same paragraph. */
  reach?: Reach;
  /** Plain words for what the condition looks for, used when reports say what was found and what is missing. */
  describe?: string;
}

/** The recursive condition schema. */
export const Condition: z.ZodType<ConditionInput> = z
  .strictObject({
    phrase: Strings.optional().describe('Words to find, case-insensitive, whole words. Content words also match their inflections (terminate, terminated, termination; `=word` matches as written); an article may stand between two words; `...` allows up to six words; `{payer}`/`{provider}` stand for the party terms and `{class}` for any entry of that vocabulary class.'),
    does: Strings.optional().describe('An act, written as a phrase ("{terminate} ... agreement"), that holds only when `who` performs it: actively ("Plan may terminate"), passively ("may be terminated by Plan"), by deciding ("at Plan\'s option"), or as the actor of an earlier sentence of the paragraph; an act its own clause negates ("may not") does not hold.'),
    who: Who.optional(),
    pattern: Strings.optional().describe('An RE2 regular expression (no lookaround, no backreferences), case-insensitive. Single-quote it in YAML.'),
    duration: DurationComparison.optional(),
    percent: NumberComparison('a percentage').optional(),
    money: NumberComparison('an amount of money (dollars)').optional(),
    year: NumberComparison('a calendar year (e.g. a Medicare fee schedule year)').optional(),
    get any() {
      return z.array(Condition).min(1).optional().describe('Holds when at least one of the conditions holds.');
    },
    get all() {
      return z.array(Condition).min(1).optional().describe('Holds when every condition holds in the same unit.');
    },
    get not() {
      return Condition.optional().describe('Holds when the condition does not.');
    },
    within: z.number().int().positive().optional().describe('With `all`: the matched conditions must lie within this many words of each other.'),
    'numbers-of-act': z
      .boolean()
      .optional()
      .describe('With `all`: its duration, percent, money and year tests count only numbers in the same conjunct as its `who`/`does` act ("acknowledge receipt within 15 days and pay claims within 30 days": only 30 days is the payment\'s).'),
    'not-in': NotScope.optional().describe(
      'With `not`: read the negated condition only around the `who`/`does` act of the same `all` (found by its other conditions), not in the whole unit: `conjunct` (the act\'s own predicate: "Plan may amend the manual and shall not reduce rates without consent" has no negation in the conjunct of "amend") or `clause` (the act\'s clause, up to semicolons). The `all` holds when some act has no such language around it; with no act beside it, the whole unit is read.',
    ),
    reach: Reach.optional().describe(
      'Also read this condition in the sentence right after the unit, in the same paragraph: "Plan may audit Provider\'s records. Any overpayment found may be recovered by offset." states the act and its consequence in two sentences. Only sentence- and clause-scope rules have a next sentence to read.',
    ),
    describe: z
      .string()
      .min(1)
      .optional()
      .describe('Plain words for what this condition looks for ("a payment deadline", "late-payment interest"): reports say which of these were found in the contract and which are missing.'),
  })
  .superRefine((value, ctx) => {
    const present = PRIMARY_KEYS.filter((key) => value[key] !== undefined);
    if (present.length !== 1) {
      ctx.addIssue({ code: 'custom', message: `a condition needs exactly one of ${PRIMARY_KEYS.join(', ')}${present.length ? ` (found ${present.join(', ')})` : ''}` });
    }
    if ((value.who === undefined) !== (value.does === undefined)) {
      ctx.addIssue({ code: 'custom', path: [value.who === undefined ? 'who' : 'does'], message: value.who === undefined ? '`does` needs `who` (payer, provider, both or unnamed)' : '`who` needs `does` (the act they perform)' });
    }
    if (value.within !== undefined && value.all === undefined) {
      ctx.addIssue({ code: 'custom', path: ['within'], message: '`within` only applies to `all`' });
    }
    if (value['not-in'] !== undefined && value.not === undefined) {
      ctx.addIssue({ code: 'custom', path: ['not-in'], message: '`not-in` only applies to `not`' });
    }
    if (value.reach !== undefined && value['not-in'] !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['reach'], message: '`reach` cannot be combined with `not-in`, which reads only around the act' });
    }
    if (value['numbers-of-act'] !== undefined && value.all === undefined) {
      ctx.addIssue({ code: 'custom', path: ['numbers-of-act'], message: '`numbers-of-act` only applies to `all`' });
    }
  })
  .meta({ id: 'condition', description: 'One test on the text of a unit.' });

const Example = z.union([
  z.string().min(1),
  z.strictObject({
    text: z.string().min(1),
    quote: z.string().min(1).optional().describe('flag examples: text the finding must quote (the finding\'s quote must contain it).'),
    note: z.string().optional(),
    parties: z
      .strictObject({ payer: z.array(z.string()).min(1).optional(), provider: z.array(z.string()).min(1).optional() })
      .optional()
      .describe('Party terms for this example (default: payer "Plan", provider "Provider"/"Group").'),
  }),
]);

/** A suggested change; `{payer}`/`{provider}` (terms), `{payer-name}`/`{provider-name}` and the contract's own terms (`{services}`, `{member}`, `{members}`, `{rate-schedule}`, `{product-list}`, `{initial-term}`, `{attachments}`: contract-terms.ts) are filled in per contract. */
export const RedlineSpec = z.strictObject({
  op: z.enum(['replace', 'insert', 'delete']),
  target: z
    .enum(['scope', 'match', 'number'])
    .optional()
    .describe('replace/delete: the whole unit (default), the matched words, or the first number the rule tested.'),
  at: z
    .enum(['end-of-scope', 'start-of-scope', 'end-of-section', 'end-of-document'])
    .optional()
    .describe('insert: where the text goes (default end-of-scope; absence rules: end of the preferred section).'),
  text: z.string().optional().describe('The preferred language (required for replace and insert).'),
  fallbacks: z.array(z.string().min(1)).optional().describe('Fallback positions, most protective first.'),
  note: z.string().optional().describe('Advice for the negotiator; not contract text.'),
  payerComment: z
    .string()
    .min(1)
    .max(400)
    .optional()
    .describe('The comment the payer reads beside this change in the payer copy: one or two neutral sentences that explain the requested change to the other side. Nothing internal (no risk level, strategy, fallback or rule id). May use {payer} and {provider}.'),
});

/** A rule file. */
export const RuleSpec = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'expected a kebab-case id like "audit-lookback-unlimited"' })
      // The id is part of the rule's file name and of its address in the review app.
      .max(100, { message: 'a rule id is at most 100 characters; shorten it' }),
    concept: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'expected a kebab-case concept id' }),
    title: z.string().min(1),
    severity: Severity,
    scope: RuleScope,
    kind: RuleKind,
    sections: z
      .strictObject({
        prefer: z.array(z.string().min(1)).optional().describe('Words of section titles where this language belongs (absence rules insert there).'),
        only: z.array(z.string().min(1)).optional().describe('Only look in sections whose title (or a parent title) has one of these words.'),
      })
      .optional(),
    when: Condition.optional().describe('absence: the rule applies only when this matches somewhere in the document.'),
    match: Condition,
    unless: z.array(Condition).min(1).optional().describe('presence: a unit is not flagged when any of these hold.'),
    'unless-scope': RuleScope.optional().describe('Where `unless` is tested (default: the rule scope), e.g. the paragraph around a sentence.'),
    acceptable: Condition.optional().describe('Language that shows the concept is handled acceptably (checklist evidence).'),
    message: z.string().min(1).describe('One line; may use {payer}, {provider}, {quote}.'),
    explanation: z.string().min(1).describe('Markdown: why this matters to the provider.'),
    references: z.array(z.union([z.string().min(1), z.strictObject({ title: z.string().min(1), url: z.string().optional() })])).optional(),
    redline: RedlineSpec.optional(),
    examples: z.strictObject({ flag: z.array(Example).optional(), pass: z.array(Example).optional() }).optional(),
  })
  .superRefine((rule, ctx) => {
    if (rule.redline && rule.redline.op !== 'delete' && !rule.redline.text) {
      ctx.addIssue({ code: 'custom', path: ['redline', 'text'], message: `a ${rule.redline.op} redline needs text` });
    }
    if (rule.kind === 'presence' && rule.when) {
      ctx.addIssue({ code: 'custom', path: ['when'], message: '`when` only applies to absence rules' });
    }
  })
  .meta({ title: 'Redliner rule', description: 'One rule of a Redliner ruleset (one rule per YAML file).' });

/** A validated rule file, as written. */
export type RuleSpec = z.output<typeof RuleSpec>;
/** A validated condition. */
export type Condition = ConditionInput;
/** How serious a finding is. */
export type Severity = z.output<typeof Severity>;
/** The text unit a rule looks at. */
export type RuleScope = z.output<typeof RuleScope>;
/** presence | absence. */
export type RuleKind = z.output<typeof RuleKind>;
/** A validated redline suggestion. */
export type RedlineSpec = z.output<typeof RedlineSpec>;
/** Who performs an act. */
export type ActorRole = z.output<typeof ActorRole>;
/** The comparison keys of a number test. */
export type Bounds<T> = { 'less-than'?: T; 'at-most'?: T; 'more-than'?: T; 'at-least'?: T };
