/**
 * The key-terms definition format, defined once with zod (the JSON Schema in
 * `schemas/key-terms.schema.json` is generated from it). A key-terms file lists fields; each
 * says where the term is stated, in the rule language (`match`, `sections`, `scope`), and what
 * to read there (`read`: a duration, a percentage, a date, yes/no, text, the parties, a rate or a
 * list of named items such as product lines).
 */
import * as z from 'zod';
import { Condition, RuleScope } from '../load/rule-schema.ts';

/** What a field reads from the clause that states it. */
export const TermRead = z
  .enum(['duration', 'percent', 'money', 'date', 'yes-no', 'text', 'parties', 'rate', 'list'])
  .describe(
    'What to read: duration (normalized to days), percent, money (dollars), date (ISO yyyy-mm-dd), yes-no (true when `yes` holds in the clause), text (the words `value` captures, or the clause), parties (the payer and provider names the parser found), rate (percent of a fee schedule, its year, and whether a "lesser of billed charges" applies), list (which of the `items` the clause names, or the attachment, exhibit or schedule it points to lists).',
  );

/** One item a `read: list` field can name ("Medicaid" and the words that mean it). */
export const TermListItem = z.strictObject({
  name: z.string().min(1).describe('The item as the value shows it ("Medicare Advantage").'),
  match: Condition.describe('The words that name the item (the rule condition language).'),
});

/** One key term. */
export const TermField = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'expected a kebab-case id like "non-renewal-notice"' })
      .max(100),
    title: z.string().min(1).describe('The name counsel reads in the Key terms panel ("Non-renewal notice").'),
    help: z.string().min(1).optional().describe('One line on what the field holds, shown beside the value.'),
    read: TermRead,
    scope: RuleScope.default('sentence').describe('The unit `match` must hold in; the quote is that unit (default sentence).'),
    sections: z
      .strictObject({
        prefer: z.array(z.string().min(1)).optional().describe('Section-title words where the term is usually stated: a match there wins over one elsewhere.'),
        only: z.array(z.string().min(1)).optional().describe('Only read sections whose title (or a parent title) has one of these words.'),
      })
      .optional(),
    match: Condition.optional().describe('Where the term is stated (the rule condition language). Not needed for `read: parties`.'),
    unless: z.array(Condition).min(1).optional().describe('A unit where any of these hold does not state the term (a look-alike).'),
    unlimited: z.boolean().default(false).describe('duration: "at any time", "regardless of the date" count as a value ("no limit"), for lookbacks; otherwise they are skipped (a notice given "at any time" is not a notice period).'),
    near: Condition.optional().describe('When the clause holds several values of the kind, take the one nearest to these words (default: nearest to any matched words).'),
    yes: Condition.optional().describe('yes-no: the value is yes when this holds in the stating clause, otherwise no.'),
    value: z
      .string()
      .min(1)
      .optional()
      .describe('text: an RE2 pattern (case-insensitive) with a group named value, `(?P<value>...)`, whose words are the value; without it the value is the quote.'),
    items: z
      .array(TermListItem)
      .min(1)
      .optional()
      .describe('list: the items to look for, in the clause and in the attachment, exhibit or schedule it points to ("designated on the Provider Networks Attachment"); the value lists those found, in the order the contract names them.'),
  })
  .superRefine((field, ctx) => {
    if (field.read !== 'parties' && !field.match) ctx.addIssue({ code: 'custom', path: ['match'], message: `a "${field.read}" field needs \`match\` (where the term is stated)` });
    if (field.read === 'yes-no' && !field.yes) ctx.addIssue({ code: 'custom', path: ['yes'], message: 'a yes-no field needs `yes` (what makes the answer yes)' });
    if (field.yes && field.read !== 'yes-no') ctx.addIssue({ code: 'custom', path: ['yes'], message: '`yes` only applies to `read: yes-no`' });
    if (field.unlimited && field.read !== 'duration') ctx.addIssue({ code: 'custom', path: ['unlimited'], message: '`unlimited` only applies to `read: duration`' });
    if (field.value && field.read !== 'text') ctx.addIssue({ code: 'custom', path: ['value'], message: '`value` only applies to `read: text`' });
    if (field.read === 'list' && !field.items) ctx.addIssue({ code: 'custom', path: ['items'], message: 'a list field needs `items` (the names to look for and the words for each)' });
    if (field.items && field.read !== 'list') ctx.addIssue({ code: 'custom', path: ['items'], message: '`items` only applies to `read: list`' });
  });

/** A key-terms file: a version and its fields. */
export const KeyTermsSpec = z
  .strictObject({
    version: z.union([z.string().min(1), z.number()]).describe('The version of these definitions; reports carry it so a stored result says which definitions produced it.'),
    fields: z.array(TermField).min(1),
  })
  .meta({ title: 'Redliner key terms', description: 'Key-term fields of a ruleset (files in the ruleset folder\'s terms/ subfolder).' });

/** A validated field, as written. */
export type TermFieldSpec = z.output<typeof TermField>;
/** What a field reads. */
export type TermReadKind = z.output<typeof TermRead>;
/** A validated key-terms file. */
export type KeyTermsFileSpec = z.output<typeof KeyTermsSpec>;

/** The file around the fields, for loading: each field is then checked on its own, so one bad field never hides the others. */
export const KeyTermsEnvelope = z.strictObject({ version: KeyTermsSpec.shape.version, fields: z.array(z.unknown()).min(1) });
