import { ResolutionError } from '../errors.js';
import type { RevisionGraph } from './graph.js';
import { describeAll, type RevisionNames } from './revision-names.js';
import type { RevisionNode } from './types.js';

/** `<anchor>+N` / `<anchor>-N`; the digits cannot hold a sign, so `a-1-2` splits as `(a-1)-2`. */
const RELATIVE = /^(.*?)([+-])(\d+)$/;
/** `<label, id or prefix>@head`, `@heads` or `@base`. */
const BRANCH_SYMBOL = /^(.+)@(head|heads|base)$/;

type Sign = '+' | '-';

/**
 * Turns a revision specifier into the revisions it names, following Alembic:
 *
 * - `base` (before any revision: `[]`), `heads` (all heads), `head` (the only head);
 * - a full id, a unique id prefix of 4+ characters, or a branch label;
 * - `X@head` / `X@heads` / `X@base`: the head(s) above, or the base below, the revision `X` names;
 * - `X+N` / `X-N`: N steps toward the heads (through children) or the base (through parents),
 *   where X is any specifier naming at most one revision; `base+1` is the single base, and one
 *   step below a base is `base`.
 *
 * An exact id or label wins over the other readings, so a label such as `release-2` still works.
 */
export class SpecifierResolver<T extends RevisionNode> {
  constructor(
    private readonly graph: RevisionGraph<T>,
    private readonly names: RevisionNames<T>,
  ) {}

  resolve(spec: string): T[] {
    if (spec === '' || spec.includes(':')) throw notOneSpecifier(spec);
    if (spec === 'base') return [];
    if (spec === 'heads') return this.graph.heads();
    if (spec === 'head') return atMostOneHead(spec, this.graph.heads());
    const named = this.names.exact(spec);
    if (named) return [named];
    const relative = RELATIVE.exec(spec);
    if (relative) {
      const [, anchor = '', sign = '+', count = ''] = relative;
      return optional(this.step(spec, anchor, sign as Sign, Number(count)));
    }
    const branch = BRANCH_SYMBOL.exec(spec);
    if (branch) {
      const [, anchor = '', symbol = ''] = branch;
      return this.branchSymbol(spec, this.names.lookup(anchor), symbol);
    }
    if (spec.includes('@')) throw badBranchSymbol(spec);
    return [this.names.lookup(spec)];
  }

  /** The one revision `spec` names, `null` for `base`; MULTIPLE_HEADS if it names several. */
  resolveOne(spec: string): T | null {
    const revisions = this.resolve(spec);
    // Only the `heads` forms can name several revisions.
    if (revisions.length > 1) throw multipleHeads(spec, revisions);
    return revisions[0] ?? null;
  }

  private branchSymbol(spec: string, anchor: T, symbol: string): T[] {
    if (symbol === 'base') {
      const bases = this.graph.basesBelow(anchor.id);
      if (bases.length > 1) throw multipleBases(spec, bases);
      return bases;
    }
    const heads = this.graph.headsAbove(anchor.id);
    return symbol === 'heads' ? heads : atMostOneHead(spec, heads);
  }

  private step(spec: string, anchor: string, sign: Sign, count: number): T | null {
    if (anchor === '') throw noCurrentRevision(spec);
    if (anchor === 'heads' || anchor.endsWith('@heads')) throw notSteppable(spec, anchor);
    let current = this.resolveOne(anchor);
    for (let taken = 0; taken < count; taken++) {
      current = sign === '+' ? this.stepUp(spec, current, taken) : this.stepDown(spec, current, taken);
    }
    return current;
  }

  private stepUp(spec: string, current: T | null, taken: number): T {
    const next = current ? this.graph.children(current.id) : this.graph.bases();
    const [only, ...others] = next;
    if (!only) throw outOfRange(spec, taken, current ? `${current.id} is a head` : 'there are no revisions');
    if (others.length === 0) return only;
    throw current ? ambiguousStep(spec, current, next, 'children') : multipleBases(spec, next);
  }

  private stepDown(spec: string, current: T | null, taken: number): T | null {
    if (!current) throw outOfRange(spec, taken, 'base comes before every revision');
    const parents = this.graph.parents(current.id);
    if (parents.length > 1) throw ambiguousStep(spec, current, parents, 'parents');
    return parents[0] ?? null;
  }
}

