import { expect, test } from 'vitest';
import { tokenize } from '../../../src/lint/keywords/tokens.js';
import { foreignKeyChecksSet } from '../../../src/lint/mysql/foreign-key-checks.js';

test.each([
  ['SET foreign_key_checks = 0', false],
  ['SET FOREIGN_KEY_CHECKS=1', true],
  ['SET SESSION foreign_key_checks = OFF', false],
  ['SET @@foreign_key_checks = 0', false],
  ['SET @@session.foreign_key_checks = 0', false],
  ['SET NAMES utf8mb4, foreign_key_checks = 0', false],
  ['SET GLOBAL foreign_key_checks = 0', undefined],
  ['SET @@global.foreign_key_checks = 0', undefined],
  ['SET GLOBAL max_connections = 10, SESSION foreign_key_checks = 0', false],
  ['SET unique_checks = 0', undefined],
  ['SELECT @@foreign_key_checks', undefined],
])('%s sets this session\'s checks to %s', (sql, expected) => {
  expect(foreignKeyChecksSet(tokenize(sql, 'mysql').tokens)).toBe(expected);
});
