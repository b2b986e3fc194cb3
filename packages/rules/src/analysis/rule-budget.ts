/**
 * A time budget per rule. RE2 keeps every pattern linear, but linear can still be slow: five
 * nested bounded repeats make one pattern cost seconds per page. Rather than pin an analysis
 * thread for minutes, a rule that spends more than its budget on one document stops the
 * analysis with `RuleTooSlowError`, which names the rule and says where it is written.
 *
 * Time is counted where a rule's work happens: running its patterns over the paragraphs
 * (charged to the first rule using the pattern) and evaluating its conditions unit by unit.
 * The clock is the wall clock, cheap enough to read around every pattern; but on a machine
 * busy with other work a rule's wall time grows with no fault of the rule's, so before a rule
 * is stopped its time is scaled by the share of the wall time this process actually ran
 * (its CPU time over wall time since the analysis began).
 *
 * A pause of the whole process (a major garbage collection, the machine swapping) lands in
 * whatever rule happens to be running and is CPU time too. A rule's cost is spread over its
 * patterns and units, a pause comes in one piece: so the first time a rule runs past its budget
 * and one single interval holds more than half of its time, that interval is taken for a pause
 * and not counted. A rule that is slow by itself crosses the budget again and is stopped then.
 */
import type { CompiledRule, ConditionNode, Ruleset } from '../compiled-types.ts';
import type { RuleError } from '../errors.ts';

/** How analysis is bounded; both have defaults, tests inject them. */
export interface AnalyzeOptions {
  /** Milliseconds one rule may spend on the document (default: `defaultRuleBudgetMs`). */
  ruleBudgetMs?: number;
  /** The clock, in milliseconds. */
  now?: () => number;
  /**
   * The process's CPU time, in milliseconds (default: `process.cpuUsage()`, unless `now` is
   * injected, when time is taken as the wall clock says).
   */
  cpuNow?: () => number;
}

/** This process's CPU time (user and system), in milliseconds. */
export function processCpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

/**
 * Two seconds, plus 4 ms per 1,000 characters: the whole bundled ruleset takes about 6 ms per
 * 1,000 characters, so a single rule needing more than this is far outside what rules need.
 */
export function defaultRuleBudgetMs(textLength: number): number {
  return 2000 + Math.ceil(textLength / 1000) * 4;
}

/** Analysis stopped because one rule ran past its budget. */
export class RuleTooSlowError extends Error {
  override readonly name = 'RuleTooSlowError';
  readonly code = 'RULE_TOO_SLOW';
  constructor(readonly ruleError: RuleError) {
    super(`${ruleError.file}:${ruleError.line}:${ruleError.col} ${ruleError.message}`);
  }
}

function leavesOf(node: ConditionNode | undefined, out: Set<number>): void {
  if (!node) return;
  if (node.type === 'leaf' || node.type === 'act') out.add(node.leaf);
  else if (node.type === 'not' || node.type === 'reach') leavesOf(node.child, out);
  else if (node.type === 'any' || node.type === 'all') for (const child of node.children) leavesOf(child, out);
}

/** Counts each rule's time against its budget. */
export class RuleClock {
  private readonly now: () => number;
  private readonly budget: number;
  private readonly ownerOf: Array<CompiledRule | undefined>;
  /** Time spent so far on each rule's patterns (all of them together count against one budget). */
  private readonly spent = new Map<CompiledRule, number>();
  /** The longest single interval charged to each rule, until a pause has been forgiven it. */
  private readonly longest = new Map<CompiledRule, number>();
  private readonly forgiven = new Set<CompiledRule>();
  private current: { rule: CompiledRule; start: number; lastRead: number } | undefined;
  private ticks = 0;
  private readonly cpuNow: (() => number) | undefined;
  private readonly began: { wall: number; cpu: number };

