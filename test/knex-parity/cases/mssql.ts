// @ts-nocheck -- knex's tests pass arguments its type definitions do not declare (arrays, null),
// as a JavaScript revision may; sucrase runs revisions untyped too.
import type { ParityCase } from '../parity-case.js';

/**
 * knex 3.3.0's mssql schema-builder unit tests as facts: the builder calls and the SQL knex
 * expects for them, rewritten as sqlgen revision bodies.
 */
export const MSSQL_CASES: ParityCase[] = [
  {
    id: 'mssql-001',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.increments('id');
          this.string('email');
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [id] int identity(1,1) not null primary key, [email] nvarchar(255)"
    ],
    count: 1,
  },
  {
    id: 'mssql-002',
    op: "createTableLike users_like",
    run: (op) => {
      op.createTableLike("users_like", "users");
    },
    knex: [
      "SELECT * INTO [users_like] FROM [users] WHERE 0=1"
    ],
    count: 1,
  },
  {
    id: 'mssql-003',
    op: "createTableLike users_like",
    run: (op) => {
      op.createTableLike("users_like", "users", (t) => {
          t.text('add_col');
          t.integer('numeric_col');
    });
    },
    knex: [
      "SELECT * INTO [users_like] FROM [users] WHERE 0=1",
      "ALTER TABLE [users_like] ADD [add_col] nvarchar(max), [numeric_col] int"
    ],
  },
  {
    id: 'mssql-004',
    op: "createView adults",
    run: (op) => {
      op.createView("adults", (t) => {
          t.columns(['name']);
          t.as(op.query('users').select('name').where('age', '>', '18'));
    });
    },
    knex: [
      "CREATE VIEW [adults] ([name]) AS select [name] from [users] where [age] > '18'"
    ],
    count: 1,
  },
  {
    id: 'mssql-005',
    op: "createView adults",
    run: (op) => {
      op.createView("adults", (t) => {
          t.as(op.query('users').select('name').where('age', '>', '18'));
    });
    },
    knex: [
      "CREATE VIEW [adults] AS select [name] from [users] where [age] > '18'"
    ],
    count: 1,
  },
  {
    id: 'mssql-006',
    op: "createViewOrReplace adults",
    run: (op) => {
      op.createViewOrReplace("adults", (t) => {
          t.columns(['name']);
          t.as(op.query('users').select('name').where('age', '>', '18'));
    });
    },
    knex: [
      "CREATE OR ALTER VIEW [adults] ([name]) AS select [name] from [users] where [age] > '18'"
    ],
    count: 1,
  },
  {
    id: 'mssql-007',
    op: "createViewOrReplace adults",
    run: (op) => {
      op.createViewOrReplace("adults", (t) => {
          t.as(op.query('users').select('name').where('age', '>', '18'));
    });
    },
    knex: [
      "CREATE OR ALTER VIEW [adults] AS select [name] from [users] where [age] > '18'"
    ],
    count: 1,
  },
  {
    id: 'mssql-008',
    op: "dropView users",
    run: (op) => {
      op.dropView("users");
    },
    knex: [
      "drop view [users]"
    ],
    count: 1,
  },
  {
    id: 'mssql-009',
    op: "dropView users",
    run: (op) => {
      op.withSchema("myschema").dropView("users");
    },
    knex: [
      "drop view [myschema].[users]"
    ],
    count: 1,
  },
  {
    id: 'mssql-010',
    op: "alterView users",
    run: (op) => {
      op.alterView("users", (t) => {
          t.column('oldName').rename('newName');
    });
    },
    knex: [
      "exec sp_rename ?, ?, 'COLUMN'"
    ],
    count: 1,
  },
  {
    id: 'mssql-011',
    op: "renameView old_view",
    run: (op) => {
      op.renameView("old_view", "new_view");
    },
    knex: [
      "exec sp_rename ?, ?"
    ],
    count: 1,
  },
  {
    id: 'mssql-012',
    op: "createTable users",
    run: (op) => {
      op.createTable("users", (t) => {
          t.increments('id', { primaryKey: false });
    });
    },
    knex: [
      "CREATE TABLE [users] ([id] int identity(1,1) not null)"
    ],
    count: 1,
  },
  {
    id: 'mssql-013',
    op: "dropTable users",
    run: (op) => {
      op.dropTable("users");
    },
    knex: [
      "DROP TABLE [users]"
    ],
    count: 1,
  },
  {
    id: 'mssql-014',
    op: "dropTableIfExists users",
    run: (op) => {
      op.dropTableIfExists("users");
    },
    knex: [
      "if object_id('[users]', 'U') is not null DROP TABLE [users]"
    ],
    count: 1,
  },
  {
    id: 'mssql-015',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.dropColumn('foo');
    });
    },
    knex: [
      "ALTER TABLE [users] DROP COLUMN [foo]"
    ],
    count: 2,
  },
  {
    id: 'mssql-016',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.dropColumn(['foo', 'bar']);
    });
    },
    knex: [
      "ALTER TABLE [users] DROP COLUMN [foo], [bar]"
    ],
    count: 3,
  },
  {
    id: 'mssql-017',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.dropColumn('foo', 'bar');
    });
    },
    knex: [
      "ALTER TABLE [users] DROP COLUMN [foo], [bar]"
    ],
    count: 3,
  },
  {
    id: 'mssql-018',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.dropPrimary('testconstraintname');
    });
    },
    knex: [
      "ALTER TABLE [users] DROP CONSTRAINT [testconstraintname]"
    ],
    count: 1,
  },
  {
    id: 'mssql-019',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.dropUnique('foo');
    });
    },
    knex: [
      "DROP INDEX [users_foo_unique] ON [users]"
    ],
    count: 1,
  },
  {
    id: 'mssql-020',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.dropUniqueIfExists('foo');
    });
    },
    knex: [
      "DROP INDEX IF EXISTS [users_foo_unique] ON [users]"
    ],
    count: 1,
  },
  {
    id: 'mssql-021',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.string('foo').alter();
          this.string('bar');
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [bar] nvarchar(255)",
      "ALTER TABLE [users] ALTER COLUMN [foo] nvarchar(255)"
    ],
    count: 2,
  },
  {
    id: 'mssql-022',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.string('foo').alter();
          this.string('bar').alter();
    });
    },
    knex: [
      "ALTER TABLE [users] ALTER COLUMN [foo] nvarchar(255)",
      "ALTER TABLE [users] ALTER COLUMN [bar] nvarchar(255)"
    ],
    count: 2,
  },
  {
    id: 'mssql-023',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.string('foo').defaultTo('test').alter();
          this.string('bar').alter();
    });
    },
    knex: [
      "ALTER TABLE [users] ALTER COLUMN [foo] nvarchar(255)",
      "ALTER TABLE [users] ALTER COLUMN [bar] nvarchar(255)",
      "ALTER TABLE [users] ADD CONSTRAINT [users_foo_default] DEFAULT 'test' FOR [foo]"
    ],
    count: 4,
  },
  {
    id: 'mssql-024',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.string('foo').nullable().defaultTo('test').alter();
    });
    },
    knex: [
      "ALTER TABLE [users] ALTER COLUMN [foo] nvarchar(255) null",
      "ALTER TABLE [users] ADD CONSTRAINT [users_foo_default] DEFAULT 'test' FOR [foo]"
    ],
    count: 3,
  },
  {
    id: 'mssql-025',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.dropUnique(null, 'foo');
    });
    },
    knex: [
      "DROP INDEX [foo] ON [users]"
    ],
    count: 1,
  },
  {
    id: 'mssql-026',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.dropIndex('foo');
    });
    },
    knex: [
      "DROP INDEX [users_foo_index] ON [users]"
    ],
    count: 1,
  },
  {
    id: 'mssql-027',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.dropIndex(null, 'foo');
    });
    },
    knex: [
      "DROP INDEX [foo] ON [users]"
    ],
    count: 1,
  },
  {
    id: 'mssql-028',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.dropForeign('foo');
    });
    },
    knex: [
      "ALTER TABLE [users] DROP CONSTRAINT [users_foo_foreign]"
    ],
    count: 1,
  },
  {
    id: 'mssql-029',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.dropForeign(null, 'foo');
    });
    },
    knex: [
      "ALTER TABLE [users] DROP CONSTRAINT [foo]"
    ],
    count: 1,
  },
  {
    id: 'mssql-030',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.dropTimestamps();
    });
    },
    knex: [
      "ALTER TABLE [users] DROP COLUMN [created_at], [updated_at]"
    ],
    count: 3,
  },
  {
    id: 'mssql-031',
    op: "renameTable users",
    run: (op) => {
      op.renameTable("users", "foo");
    },
    knex: [
      "exec sp_rename ?, ?"
    ],
    count: 1,
  },
  {
    id: 'mssql-032',
    op: "hasTable users",
    run: (op) => {
      op.hasTable("users");
    },
    knex: [
      "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = ?"
    ],
    count: 1,
  },
  {
    id: 'mssql-033',
    op: "hasTable users",
    run: (op) => {
      op.withSchema("schema").hasTable("users");
    },
    knex: [
      "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = ? AND TABLE_SCHEMA = ?"
    ],
    count: 1,
  },
  {
    id: 'mssql-034',
    op: "renameTable users",
    run: (op) => {
      op.withSchema("schema").renameTable("users", "foo");
    },
    knex: [
      "exec sp_rename ?, ?"
    ],
    count: 1,
  },
  {
    id: 'mssql-035',
    op: "hasColumn users",
    run: (op) => {
      op.hasColumn("users", "foo");
    },
    knex: [
      "select object_id from sys.columns where name = ? and object_id = object_id(?)"
    ],
    count: 1,
  },
  {
    id: 'mssql-036',
    op: "hasColumn users",
    run: (op) => {
      op.withSchema("schema").hasColumn("users", "foo");
    },
    knex: [
      "select object_id from sys.columns where name = ? and object_id = object_id(?)"
    ],
    count: 1,
  },
  {
    id: 'mssql-037',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.primary('foo', 'bar');
    });
    },
    knex: [
      "ALTER TABLE [users] ADD CONSTRAINT [bar] PRIMARY KEY ([foo])"
    ],
    count: 1,
  },
  {
    id: 'mssql-038',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.unique('foo', 'bar');
    });
    },
    knex: [
      "CREATE UNIQUE INDEX [bar] ON [users] ([foo]) WHERE [foo] IS NOT NULL"
    ],
    count: 1,
  },
  {
    id: 'mssql-039',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.unique('foo', { indexName: 'bar', useConstraint: true });
    });
    },
    knex: [
      "ALTER TABLE [users] ADD CONSTRAINT [bar] UNIQUE ([foo])"
    ],
    count: 1,
  },
  {
    id: 'mssql-040',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.index(['foo', 'bar'], 'baz');
    });
    },
    knex: [
      "CREATE INDEX [baz] ON [users] ([foo], [bar])"
    ],
    count: 1,
  },
  {
    id: 'mssql-041',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.index(['foo', 'bar'], 'baz', {
            predicate: op.query().whereRaw('email = "foo@bar"'),
          });
    });
    },
    knex: [
      "CREATE INDEX [baz] ON [users] ([foo], [bar]) where email = \"foo@bar\""
    ],
    count: 1,
  },
  {
    id: 'mssql-042',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.index(['foo', 'bar'], 'baz', {
            predicate: op.query().whereNotNull('email'),
          });
    });
    },
    knex: [
      "CREATE INDEX [baz] ON [users] ([foo], [bar]) where [email] is not null"
    ],
    count: 1,
  },
  {
    id: 'mssql-043',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.unique(['foo', 'bar'], {
            indexName: 'baz',
            predicate: op.query().whereRaw('email = "foo@bar"'),
          });
    });
    },
    knex: [
      "CREATE UNIQUE INDEX [baz] ON [users] ([foo], [bar]) where email = \"foo@bar\""
    ],
    count: 1,
  },
  {
    id: 'mssql-044',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.unique(['foo', 'bar'], {
            indexName: 'baz',
            predicate: op.query().whereNotNull('email'),
          });
    });
    },
    knex: [
      "CREATE UNIQUE INDEX [baz] ON [users] ([foo], [bar]) where [email] is not null"
    ],
    count: 1,
  },
  {
    id: 'mssql-045',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.foreign('foo_id').references('id').on('orders');
    });
      op.alterTable("users", function () {
          this.integer('foo_id').references('id').on('orders');
    });
    },
    knex: [
      "ALTER TABLE [users] ADD CONSTRAINT [users_foo_id_foreign] FOREIGN KEY ([foo_id]) REFERENCES [orders] ([id])",
      "ALTER TABLE [users] ADD [foo_id] int",
      "ALTER TABLE [users] ADD CONSTRAINT [users_foo_id_foreign] FOREIGN KEY ([foo_id]) REFERENCES [orders] ([id])"
    ],
  },
  {
    id: 'mssql-046',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.foreign('foo_id', 'fk_foo').references('id').on('orders');
    });
      op.alterTable("users", function () {
          this.integer('foo_id')
            .references('id')
            .on('orders')
            .withKeyName('fk_foo');
    });
    },
    knex: [
      "ALTER TABLE [users] ADD CONSTRAINT [fk_foo] FOREIGN KEY ([foo_id]) REFERENCES [orders] ([id])",
      "ALTER TABLE [users] ADD [foo_id] int",
      "ALTER TABLE [users] ADD CONSTRAINT [fk_foo] FOREIGN KEY ([foo_id]) REFERENCES [orders] ([id])"
    ],
  },
  {
    id: 'mssql-047',
    op: "createTable person",
    run: (op) => {
      op.createTable("person", (t) => {
          t
            .integer('user_id')
            .notNull()
            .references('users.id')
            .onDelete('SET NULL');
          t
            .integer('account_id')
            .notNull()
            .references('id')
            .inTable('accounts')
            .onUpdate('cascade');
    });
    },
    knex: [
      "CREATE TABLE [person] ([user_id] int not null, [account_id] int not null, CONSTRAINT [person_user_id_foreign] FOREIGN KEY ([user_id]) REFERENCES [users] ([id]) ON DELETE SET NULL, CONSTRAINT [person_account_id_foreign] FOREIGN KEY ([account_id]) REFERENCES [accounts] ([id]) ON UPDATE cascade)"
    ],
    count: 1,
  },
  {
    id: 'mssql-048',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.increments('id');
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [id] int identity(1,1) not null primary key"
    ],
    count: 1,
  },
  {
    id: 'mssql-049',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.bigIncrements('id');
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [id] bigint identity(1,1) not null primary key"
    ],
    count: 1,
  },
  {
    id: 'mssql-050',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.bigIncrements('id', { primaryKey: false });
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [id] bigint identity(1,1) not null"
    ],
    count: 1,
  },
  {
    id: 'mssql-051',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.string('name').after('foo');
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [name] nvarchar(255)"
    ],
    count: 1,
  },
  {
    id: 'mssql-052',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.string('first_name').first();
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [first_name] nvarchar(255)"
    ],
    count: 1,
  },
  {
    id: 'mssql-053',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.string('foo');
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [foo] nvarchar(255)"
    ],
    count: 1,
  },
  {
    id: 'mssql-054',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.string('foo', 100);
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [foo] nvarchar(100)"
    ],
    count: 1,
  },
  {
    id: 'mssql-055',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.string('foo', 100).notNull().defaultTo('bar');
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [foo] nvarchar(100) not null CONSTRAINT [users_foo_default] DEFAULT 'bar'"
    ],
    count: 1,
  },
  {
    id: 'mssql-056',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.string('foo', 100)
            .nullable()
            .defaultTo(op.raw('CURRENT TIMESTAMP'));
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [foo] nvarchar(100) null CONSTRAINT [users_foo_default] DEFAULT CURRENT TIMESTAMP"
    ],
    count: 1,
  },
  {
    id: 'mssql-057',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.integer('foo').defaultTo('test', { constraintName: 'DF_foo' });
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [foo] int CONSTRAINT [DF_foo] DEFAULT 'test'"
    ],
    count: 1,
  },
  {
    id: 'mssql-058',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.integer('foo').defaultTo('test', { constraintName: '' });
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [foo] int DEFAULT 'test'"
    ],
    count: 1,
  },
  {
    id: 'mssql-059',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.text('foo');
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [foo] nvarchar(max)"
    ],
    count: 1,
  },
  {
    id: 'mssql-060',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.bigInteger('foo');
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [foo] bigint"
    ],
    count: 1,
  },
  {
    id: 'mssql-061',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.integer('foo');
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [foo] int"
    ],
    count: 1,
  },
  {
    id: 'mssql-062',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.mediumint('foo');
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [foo] int"
    ],
    count: 1,
  },
  {
    id: 'mssql-063',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.smallint('foo');
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [foo] smallint"
    ],
    count: 1,
  },
  {
    id: 'mssql-064',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.tinyint('foo');
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [foo] tinyint"
    ],
    count: 1,
  },
  {
    id: 'mssql-065',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.float('foo', 5, 2);
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [foo] float"
    ],
    count: 1,
  },
  {
    id: 'mssql-066',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.double('foo');
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [foo] float"
    ],
    count: 1,
  },
  {
    id: 'mssql-067',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.double('foo', 15, 8);
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [foo] float"
    ],
    count: 1,
  },
  {
    id: 'mssql-068',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.decimal('foo', 5, 2);
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [foo] decimal(5, 2)"
    ],
    count: 1,
  },
  {
    id: 'mssql-069',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.boolean('foo');
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [foo] bit"
    ],
    count: 1,
  },
  {
    id: 'mssql-070',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.enum('foo', ['bar', 'baz']);
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [foo] nvarchar(100)"
    ],
    count: 1,
  },
  {
    id: 'mssql-071',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.date('foo');
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [foo] date"
    ],
    count: 1,
  },
  {
    id: 'mssql-072',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.dateTime('foo');
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [foo] datetime2"
    ],
    count: 1,
  },
  {
    id: 'mssql-073',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.time('foo');
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [foo] time"
    ],
    count: 1,
  },
  {
    id: 'mssql-074',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.timestamp('foo');
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [foo] datetime2"
    ],
    count: 1,
  },
  {
    id: 'mssql-075',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.timestamp('foo', {
            useTz: true,
          });
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [foo] datetimeoffset"
    ],
    count: 1,
  },
  {
    id: 'mssql-076',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.timestamps();
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [created_at] datetime2, [updated_at] datetime2"
    ],
    count: 1,
  },
  {
    id: 'mssql-077',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.binary('foo');
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [foo] varbinary(max)"
    ],
    count: 1,
  },
  {
    id: 'mssql-078',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.decimal('foo', 2, 6);
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [foo] decimal(2, 6)"
    ],
    count: 1,
  },
  {
    id: 'mssql-079',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.integer('foo');
          this.integer('baa');
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [foo] int, [baa] int"
    ],
    count: 1,
  },
  {
    id: 'mssql-080',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.uuid('foo');
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [foo] uniqueidentifier"
    ],
  },
  {
    id: 'mssql-081',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.uuid('foo', { useBinaryUuid: true });
    });
    },
    knex: [
      "ALTER TABLE [users] ADD [foo] binary(16)"
    ],
    count: 1,
  },
  {
    id: 'mssql-082',
    op: "createTable default_raw_test",
    run: (op) => {
      op.createTable("default_raw_test", (t) => {
          t.timestamp('created_at').defaultTo(op.raw('GETDATE()'));
    });
    },
    knex: [
      "CREATE TABLE [default_raw_test] ([created_at] datetime2 CONSTRAINT [default_raw_test_created_at_default] DEFAULT GETDATE())"
    ],
    count: 1,
  },
  {
    id: 'mssql-083',
    op: "alterTable composite_key_test",
    run: (op) => {
      op.alterTable("composite_key_test", (t) => {
          t.dropUnique(['column_a', 'column_b']);
    });
    },
    knex: [
      "DROP INDEX [composite_key_test_column_a_column_b_unique] ON [composite_key_test]"
    ],
    count: 1,
  },
  {
    id: 'mssql-084',
    op: "createTable default_raw_test",
    run: (op) => {
      op.createTable("default_raw_test", (t) => {
          t.timestamp('created_at').default(op.raw('GETDATE()'));
    });
    },
    knex: [
      "CREATE TABLE [default_raw_test] ([created_at] datetime2 CONSTRAINT [default_raw_test_created_at_default] DEFAULT GETDATE())"
    ],
    count: 1,
  },
  {
    id: 'mssql-085',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.primary(['test1', 'test2'], 'testconstraintname');
    });
      op.createTable("users", (t) => {
          t.string('test').primary('testconstraintname');
    });
    },
    knex: [
      "ALTER TABLE [users] ADD CONSTRAINT [testconstraintname] PRIMARY KEY ([test1], [test2])",
      "CREATE TABLE [users] ([test] nvarchar(255), CONSTRAINT [testconstraintname] PRIMARY KEY ([test]))"
    ],
  },
  {
    id: 'mssql-086',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.integer('price').checkPositive();
    });
    },
    knex: [
      "ALTER TABLE [user] ADD [price] int check ([price] > 0)"
    ],
  },
  {
    id: 'mssql-087',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.integer('price').checkNegative();
    });
    },
    knex: [
      "ALTER TABLE [user] ADD [price] int check ([price] < 0)"
    ],
  },
  {
    id: 'mssql-088',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.string('animal').checkIn(['cat', 'dog']);
    });
    },
    knex: [
      "ALTER TABLE [user] ADD [animal] nvarchar(255) check ([animal] in ('cat','dog'))"
    ],
  },
  {
    id: 'mssql-089',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.string('animal').checkNotIn(['cat', 'dog']);
    });
    },
    knex: [
      "ALTER TABLE [user] ADD [animal] nvarchar(255) check ([animal] not in ('cat','dog'))"
    ],
  },
  {
    id: 'mssql-090',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.integer('price').checkBetween([10, 15]);
    });
    },
    knex: [
      "ALTER TABLE [user] ADD [price] int check ([price] between 10 and 15)"
    ],
  },
  {
    id: 'mssql-091',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.integer('price').checkBetween([
            [10, 15],
            [20, 25],
          ]);
    });
    },
    knex: [
      "ALTER TABLE [user] ADD [price] int check ([price] between 10 and 15 or [price] between 20 and 25)"
    ],
  },
  {
    id: 'mssql-092',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.integer('price').checkBetween(['banana', 'orange']);
    });
    },
    knex: [
      "ALTER TABLE [user] ADD [price] int check ([price] between 'banana' and 'orange')"
    ],
  },
  {
    id: 'mssql-093',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.varchar('phone').checkLength('=', 8);
    });
    },
    knex: [
      "ALTER TABLE [user] ADD [phone] nvarchar(255) check (LEN([phone]) = 8)"
    ],
  },
  {
    id: 'mssql-094',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          // MSSQL only support simple pattern matching but not regex syntax.
          t.varchar('phone').checkRegex('[0-9][0-9][0-9]');
    });
    },
    knex: [
      "ALTER TABLE [user] ADD [phone] nvarchar(255) check ([phone] LIKE '%[0-9][0-9][0-9]%')"
    ],
  },
  {
    id: 'mssql-095',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.dropChecks(['check_constraint1', 'check_constraint2']);
    });
    },
    knex: [
      "alter table [user] drop constraint check_constraint1, drop constraint check_constraint2"
    ],
  },
];
