/** The settings both linters are run with: sqlgen's names for squawk's `--pg-version` and `--assume-in-transaction`. */
export interface SquawkSettings {
  postgresqlVersion: number;
  assumeInTransaction?: boolean;
}

/** The path of squawk's native binary, or undefined when squawk-cli is not installed. */
export function squawkBinary(): string | undefined;

/** squawk's command-line flags for `settings`, JSON report included. */
export function squawkFlags(settings: SquawkSettings): string[];

/** The names of the rules squawk reports for each script, in order; `syntax-error` when it cannot parse one. */
export function squawkRuleNames(scripts: readonly string[], settings: SquawkSettings): Promise<Set<string>[]>;