  constructor(ruleset: Ruleset, textLength: number, options: AnalyzeOptions = {}) {
    this.now = options.now ?? (() => performance.now());
    this.cpuNow = options.cpuNow ?? (options.now ? undefined : processCpuMs);
    this.began = { wall: this.now(), cpu: this.cpuNow?.() ?? 0 };
    this.budget = options.ruleBudgetMs ?? defaultRuleBudgetMs(textLength);
    this.ownerOf = new Array<CompiledRule | undefined>(ruleset.leaves.length);
    for (const rule of ruleset.rules) {
      const leaves = new Set<number>();
      for (const node of [rule.match, rule.when, rule.acceptable, ...rule.unless]) leavesOf(node, leaves);
      for (const leaf of leaves) this.ownerOf[leaf] ??= rule;
    }
  }

  /** Run `work` (one pattern over one paragraph) and charge its time to the rule using `leaf`. */
  timeLeaf<T>(leaf: number, work: () => T): T {
    const start = this.now();
    const result = work();
    const rule = this.ownerOf[leaf];
    if (!rule) return result;
    const took = this.now() - start;
    this.noteInterval(rule, took);
    let spent = (this.spent.get(rule) ?? 0) + took;
    if (spent > this.budget) spent -= this.pauseIn(rule, spent);
    this.spent.set(rule, spent);
    if (spent > this.budget && this.running(spent) > this.budget) throw this.tooSlow(rule, 'finding its patterns');
    return result;
  }

  /** Start counting `rule`'s condition work. */
  startRule(rule: CompiledRule): void {
    // Its patterns' time counts too: the rule has what is left of its budget.
    const now = this.now();
    this.current = { rule, start: now - (this.spent.get(rule) ?? 0), lastRead: now };
    this.ticks = 0;
  }

  /** Called once per unit a rule looks at; reads the clock every 16 calls. */
  tick(): void {
    if (!this.current || ++this.ticks % 16 !== 0) return;
    this.check();
  }

  /** Throw if the current rule is over its budget. */
  check(): void {
    const current = this.current;
    if (!current) return;
    const now = this.now();
    this.noteInterval(current.rule, now - current.lastRead);
    current.lastRead = now;
    let spent = now - current.start;
    if (spent > this.budget) {
      const pause = this.pauseIn(current.rule, spent);
      current.start += pause;
      spent -= pause;
    }
    if (spent > this.budget && this.running(spent) > this.budget) throw this.tooSlow(current.rule, 'checking its conditions');
  }

  private noteInterval(rule: CompiledRule, ms: number): void {
    if (this.forgiven.has(rule)) return;
    if (ms > (this.longest.get(rule) ?? 0)) this.longest.set(rule, ms);
  }

  /**
   * The time to take off a rule that is over its budget for the first time: its longest single
   * interval, when that holds more than half of `spent` (a pause, not the rule's work); else 0.
   */
  private pauseIn(rule: CompiledRule, spent: number): number {
    if (this.forgiven.has(rule)) return 0;
    this.forgiven.add(rule);
    const longest = this.longest.get(rule) ?? 0;
    return longest * 2 > spent ? longest : 0;
  }

  /**
   * `wallMs` scaled by the share of wall time the process ran since the analysis began. Read
   * only once a rule is over its budget, so the CPU clock costs nothing on the way.
   */
  private running(wallMs: number): number {
    if (!this.cpuNow) return wallMs;
    const wall = this.now() - this.began.wall;
    const cpu = this.cpuNow() - this.began.cpu;
    return wall > 0 ? wallMs * Math.min(1, cpu / wall) : wallMs;
  }

  private tooSlow(rule: CompiledRule, doing: string): RuleTooSlowError {
    const seconds = Math.round(this.budget / 100) / 10;
    return new RuleTooSlowError({
      code: 'RULE_TOO_SLOW',
      file: rule.file,
      line: rule.line,
      col: 1,
      ruleId: rule.id,
      message: `rule "${rule.id}" took more than ${seconds} s ${doing} in this document, so the analysis was stopped. Simplify its patterns (nested repeats such as "(?:(?:\\w+\\W+){0,100}){10}" are slow; use \`within:\` for nearby words), or turn the rule off.`,
    });
  }
}
