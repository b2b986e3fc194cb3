/**
 * Turns zod validation issues into located RuleErrors with stable codes and messages a rule
 * author can act on ("unknown key \"sevrity\" (did you mean \"severity\"?)").
 */
import type { Document, LineCounter } from 'yaml';
import type * as z from 'zod';
import type { RuleError, RuleErrorCode } from '../errors.ts';
import { positionOf } from './yaml-positions.ts';

type Path = ReadonlyArray<PropertyKey>;

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function typeName(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `${typeof value} ${String(value)}`;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row[j]!;
      row[j] = next;
    }
  }
  return row[b.length]!;
}

function suggestion(key: string, allowed: readonly string[]): string {
  const best = allowed.map((k) => ({ k, d: distance(key, k) })).sort((a, b) => a.d - b.d)[0];
  return best && best.d <= 2 ? ` (did you mean "${best.k}"?)` : '';
}

function pathText(path: Path): string {
  return path.length ? path.map(String).join('.') : 'the rule';
}

/** Allowed keys of the object schema at `path`, when the caller can tell (for suggestions). */
export type KeysAt = (path: Path) => readonly string[];

/** Locate and classify every zod issue. */
export function schemaIssuesToErrors(
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  doc: Document,
  lineCounter: LineCounter,
  file: string,
  keysAt: KeysAt,
): RuleError[] {
  const errors: RuleError[] = [];
  const at = (code: RuleErrorCode, path: Path, message: string, key?: string) => {
    const { line, col } = positionOf(doc, lineCounter, path as Array<string | number>, key);
    errors.push({ code, file, line, col, message });
  };
  const unknownKeyPaths = new Set<string>();
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      unknownKeyPaths.add(issue.path.map(String).join('.'));
      for (const key of issue.keys) {
        at('RULE_UNKNOWN_KEY', issue.path, `unknown key "${key}" in ${pathText(issue.path)}${suggestion(key, keysAt(issue.path))}`, key);
      }
    }
  }
  for (const issue of issues) {
    const path = issue.path;
    const actual = valueAt(data, path);
    switch (issue.code) {
      case 'unrecognized_keys':
        break;
      case 'invalid_type':
        if (actual === undefined) {
          at('RULE_MISSING_KEY', path.slice(0, -1), `missing required key "${String(path[path.length - 1])}" in ${pathText(path.slice(0, -1))}`);
        } else {
          const hint = path.includes('duration') ? ' (write the unit too, e.g. "90 days")' : '';
          at('RULE_WRONG_TYPE', path, `${pathText(path)} should be ${issue.expected === 'object' ? 'a mapping' : issue.expected}, not ${typeName(actual)}${hint}`);
        }
        break;
      case 'invalid_union': {
        const expected = issue.errors.flat().filter((e) => e.code === 'invalid_type').map((e) => (e as { expected: string }).expected);
        if (expected.length === issue.errors.flat().length) {
          at('RULE_WRONG_TYPE', path, `${pathText(path)} should be ${[...new Set(expected)].join(' or ')}, not ${typeName(actual)}`);
        } else {
          const inner = issue.errors.flat().find((e) => e.code !== 'invalid_type');
          at('RULE_BAD_VALUE', [...path, ...(inner?.path ?? [])], `${pathText(path)}: ${inner?.message ?? issue.message}`);
        }
        break;
      }
      case 'custom':
        // "needs exactly one of" is noise when the real problem is a misspelt key in the same condition.
        if (unknownKeyPaths.has(path.map(String).join('.'))) break;
        at('RULE_BAD_VALUE', path, `${pathText(path)}: ${issue.message}`);
        break;
      case 'invalid_value':
        at('RULE_BAD_VALUE', path, `${pathText(path)} is ${typeName(actual)}; expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`);
        break;
      default:
        at('RULE_BAD_VALUE', path, `${pathText(path)}: ${issue.message}`);
    }
  }
  return errors.sort((a, b) => a.line - b.line || a.col - b.col);
}
