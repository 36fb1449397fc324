/**
 * Every lint rule, by id. A rule is one file beside this one; test/lint/registry.test.ts fails
 * when a rule file is not listed here, or a listed rule has no doc page or test.
 */
import type { Rule } from '../types.js';
import { banAddColumnVolatileDefault } from './ban-add-column-volatile-default.js';
import { banAddEnumValueWithoutPosition } from './ban-add-enum-value-without-position.js';
import { banAddForeignKeyWithChecks } from './ban-add-foreign-key-with-checks.js';
import { banAddNotNullColumnRewrite } from './ban-add-not-null-column-rewrite.js';
import { banAddNotNullColumnWithoutDefault } from './ban-add-not-null-column-without-default.js';
import { banAddStoredGeneratedColumn } from './ban-add-stored-generated-column.js';
import { banAlterAlgorithmCopy } from './ban-alter-algorithm-copy.js';
import { banAlterEnumValue } from './ban-alter-enum-value.js';
import { banCharField } from './ban-char-field.js';
import { banCluster } from './ban-cluster.js';
import { banColumnTypeChange } from './ban-column-type-change.js';
import { banConcurrentIndexCreationInTransaction } from './ban-concurrent-index-creation-in-transaction.js';
import { banDdlInTransaction } from './ban-ddl-in-transaction.js';
import { banDomainConstraint } from './ban-domain-constraint.js';
import { banDropColumn } from './ban-drop-column.js';
import { banDropDatabase } from './ban-drop-database.js';
import { banDropForeignKey } from './ban-drop-foreign-key.js';
import { banDropNotNull } from './ban-drop-not-null.js';
import { banDropSchema } from './ban-drop-schema.js';
import { banDropTable } from './ban-drop-table.js';
import { banDuplicateColumnAssignment } from './ban-duplicate-column-assignment.js';
import { banInlineReferences } from './ban-inline-references.js';
import { banLongIdentifier } from './ban-long-identifier.js';
import { banNocheckConstraint } from './ban-nocheck-constraint.js';
import { banNonTransactionalStatementInTransaction } from './ban-non-transactional-statement-in-transaction.js';
import { banRenameColumn } from './ban-rename-column.js';
import { banRenameTable } from './ban-rename-table.js';
import { banSetNotNull } from './ban-set-not-null.js';
import { banTransactionNesting } from './ban-transaction-nesting.js';
import { banTruncateCascade } from './ban-truncate-cascade.js';
import { banUncommittedTransaction } from './ban-uncommitted-transaction.js';
import { banVacuumFull } from './ban-vacuum-full.js';
import { preferBigintOverInt } from './prefer-bigint-over-int.js';
import { preferBigintOverSmallint } from './prefer-bigint-over-smallint.js';
import { preferConstraintUsingIndex } from './prefer-constraint-using-index.js';
import { preferIdentity } from './prefer-identity.js';
import { preferRobustStatements } from './prefer-robust-statements.js';
import { preferTextField } from './prefer-text-field.js';
import { preferTimestamptz } from './prefer-timestamptz.js';
import { preferUtf8mb4 } from './prefer-utf8mb4.js';
import { requireConcurrentIndexCreation } from './require-concurrent-index-creation.js';
import { requireConcurrentIndexDeletion } from './require-concurrent-index-deletion.js';
import { requireConcurrentPartitionDetach } from './require-concurrent-partition-detach.js';
import { requireConcurrentReindex } from './require-concurrent-reindex.js';
import { requireLockTimeout } from './require-lock-timeout.js';
import { requireNotValidConstraint } from './require-not-valid-constraint.js';
import { requireOnlineIndexOperation } from './require-online-index-operation.js';
import { requireRebuildRestoresDependents } from './require-rebuild-restores-dependents.js';
import { requireStatementTimeout } from './require-statement-timeout.js';
import { requireWhereInUpdateDelete } from './require-where-in-update-delete.js';

export const RULES = {
  'ban-add-column-volatile-default': banAddColumnVolatileDefault,
  'ban-add-enum-value-without-position': banAddEnumValueWithoutPosition,
  'ban-add-foreign-key-with-checks': banAddForeignKeyWithChecks,
  'ban-add-not-null-column-rewrite': banAddNotNullColumnRewrite,
  'ban-add-not-null-column-without-default': banAddNotNullColumnWithoutDefault,
  'ban-add-stored-generated-column': banAddStoredGeneratedColumn,
  'ban-alter-algorithm-copy': banAlterAlgorithmCopy,
  'ban-alter-enum-value': banAlterEnumValue,
  'ban-char-field': banCharField,
  'ban-cluster': banCluster,
  'ban-column-type-change': banColumnTypeChange,
  'ban-concurrent-index-creation-in-transaction': banConcurrentIndexCreationInTransaction,
  'ban-ddl-in-transaction': banDdlInTransaction,
  'ban-domain-constraint': banDomainConstraint,
  'ban-drop-column': banDropColumn,
  'ban-drop-database': banDropDatabase,
  'ban-drop-foreign-key': banDropForeignKey,
  'ban-drop-not-null': banDropNotNull,
  'ban-drop-schema': banDropSchema,
  'ban-drop-table': banDropTable,
  'ban-duplicate-column-assignment': banDuplicateColumnAssignment,
  'ban-inline-references': banInlineReferences,
  'ban-long-identifier': banLongIdentifier,
  'ban-nocheck-constraint': banNocheckConstraint,
  'ban-non-transactional-statement-in-transaction': banNonTransactionalStatementInTransaction,
  'ban-rename-column': banRenameColumn,
  'ban-rename-table': banRenameTable,
  'ban-set-not-null': banSetNotNull,
  'ban-transaction-nesting': banTransactionNesting,
  'ban-truncate-cascade': banTruncateCascade,
  'ban-uncommitted-transaction': banUncommittedTransaction,
  'ban-vacuum-full': banVacuumFull,
  'prefer-bigint-over-int': preferBigintOverInt,
  'prefer-bigint-over-smallint': preferBigintOverSmallint,
  'prefer-constraint-using-index': preferConstraintUsingIndex,
  'prefer-identity': preferIdentity,
  'prefer-robust-statements': preferRobustStatements,
  'prefer-text-field': preferTextField,
  'prefer-timestamptz': preferTimestamptz,
  'prefer-utf8mb4': preferUtf8mb4,
  'require-concurrent-index-creation': requireConcurrentIndexCreation,
  'require-concurrent-index-deletion': requireConcurrentIndexDeletion,
  'require-concurrent-partition-detach': requireConcurrentPartitionDetach,
  'require-concurrent-reindex': requireConcurrentReindex,
  'require-lock-timeout': requireLockTimeout,
  'require-not-valid-constraint': requireNotValidConstraint,
  'require-online-index-operation': requireOnlineIndexOperation,
  'require-rebuild-restores-dependents': requireRebuildRestoresDependents,
  'require-statement-timeout': requireStatementTimeout,
  'require-where-in-update-delete': requireWhereInUpdateDelete,
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;
