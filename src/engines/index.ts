import type { DialectId } from '../dialects/dialect-id.js';
import type { EmbeddedEngine, EngineOptions } from './engine.js';
import { openPglite } from './pglite.js';
import { openSqlJs } from './sqljs.js';

/** Opens a fresh, empty database; `scripts` are what will run there (PGlite loads the extensions they create). */
export type EngineFactory = (options: EngineOptions, scripts: readonly string[]) => Promise<EmbeddedEngine>;

/** The embedded engine of each dialect; MySQL and SQL Server have none to embed. */
export const EMBEDDED_ENGINES = {
  postgresql: openPglite,
  sqlite: openSqlJs,
  mysql: undefined,
  mssql: undefined,
} satisfies Record<DialectId, EngineFactory | undefined>;

/** Why a dialect cannot be rehearsed, as the output, manifest and README say it. */
export const NO_EMBEDDED_ENGINE: Record<DialectId, string | undefined> = {
  postgresql: undefined,
  sqlite: undefined,
  mysql: 'no embedded MySQL engine',
  mssql: 'no embedded SQL Server engine',
};
