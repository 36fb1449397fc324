import { closest, distance } from 'fastest-levenshtein';
import { GraphError, ResolutionError } from '../errors.js';
import type { RevisionNode } from './types.js';

/** Shortest id prefix accepted, as in Alembic: shorter ones collide too easily to be safe. */
export const MIN_PREFIX = 4;

/** Specifier keywords; a label spelled like one could never be named. */
const RESERVED_LABELS = new Set(['base', 'head', 'heads']);
/** Characters with a meaning in specifiers (`label@head`, `a:b`) or that a shell splits on. */
const FORBIDDEN_IN_LABEL = /[@:\s]/;

/**
 * The names a user may write for one revision: its full id, a unique id prefix of at least
 * {@link MIN_PREFIX} characters, or one of its branch labels.
 *
 * @example
 * const names = RevisionNames.build(revisionsSortedById);
 * names.lookup('3f2a'); // the revision whose id starts with 3f2a, or a ResolutionError
 */
export class RevisionNames<T extends RevisionNode> {
  private constructor(
    /** Sorted by id, so candidate lists come out in a stable order. */
    private readonly revisions: readonly T[],
    private readonly byId: ReadonlyMap<string, T>,
    private readonly byLabel: ReadonlyMap<string, T>,
  ) {}

  /** Indexes revisions (unique ids, sorted by id); throws GraphError for a bad or reused label. */
  static build<T extends RevisionNode>(revisions: readonly T[]): RevisionNames<T> {
    const byId = new Map(revisions.map((revision) => [revision.id, revision]));
    const byLabel = new Map<string, T>();
    for (const revision of revisions) {
      for (const label of revision.branchLabels) {
        checkLabel(revision, label, byId, byLabel);
        byLabel.set(label, revision);
      }
    }
    return new RevisionNames(revisions, byId, byLabel);
  }

  /** The revision with this exact id or branch label. */
  exact(name: string): T | undefined {
    return this.byId.get(name) ?? this.byLabel.get(name);
  }

  /** An exact id or label, else a unique id prefix; throws ResolutionError otherwise. */
  lookup(name: string): T {
    const exact = this.exact(name);
    if (exact) return exact;
    const [only, ...others] = this.withPrefix(name);
    if (!only) throw this.unknown(name);
    if (name.length < MIN_PREFIX) throw prefixTooShort(name, [only, ...others]);
    if (others.length > 0) throw ambiguousPrefix(name, [only, ...others]);
    return only;
  }

  /** The revision a mistyped name probably meant: a label's owner, a unique prefix, or a near id/label. */
  suggest(name: string): T | undefined {
    const labelled = this.byLabel.get(name);
    if (labelled) return labelled;
    const [only, ...others] = name.length >= MIN_PREFIX ? this.withPrefix(name) : [];
    if (only && others.length === 0) return only;
    const known = [...this.byId.keys(), ...this.byLabel.keys()];
    if (known.length === 0) return undefined;
    const nearest = closest(name, known);
    return distance(name, nearest) <= Math.max(1, Math.floor(name.length / 3)) ? this.exact(nearest) : undefined;
  }

  /** UNKNOWN_REVISION for `name`, with a "did you mean" where a close name exists. */
  unknown(name: string): ResolutionError {
    const meant = this.suggest(name);
    const hint = 'Run `sqlgen history` to list the revisions and their labels.' + (meant ? ` Did you mean ${describe(meant)}?` : '');
    return new ResolutionError('UNKNOWN_REVISION', name, `No revision or branch label "${name}".`, hint, meant ? [meant.id] : []);
  }

  private withPrefix(prefix: string): T[] {
    return this.revisions.filter((revision) => revision.id.startsWith(prefix));
  }
}

/** `id (message)`, how a revision is shown in messages and candidate lists. */
export function describe(revision: RevisionNode): string {
  return revision.message ? `${revision.id} (${revision.message})` : revision.id;
}

export function describeAll(revisions: readonly RevisionNode[]): string {
  return revisions.map(describe).join(', ');
}

function checkLabel<T extends RevisionNode>(revision: T, label: string, byId: ReadonlyMap<string, T>, byLabel: ReadonlyMap<string, T>): void {
  const where = `revision ${revision.id} (${revision.file})`;
  if (label === '' || RESERVED_LABELS.has(label) || FORBIDDEN_IN_LABEL.test(label)) {
    throw new GraphError(
      'BAD_LABEL',
      `Branch label "${label}" of ${where} cannot be used in a specifier.`,
      `Rename the label in ${revision.file}: not empty, not base/head/heads, and without "@", ":" or spaces.`,
      [revision.id],
      { file: revision.file },
    );
  }
  const owner = byLabel.get(label) ?? byId.get(label);
  if (owner && owner !== revision) {
    const ownership = byLabel.has(label) ? 'also a branch label of' : 'the id of';
    throw new GraphError(
      'DUPLICATE_LABEL',
      `Branch label "${label}" of ${where} is ${ownership} revision ${owner.id} (${owner.file}).`,
      `A label names one branch: rename or remove "${label}" in ${revision.file} or ${owner.file}.`,
      [owner.id, revision.id],
      { file: revision.file },
    );
  }
}

function prefixTooShort(prefix: string, matches: readonly RevisionNode[]): ResolutionError {
  return new ResolutionError(
    'BAD_SPECIFIER',
    prefix,
    `"${prefix}" is too short to name a revision (it matches ${describeAll(matches)}).`,
    `Use at least ${MIN_PREFIX} characters of the revision id.`,
    matches.map((match) => match.id),
  );
}

function ambiguousPrefix(prefix: string, matches: readonly RevisionNode[]): ResolutionError {
  return new ResolutionError(
    'AMBIGUOUS_REVISION',
    prefix,
    `"${prefix}" matches several revisions: ${describeAll(matches)}.`,
    'Use more characters of the revision id, or its full id.',
    matches.map((match) => match.id),
  );
}
