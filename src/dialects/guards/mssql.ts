import { GUARD_PREFIX, NOTHING_CHANGED, guardText, rowList, type VersionGuardSyntax } from '../version-guard-syntax.js';
import { renderMssqlLiteral } from '../literals/mssql.js';

/**
 * SQL Server: one batch that reads the table under an exclusive table lock held to the end of
 * the transaction (a second script waits, then fails the check) and THROWs, which, unlike
 * RAISERROR, ends the batch; with XACT_ABORT ON the transaction rolls back.
 */
export const mssqlGuard: VersionGuardSyntax = {
  lock: () => [],
  createIfAbsent: (create, table) => `IF OBJECT_ID(${renderMssqlLiteral(table.quoted)}, N'U') IS NULL ${create}`,
  check: (table, expected) => {
    const rows = guardText(rowList(expected));
    return [
      [
        "DECLARE @sqlgen_found nvarchar(max) = N'no version table';",
        `IF OBJECT_ID(${renderMssqlLiteral(table.quoted)}, N'U') IS NOT NULL`,
        `  SELECT @sqlgen_found = COALESCE(STRING_AGG(${table.column}, N' ') WITHIN GROUP (ORDER BY ${table.column}), N'') FROM ${table.quoted} WITH (TABLOCKX, HOLDLOCK);`,
        `IF @sqlgen_found <> ${rows}`,
        'BEGIN',
        `  DECLARE @sqlgen_message nvarchar(2048) = CONCAT(${guardText(`${GUARD_PREFIX} expected version rows [`)}, ${rows}, N'], found [', @sqlgen_found, ${guardText(`]; ${NOTHING_CHANGED}`)});`,
        '  THROW 50000, @sqlgen_message, 1;',
        'END;',
      ].join('\n'),
    ];
  },
};
