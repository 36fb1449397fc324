/**
 * Every lint rule, by id. A rule is one file beside this one; test/lint/registry.test.ts fails
 * when a rule file is not listed here, or a listed rule has no doc page or test.
 */
import type { Rule } from '../types.js';
import { banAddColumnVolatileDefault } from './ban-add-column-volatile-default.js';
import { banColumnTypeChange } from './ban-column-type-change.js';
import { banConcurrentIndexCreationInTransaction } from './ban-concurrent-index-creation-in-transaction.js';
import { banDropColumn } from './ban-drop-column.js';
import { banDropTable } from './ban-drop-table.js';
import { banRenameColumn } from './ban-rename-column.js';
import { banRenameTable } from './ban-rename-table.js';
import { banSetNotNull } from './ban-set-not-null.js';
import { banTruncateCascade } from './ban-truncate-cascade.js';
import { requireConcurrentIndexCreation } from './require-concurrent-index-creation.js';
import { requireLockTimeout } from './require-lock-timeout.js';
import { requireNotValidConstraint } from './require-not-valid-constraint.js';
import { requireWhereInUpdateDelete } from './require-where-in-update-delete.js';

export const RULES = {
  'ban-add-column-volatile-default': banAddColumnVolatileDefault,
  'ban-column-type-change': banColumnTypeChange,
  'ban-concurrent-index-creation-in-transaction': banConcurrentIndexCreationInTransaction,
  'ban-drop-column': banDropColumn,
  'ban-drop-table': banDropTable,
  'ban-rename-column': banRenameColumn,
  'ban-rename-table': banRenameTable,
  'ban-set-not-null': banSetNotNull,
  'ban-truncate-cascade': banTruncateCascade,
  'require-concurrent-index-creation': requireConcurrentIndexCreation,
  'require-lock-timeout': requireLockTimeout,
  'require-not-valid-constraint': requireNotValidConstraint,
  'require-where-in-update-delete': requireWhereInUpdateDelete,
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;
