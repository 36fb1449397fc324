/** The SQL dialects sqlgen renders. `mysql` means MySQL 8 and MariaDB 10.5+. */
export const DIALECT_IDS = ['postgresql', 'mysql', 'sqlite', 'mssql'] as const;
export type DialectId = (typeof DIALECT_IDS)[number];

export function isDialectId(value: string): value is DialectId {
  return (DIALECT_IDS as readonly string[]).includes(value);
}
