import { ConfigError } from '../errors.js';
import type { DialectId } from '../dialects/dialect-id.js';

/** Backend names seen in database URLs (SQLAlchemy style `backend+driver://`), by dialect. */
const BACKENDS: Record<string, DialectId> = {
  postgresql: 'postgresql',
  postgres: 'postgresql',
  pg: 'postgresql',
  mysql: 'mysql',
  mariadb: 'mysql',
  sqlite: 'sqlite',
  sqlite3: 'sqlite',
  mssql: 'mssql',
  sqlserver: 'mssql',
};

/**
 * Infers the dialect from a database URL, as Alembic's offline mode reads `sqlalchemy.url`.
 * Only the scheme is ever looked at or echoed: the rest may hold credentials.
 */
export function dialectFromUrl(url: string, origin: string): DialectId {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
  if (!scheme) {
    throw new ConfigError(
      `${origin}: the database URL has no scheme (the URL itself is not shown, it may hold credentials)`,
      'write it as backend[+driver]://..., e.g. postgresql+asyncpg://host/db, or set "dialect" instead',
    );
  }
  const backend = scheme.split('+')[0] ?? scheme;
  const dialect = BACKENDS[backend];
  if (!dialect) {
    throw new ConfigError(
      `${origin}: cannot infer a dialect from a URL with scheme "${scheme}"`,
      `known backends: ${Object.keys(BACKENDS).join(', ')}; or set "dialect" explicitly`,
    );
  }
  return dialect;
}