/**
 * Splits `from:to` (see {@link RevisionGraph.parseRange}). A bare relative `+N` is left as is:
 * offline there is no current revision for it to count from, and resolving it says so.
 */
export function parseRange(range: string): { from: string; to: string } {
  const sides = range.split(':');
  if (sides.length > 2) {
    throw new ResolutionError('BAD_SPECIFIER', range, `"${range}" has more than one ":".`, 'Write a range as FROM:TO, e.g. `base:head` or `3f2a:+2`.');
  }
  const [left = '', right] = sides;
  if (right === undefined) return { from: 'base', to: left };
  const from = left === '' ? 'base' : left;
  if (right === '') return { from, to: 'heads' };
  return { from, to: /^[+-]\d+$/.test(right) ? from + right : right };
}

function optional<T>(revision: T | null): T[] {
  return revision ? [revision] : [];
}

function atMostOneHead<T extends RevisionNode>(spec: string, heads: T[]): T[] {
  if (heads.length > 1) throw multipleHeads(spec, heads);
  return heads;
}

function multipleHeads(spec: string, heads: readonly RevisionNode[]): ResolutionError {
  return new ResolutionError(
    'MULTIPLE_HEADS',
    spec,
    `"${spec}" names one revision, but there are ${heads.length} heads: ${describeAll(heads)}.`,
    'Name one head, use `heads`, `<label>@head`, or merge them with `sqlgen merge`.',
    heads.map((head) => head.id),
  );
}

function multipleBases(spec: string, bases: readonly RevisionNode[]): ResolutionError {
  return new ResolutionError(
    'MULTIPLE_BASES',
    spec,
    `"${spec}" needs a single base, but there are ${bases.length}: ${describeAll(bases)}.`,
    'Name the base revision you mean instead (its id or label).',
    bases.map((base) => base.id),
  );
}

const FORK = {
  children: { point: 'a branch point', hint: 'Name the branch to follow instead: one of the children by id, or `<label>@head`.' },
  parents: { point: 'a merge point', hint: 'Name the parent to follow instead, by id, and step down from it.' },
} as const;

function ambiguousStep(spec: string, from: RevisionNode, next: readonly RevisionNode[], kind: keyof typeof FORK): ResolutionError {
  return new ResolutionError(
    'AMBIGUOUS_STEP',
    spec,
    `"${spec}" is ambiguous: ${from.id} is ${FORK[kind].point} with ${kind} ${describeAll(next)}.`,
    FORK[kind].hint,
    next.map((revision) => revision.id),
  );
}

function outOfRange(spec: string, available: number, reason: string): ResolutionError {
  return new ResolutionError(
    'STEP_OUT_OF_RANGE',
    spec,
    `"${spec}" steps too far: only ${available} step(s) are available; ${reason}.`,
    `Use at most ${available} step(s), or name the revision you mean; \`sqlgen history\` lists them.`,
  );
}

function noCurrentRevision(spec: string): ResolutionError {
  return new ResolutionError(
    'BAD_SPECIFIER',
    spec,
    `"${spec}" is relative to the current database revision.`,
    'Offline there is no current database revision; write REV+N or FROM:+N.',
  );
}

function notSteppable(spec: string, anchor: string): ResolutionError {
  return new ResolutionError(
    'BAD_SPECIFIER',
    spec,
    `"${spec}" steps from "${anchor}", which names several revisions.`,
    'Step from one revision: `head-1`, `<label>@head-1` or `<id>+1`.',
  );
}

function notOneSpecifier(spec: string): ResolutionError {
  return new ResolutionError(
    'BAD_SPECIFIER',
    spec,
    spec === '' ? 'The revision specifier is empty.' : `"${spec}" is a range, where one revision is expected.`,
    'Name one revision: an id (4+ characters), a label, `head`, `heads`, `base`, `<label>@head` or `REV+N`.',
  );
}

function badBranchSymbol(spec: string): ResolutionError {
  return new ResolutionError(
    'BAD_SPECIFIER',
    spec,
    `"${spec}" is not a revision specifier: after "@" comes head, heads or base.`,
    'Write `<label>@head`, `<label>@heads` or `<label>@base`.',
  );
}
