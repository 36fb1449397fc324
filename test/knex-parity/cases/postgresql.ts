// @ts-nocheck -- knex's tests pass arguments its type definitions do not declare (arrays, null),
// as a JavaScript revision may; sucrase runs revisions untyped too.
import type { ParityCase } from '../parity-case.js';

/**
 * knex 3.3.0's postgres schema-builder unit tests as facts: the builder calls and the SQL knex
 * expects for them, rewritten as sqlgen revision bodies.
 */
export const POSTGRESQL_CASES: ParityCase[] = [
  {
    id: 'postgresql-001',
    op: "alterTable public",
    run: (op) => {
      op.alterTable("public", (t) => {
          t.json('test_name');
    });
    },
    knex: [
      "alter table \"public\" add column \"test_name\" text"
    ],
    count: 1,
  },
  {
    id: 'postgresql-002',
    op: "alterTable public",
    run: (op) => {
      op.alterTable("public", (t) => {
          t.jsonb('test_name');
    });
    },
    knex: [
      "alter table \"public\" add column \"test_name\" text"
    ],
    count: 1,
  },
  {
    id: 'postgresql-003',
    op: "alterTable public",
    run: (op) => {
      op.alterTable("public", (t) => {
          t.json('test_name');
    });
    },
    knex: [
      "alter table \"public\" add column \"test_name\" json"
    ],
    count: 1,
  },
  {
    id: 'postgresql-004',
    op: "alterTable public",
    run: (op) => {
      op.alterTable("public", (t) => {
          t.jsonb('test_name');
    });
    },
    knex: [
      "alter table \"public\" add column \"test_name\" jsonb"
    ],
    count: 1,
  },
  {
    id: 'postgresql-005',
    op: "alterTable public",
    run: (op) => {
      op.alterTable("public", (t) => {
          t.jsonb('test_name');
    });
    },
    knex: [
      "alter table \"public\" add column \"test_name\" text"
    ],
    count: 1,
  },
  {
    id: 'postgresql-006',
    op: "alterTable public",
    run: (op) => {
      op.alterTable("public", (t) => {
          t.jsonb('test_name');
    });
    },
    knex: [
      "alter table \"public\" add column \"test_name\" jsonb"
    ],
    count: 1,
  },
  {
    id: 'postgresql-007',
    op: "createTable users",
    run: (op) => {
      op.createTable("users", (t) => {
          t.uuid('key');
          t.increments('id');
          t.string('email');
    });
    },
    knex: [
      "create table \"users\" (\"key\" uuid, \"id\" serial primary key, \"email\" varchar(255))"
    ],
    count: 1,
  },
  {
    id: 'postgresql-008',
    op: "createTableLike users_like",
    run: (op) => {
      op.createTableLike("users_like", "users");
    },
    knex: [
      "create table \"users_like\" (like \"users\" including all)"
    ],
    count: 1,
  },
  {
    id: 'postgresql-009',
    op: "createTableLike users_like",
    run: (op) => {
      op.createTableLike("users_like", "users", (t) => {
          t.text('add_col');
          t.integer('numeric_col');
    });
    },
    knex: [
      "create table \"users_like\" (like \"users\" including all, \"add_col\" text, \"numeric_col\" integer)"
    ],
  },
  {
    id: 'postgresql-010',
    op: "createTable uuid_primary",
    run: (op) => {
      op.createTable("uuid_primary", (t) => {
          t.uuid('id', { primaryKey: true });
    });
    },
    knex: [
      "create table \"uuid_primary\" (\"id\" uuid primary key)"
    ],
    count: 1,
  },
  {
    id: 'postgresql-011',
    op: "createTable uuids",
    run: (op) => {
      op.createTable("uuids", (t) => {
          t.uuid('id').primary();
    });
    },
    knex: [
      "create table \"uuids\" (\"id\" uuid, constraint \"uuids_pkey\" primary key (\"id\"))"
    ],
    count: 1,
  },
  {
    id: 'postgresql-012',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.increments('id');
          t.string('email');
    });
    },
    knex: [
      "alter table \"users\" add column \"id\" serial primary key, add column \"email\" varchar(255)"
    ],
    count: 1,
  },
  {
    id: 'postgresql-013',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.string('foo').notNullable().default('foo').alter();
          this.integer('bar').alter();
    });
    },
    knex: [
      "alter table \"users\" alter column \"foo\" drop default",
      "alter table \"users\" alter column \"foo\" drop not null",
      "alter table \"users\" alter column \"foo\" type varchar(255) using (\"foo\"::varchar(255))",
      "alter table \"users\" alter column \"foo\" set default 'foo'",
      "alter table \"users\" alter column \"foo\" set not null",
      "alter table \"users\" alter column \"bar\" drop default",
      "alter table \"users\" alter column \"bar\" drop not null",
      "alter table \"users\" alter column \"bar\" type integer using (\"bar\"::integer)"
    ],
    count: 8,
  },
  {
    id: 'postgresql-014',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.string('foo').default('foo').alter({ alterNullable: false });
    });
    },
    knex: [
      "alter table \"users\" alter column \"foo\" drop default",
      "alter table \"users\" alter column \"foo\" type varchar(255) using (\"foo\"::varchar(255))",
      "alter table \"users\" alter column \"foo\" set default 'foo'"
    ],
    count: 3,
  },
  {
    id: 'postgresql-015',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.string('foo').default('foo').alter({ alterNullable: true });
    });
    },
    knex: [
      "alter table \"users\" alter column \"foo\" drop default",
      "alter table \"users\" alter column \"foo\" drop not null",
      "alter table \"users\" alter column \"foo\" type varchar(255) using (\"foo\"::varchar(255))",
      "alter table \"users\" alter column \"foo\" set default 'foo'"
    ],
    count: 4,
  },
  {
    id: 'postgresql-016',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.string('foo').default('foo').alter({ alterType: false });
    });
    },
    knex: [
      "alter table \"users\" alter column \"foo\" drop default",
      "alter table \"users\" alter column \"foo\" drop not null",
      "alter table \"users\" alter column \"foo\" set default 'foo'"
    ],
    count: 3,
  },
  {
    id: 'postgresql-017',
    op: "alterTable users",
    run: (op) => {
      op.withSchema("myschema").alterTable("users", (t) => {
          t.increments('id');
    });
    },
    knex: [
      "alter table \"myschema\".\"users\" add column \"id\" serial primary key"
    ],
    count: 1,
  },
  {
    id: 'postgresql-018',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.integer('price').checkPositive();
    });
    },
    knex: [
      "alter table \"users\" add column \"price\" integer check (\"price\" > 0)"
    ],
    count: 1,
  },
  {
    id: 'postgresql-019',
    op: "dropTable users",
    run: (op) => {
      op.dropTable("users");
    },
    knex: [
      "drop table \"users\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-020',
    op: "createView adults",
    run: (op) => {
      op.createView("adults", (t) => {
          t.columns(['name']);
          t.as(op.query('users').select('name').where('age', '>', '18'));
    });
    },
    knex: [
      "create view \"adults\" (\"name\") as select \"name\" from \"users\" where \"age\" > '18'"
    ],
    count: 1,
  },
  {
    id: 'postgresql-021',
    op: "createView adults",
    run: (op) => {
      op.createView("adults", (t) => {
          t.as(op.query('users').select('name').where('age', '>', '18'));
    });
    },
    knex: [
      "create view \"adults\" as select \"name\" from \"users\" where \"age\" > '18'"
    ],
    count: 1,
  },
  {
    id: 'postgresql-022',
    op: "createViewOrReplace adults",
    run: (op) => {
      op.createViewOrReplace("adults", (t) => {
          t.columns(['name']);
          t.as(op.query('users').select('name').where('age', '>', '18'));
    });
    },
    knex: [
      "create or replace view \"adults\" (\"name\") as select \"name\" from \"users\" where \"age\" > '18'"
    ],
  },
  {
    id: 'postgresql-023',
    op: "createViewOrReplace adults",
    run: (op) => {
      op.createViewOrReplace("adults", (t) => {
          t.as(op.query('users').select('name').where('age', '>', '18'));
    });
    },
    knex: [
      "create or replace view \"adults\" as select \"name\" from \"users\" where \"age\" > '18'"
    ],
    count: 1,
  },
  {
    id: 'postgresql-024',
    op: "createView adults",
    run: (op) => {
      op.createView("adults", (t) => {
          t.columns(['name']);
          t.as(op.query('users').select('name').where('age', '>', '18'));
          t.localCheckOption();
    });
      op.createView("adults", (t) => {
          t.columns(['name']);
          t.as(op.query('users').select('name').where('age', '>', '18'));
          t.cascadedCheckOption();
    });
    },
    knex: [
      "create view \"adults\" (\"name\") as select \"name\" from \"users\" where \"age\" > '18' with local check option",
      "create view \"adults\" (\"name\") as select \"name\" from \"users\" where \"age\" > '18' with cascaded check option"
    ],
  },
  {
    id: 'postgresql-025',
    op: "dropView users",
    run: (op) => {
      op.dropView("users");
    },
    knex: [
      "drop view \"users\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-026',
    op: "dropView users",
    run: (op) => {
      op.withSchema("myschema").dropView("users");
    },
    knex: [
      "drop view \"myschema\".\"users\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-027',
    op: "alterView users",
    run: (op) => {
      op.alterView("users", (t) => {
          t.column('oldName').rename('newName').defaultTo('10');
    });
    },
    knex: [
      "alter view \"users\" rename \"oldName\" to \"newName\"",
      "alter view \"users\" alter \"oldName\" set default 10"
    ],
    count: 2,
  },
  {
    id: 'postgresql-028',
    op: "renameView old_view",
    run: (op) => {
      op.renameView("old_view", "new_view");
    },
    knex: [
      "alter view \"old_view\" rename to \"new_view\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-029',
    op: "createMaterializedView mat_view",
    run: (op) => {
      op.createMaterializedView("mat_view", (t) => {
          t.columns(['name']);
          t.as(op.query('users').select('name').where('age', '>', '18'));
    });
    },
    knex: [
      "create materialized view \"mat_view\" (\"name\") as select \"name\" from \"users\" where \"age\" > '18'"
    ],
    count: 1,
  },
  {
    id: 'postgresql-030',
    op: "refreshMaterializedView view_to_refresh",
    run: (op) => {
      op.refreshMaterializedView("view_to_refresh");
    },
    knex: [
      "refresh materialized view \"view_to_refresh\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-031',
    op: "refreshMaterializedView view_to_refresh",
    run: (op) => {
      op.refreshMaterializedView("view_to_refresh", true);
    },
    knex: [
      "refresh materialized view concurrently \"view_to_refresh\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-032',
    op: "dropTable users",
    run: (op) => {
      op.withSchema("myschema").dropTable("users");
    },
    knex: [
      "drop table \"myschema\".\"users\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-033',
    op: "dropTableIfExists users",
    run: (op) => {
      op.dropTableIfExists("users");
    },
    knex: [
      "drop table if exists \"users\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-034',
    op: "dropTableIfExists users",
    run: (op) => {
      op.withSchema("myschema").dropTableIfExists("users");
    },
    knex: [
      "drop table if exists \"myschema\".\"users\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-035',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.dropColumn('foo');
    });
    },
    knex: [
      "alter table \"users\" drop column \"foo\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-036',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.dropColumn(['foo', 'bar']);
    });
    },
    knex: [
      "alter table \"users\" drop column \"foo\", drop column \"bar\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-037',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.dropColumn('foo', 'bar');
    });
    },
    knex: [
      "alter table \"users\" drop column \"foo\", drop column \"bar\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-038',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.dropPrimary();
    });
    },
    knex: [
      "alter table \"users\" drop constraint \"users_pkey\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-039',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.dropPrimary('testconstraintname');
    });
    },
    knex: [
      "alter table \"users\" drop constraint \"testconstraintname\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-040',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.dropPrimaryIfExists();
    });
    },
    knex: [
      "alter table \"users\" drop constraint if exists \"users_pkey\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-041',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.dropPrimaryIfExists('testconstraintname');
    });
    },
    knex: [
      "alter table \"users\" drop constraint if exists \"testconstraintname\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-042',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.dropUnique('foo');
    });
    },
    knex: [
      "alter table \"users\" drop constraint \"users_foo_unique\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-043',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.dropUnique(null, 'foo');
    });
    },
    knex: [
      "alter table \"users\" drop constraint \"foo\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-044',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.dropUniqueIfExists('foo');
    });
    },
    knex: [
      "alter table \"users\" drop constraint if exists \"users_foo_unique\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-045',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.dropUniqueIfExists(null, 'foo');
    });
    },
    knex: [
      "alter table \"users\" drop constraint if exists \"foo\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-046',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.dropIndex('foo');
    });
    },
    knex: [
      "drop index \"users_foo_index\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-047',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.dropIndex(null, 'foo');
    });
    },
    knex: [
      "drop index \"foo\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-048',
    op: "alterTable users",
    run: (op) => {
      op.withSchema("mySchema").alterTable("users", (t) => {
          t.dropIndex('foo');
    });
    },
    knex: [
      "drop index \"mySchema\".\"users_foo_index\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-049',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.dropForeign('foo');
    });
    },
    knex: [
      "alter table \"users\" drop constraint \"users_foo_foreign\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-050',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.dropForeign(null, 'foo');
    });
    },
    knex: [
      "alter table \"users\" drop constraint \"foo\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-051',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.dropForeignIfExists('foo');
    });
    },
    knex: [
      "alter table \"users\" drop constraint if exists \"users_foo_foreign\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-052',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.dropForeignIfExists(null, 'foo');
    });
    },
    knex: [
      "alter table \"users\" drop constraint if exists \"foo\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-053',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.dropTimestamps();
    });
    },
    knex: [
      "alter table \"users\" drop column \"created_at\", drop column \"updated_at\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-054',
    op: "createTable person",
    run: (op) => {
      op.createTable("person", (t) => {
          t
            .integer('user_id')
            .notNull()
            .references('users.id')
            .deferrable('immediate');
    });
    },
    knex: [
      "alter table \"person\" add constraint \"person_user_id_foreign\" foreign key (\"user_id\") references \"users\" (\"id\") deferrable initially immediate "
    ],
    count: 2,
  },
  {
    id: 'postgresql-055',
    op: "createTable person",
    run: (op) => {
      op.createTable("person", (t) => {
          t
            .integer('user_id')
            .unique({ indexName: 'user_id_index', deferrable: 'immediate' });
    });
    },
    knex: [
      "alter table \"person\" add constraint \"user_id_index\" unique (\"user_id\") deferrable initially immediate"
    ],
    count: 2,
  },
  {
    id: 'postgresql-056',
    op: "createTable person",
    run: (op) => {
      op.createTable("person", (t) => {
          t.integer('user_id').primary({
            constraintName: 'user_id_primary',
            deferrable: 'immediate',
          });
    });
    },
    knex: [
      "create table \"person\" (\"user_id\" integer, constraint \"user_id_primary\" primary key (\"user_id\") deferrable initially immediate)"
    ],
    count: 1,
  },
  {
    id: 'postgresql-057',
    op: "renameTable users",
    run: (op) => {
      op.renameTable("users", "foo");
    },
    knex: [
      "alter table \"users\" rename to \"foo\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-058',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.renameColumn('foo', 'bar');
    });
    },
    knex: [
      "alter table \"users\" rename \"foo\" to \"bar\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-059',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.primary('foo');
    });
    },
    knex: [
      "alter table \"users\" add constraint \"users_pkey\" primary key (\"foo\")"
    ],
    count: 1,
  },
  {
    id: 'postgresql-060',
    op: "createTable users",
    run: (op) => {
      op.createTable("users", (t) => {
          t.string('name').primary();
    });
    },
    knex: [
      "create table \"users\" (\"name\" varchar(255), constraint \"users_pkey\" primary key (\"name\"))"
    ],
    count: 1,
  },
  {
    id: 'postgresql-061',
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
      "alter table \"users\" add constraint \"users_foo_id_foreign\" foreign key (\"foo_id\") references \"orders\" (\"id\")",
      "alter table \"users\" add column \"foo_id\" integer",
      "alter table \"users\" add constraint \"users_foo_id_foreign\" foreign key (\"foo_id\") references \"orders\" (\"id\")"
    ],
  },
  {
    id: 'postgresql-062',
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
      "alter table \"users\" add constraint \"fk_foo\" foreign key (\"foo_id\") references \"orders\" (\"id\")",
      "alter table \"users\" add column \"foo_id\" integer",
      "alter table \"users\" add constraint \"fk_foo\" foreign key (\"foo_id\") references \"orders\" (\"id\")"
    ],
  },
  {
    id: 'postgresql-063',
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
      "alter table \"person\" add constraint \"person_user_id_foreign\" foreign key (\"user_id\") references \"users\" (\"id\") on delete SET NULL",
      "alter table \"person\" add constraint \"person_account_id_foreign\" foreign key (\"account_id\") references \"accounts\" (\"id\") on update cascade"
    ],
    count: 3,
  },
  {
    id: 'postgresql-064',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.unique('foo', 'bar');
    });
    },
    knex: [
      "alter table \"users\" add constraint \"bar\" unique (\"foo\")"
    ],
    count: 1,
  },
  {
    id: 'postgresql-065',
    op: "createTable users",
    run: (op) => {
      op.createTable("users", (t) => {
          t.string('email').unique();
    });
    },
    knex: [
      "create table \"users\" (\"email\" varchar(255))",
      "alter table \"users\" add constraint \"users_email_unique\" unique (\"email\")"
    ],
    count: 2,
  },
  {
    id: 'postgresql-066',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.unique('foo', {
            indexName: 'bar',
            useConstraint: false,
          });
    });
    },
    knex: [
      "create unique index \"bar\" on \"users\" (\"foo\")"
    ],
    count: 1,
  },
  {
    id: 'postgresql-067',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.index(['foo', 'bar']);
    });
    },
    knex: [
      "create index \"users_foo_bar_index\" on \"users\" (\"foo\", \"bar\")"
    ],
    count: 1,
  },
  {
    id: 'postgresql-068',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.index(['foo', 'bar'], 'baz');
    });
    },
    knex: [
      "create index \"baz\" on \"users\" (\"foo\", \"bar\")"
    ],
    count: 1,
  },
  {
    id: 'postgresql-069',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.string('name').index();
    });
    },
    knex: [
      "alter table \"users\" add column \"name\" varchar(255)",
      "create index \"users_name_index\" on \"users\" (\"name\")"
    ],
    count: 2,
  },
  {
    id: 'postgresql-070',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.index(['foo', 'bar'], 'baz', 'gist');
    });
    },
    knex: [
      "create index \"baz\" on \"users\" using gist (\"foo\", \"bar\")"
    ],
    count: 1,
  },
  {
    id: 'postgresql-071',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.string('name').index('baz', 'gist');
    });
    },
    knex: [
      "alter table \"users\" add column \"name\" varchar(255)",
      "create index \"baz\" on \"users\" using gist (\"name\")"
    ],
    count: 2,
  },
  {
    id: 'postgresql-072',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.string('name').index(null, { storageEngineIndexType: 'gist' });
    });
    },
    knex: [
      "alter table \"users\" add column \"name\" varchar(255)",
      "create index \"users_name_index\" on \"users\" using gist (\"name\")"
    ],
    count: 2,
  },
  {
    id: 'postgresql-073',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.index(['foo', 'bar'], 'baz', {
            predicate: op.query().whereRaw('email = "foo@bar"'),
          });
    });
    },
    knex: [
      "create index \"baz\" on \"users\" (\"foo\", \"bar\") where email = \"foo@bar\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-074',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.index(['foo', 'bar'], 'baz', {
            indexType: 'unique',
          });
    });
    },
    knex: [
      "create unique index \"baz\" on \"users\" (\"foo\", \"bar\")"
    ],
    count: 1,
  },
  {
    id: 'postgresql-075',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.index(['foo', 'bar'], 'baz', {
            storageEngineIndexType: 'gist',
            predicate: op.query().whereRaw('email = "foo@bar"'),
          });
    });
    },
    knex: [
      "create index \"baz\" on \"users\" using gist (\"foo\", \"bar\") where email = \"foo@bar\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-076',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.index(['foo', 'bar'], 'baz', {
            predicate: op.query().whereNotNull('email'),
          });
    });
    },
    knex: [
      "create index \"baz\" on \"users\" (\"foo\", \"bar\") where \"email\" is not null"
    ],
    count: 1,
  },
  {
    id: 'postgresql-077',
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
      "create unique index \"baz\" on \"users\" (\"foo\", \"bar\") where email = \"foo@bar\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-078',
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
      "create unique index \"baz\" on \"users\" (\"foo\", \"bar\") where \"email\" is not null"
    ],
    count: 1,
  },
  {
    id: 'postgresql-079',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.increments('id');
    });
    },
    knex: [
      "alter table \"users\" add column \"id\" serial primary key"
    ],
    count: 1,
  },
  {
    id: 'postgresql-080',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.increments('id', { primaryKey: false });
    });
    },
    knex: [
      "alter table \"users\" add column \"id\" serial"
    ],
    count: 1,
  },
  {
    id: 'postgresql-081',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.bigIncrements('id');
    });
    },
    knex: [
      "alter table \"users\" add column \"id\" bigserial primary key"
    ],
    count: 1,
  },
  {
    id: 'postgresql-082',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.bigIncrements('id', { primaryKey: false });
    });
    },
    knex: [
      "alter table \"users\" add column \"id\" bigserial"
    ],
    count: 1,
  },
  {
    id: 'postgresql-083',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.string('foo');
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" varchar(255)"
    ],
    count: 1,
  },
  {
    id: 'postgresql-084',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.string('foo', 100);
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" varchar(100)"
    ],
    count: 1,
  },
  {
    id: 'postgresql-085',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.string('foo', 100).defaultTo('bar');
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" varchar(100) default 'bar'"
    ],
    count: 1,
  },
  {
    id: 'postgresql-086',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.text('foo');
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" text"
    ],
    count: 1,
  },
  {
    id: 'postgresql-087',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.bigInteger('foo');
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" bigint"
    ],
    count: 1,
  },
  {
    id: 'postgresql-088',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.bigIncrements('foo');
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" bigserial primary key"
    ],
    count: 1,
  },
  {
    id: 'postgresql-089',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.integer('foo');
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" integer"
    ],
    count: 1,
  },
  {
    id: 'postgresql-090',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.increments('foo');
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" serial primary key"
    ],
    count: 1,
  },
  {
    id: 'postgresql-091',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.mediumint('foo');
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" integer"
    ],
    count: 1,
  },
  {
    id: 'postgresql-092',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.tinyint('foo');
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" smallint"
    ],
    count: 1,
  },
  {
    id: 'postgresql-093',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.smallint('foo');
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" smallint"
    ],
    count: 1,
  },
  {
    id: 'postgresql-094',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.float('foo', 5, 2);
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" real"
    ],
    count: 1,
  },
  {
    id: 'postgresql-095',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.double('foo', 15, 8);
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" double precision"
    ],
    count: 1,
  },
  {
    id: 'postgresql-096',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.decimal('foo', 5, 2);
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" decimal(5, 2)"
    ],
    count: 1,
  },
  {
    id: 'postgresql-097',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.decimal('foo', null);
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" decimal"
    ],
    count: 1,
  },
  {
    id: 'postgresql-098',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.boolean('foo').defaultTo(false);
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" boolean default '0'"
    ],
    count: 1,
  },
  {
    id: 'postgresql-099',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.enum('foo', ['bar', 'baz']);
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" text check (\"foo\" in ('bar', 'baz'))"
    ],
    count: 1,
  },
  {
    id: 'postgresql-100',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t
            .enu('foo', ['bar', 'baz'], {
              useNative: true,
              enumName: 'foo_type',
            })
            .notNullable();
    });
    },
    knex: [
      "create type \"foo_type\" as enum ('bar', 'baz')",
      "alter table \"users\" add column \"foo\" \"foo_type\" not null"
    ],
    count: 2,
  },
  {
    id: 'postgresql-101',
    op: "alterTable users",
    run: (op) => {
      op.withSchema("test").alterTable("users", (t) => {
          t
            .enu('foo', ['bar', 'baz'], {
              useNative: true,
              schema: true,
              enumName: 'foo_type',
            })
            .notNullable();
    });
    },
    knex: [
      "create type \"test\".\"foo_type\" as enum ('bar', 'baz')",
      "alter table \"test\".\"users\" add column \"foo\" \"test\".\"foo_type\" not null"
    ],
    count: 2,
  },
  {
    id: 'postgresql-102',
    op: "alterTable users",
    run: (op) => {
      op.execute(op.raw("create type \"foo_type\" as enum ('bar', 'baz')"));
      op.alterTable("users", (t) => {
          t
            .enu('foo', ['bar', 'baz'], {
              useNative: true,
              existingType: true,
              enumName: 'foo_type',
            })
            .notNullable();
    });
    },
    knex: [
      "create type \"foo_type\" as enum ('bar', 'baz')",
      "alter table \"users\" add column \"foo\" \"foo_type\" not null"
    ],
    count: 2,
  },
  {
    id: 'postgresql-103',
    op: "alterTable users",
    run: (op) => {
      op.execute(op.raw("create type \"foo_type\" as enum ('bar', 'baz')"));
      op.alterTable("users", (t) => {
          t
            .enu('foo', undefined, {
              useNative: true,
              existingType: true,
              enumName: 'foo_type',
            })
            .notNullable();
    });
    },
    knex: [
      "create type \"foo_type\" as enum ('bar', 'baz')",
      "alter table \"users\" add column \"foo\" \"foo_type\" not null"
    ],
    count: 2,
  },
  {
    id: 'postgresql-104',
    op: "alterTable table_name",
    run: (op) => {
      op.withSchema("table_schema").alterTable("table_name", (t) => {
          t.enu('column_name', ['foo', 'bar', 'baz'], {
            useNative: true,
            schemaName: 'type_schema',
            enumName: 'type_name',
          });
    });
    },
    knex: [
      "create type \"type_schema\".\"type_name\" as enum ('foo', 'bar', 'baz')",
      "alter table \"table_schema\".\"table_name\" add column \"column_name\" \"type_schema\".\"type_name\""
    ],
    count: 2,
  },
  {
    id: 'postgresql-105',
    op: "alterTable table_name",
    run: (op) => {
      op.withSchema("table_schema").alterTable("table_name", (t) => {
          t.enu('column_name', null, {
            useNative: true,
            schemaName: 'type_schema',
            enumName: 'type_name',
            existingType: true,
          });
    });
    },
    knex: [
      "alter table \"table_schema\".\"table_name\" add column \"column_name\" \"type_schema\".\"type_name\""
    ],
    count: 1,
  },
  {
    id: 'postgresql-106',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t
            .enu('foo', ['bar', 'baz'], {
              useNative: true,
              enumName: 'foo_type',
            })
            .notNullable()
            .alter();
    });
    },
    knex: [
      "create type \"foo_type\" as enum ('bar', 'baz')",
      "alter table \"users\" alter column \"foo\" drop default",
      "alter table \"users\" alter column \"foo\" drop not null",
      "alter table \"users\" alter column \"foo\" type \"foo_type\" using (\"foo\"::text::\"foo_type\")",
      "alter table \"users\" alter column \"foo\" set not null"
    ],
    count: 5,
  },
  {
    id: 'postgresql-107',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t
            .enu('foo', ['bar', 'baz'], {
              useNative: true,
              enumName: 'foo_type',
            })
            .notNullable()
            .alter();
      
          t.enu('bar', ['foo', 'baz'], {
            useNative: true,
            enumName: 'bar_type',
          });
      
          t
            .enu('baz', ['foo', 'bar'], {
              useNative: true,
              enumName: 'baz_type',
            })
            .defaultTo('foo')
            .alter();
    });
    },
    knex: [
      "create type \"baz_type\" as enum ('foo', 'bar')",
      "create type \"foo_type\" as enum ('bar', 'baz')",
      "create type \"bar_type\" as enum ('foo', 'baz')",
      "alter table \"users\" add column \"bar\" \"bar_type\"",
      "alter table \"users\" alter column \"foo\" drop default",
      "alter table \"users\" alter column \"foo\" drop not null",
      "alter table \"users\" alter column \"foo\" type \"foo_type\" using (\"foo\"::text::\"foo_type\")",
      "alter table \"users\" alter column \"foo\" set not null",
      "alter table \"users\" alter column \"baz\" drop default",
      "alter table \"users\" alter column \"baz\" drop not null",
      "alter table \"users\" alter column \"baz\" type \"baz_type\" using (\"baz\"::text::\"baz_type\")",
      "alter table \"users\" alter column \"baz\" set default 'foo'"
    ],
    count: 12,
  },
  {
    id: 'postgresql-108',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.date('foo');
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" date"
    ],
    count: 1,
  },
  {
    id: 'postgresql-109',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.dateTime('foo');
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" timestamptz"
    ],
    count: 1,
  },
  {
    id: 'postgresql-110',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.time('foo');
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" time"
    ],
    count: 1,
  },
  {
    id: 'postgresql-111',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.timestamp('foo');
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" timestamptz"
    ],
    count: 1,
  },
  {
    id: 'postgresql-112',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.datetime('foo');
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" timestamptz"
    ],
    count: 1,
  },
  {
    id: 'postgresql-113',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.timestamp('foo', false);
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" timestamptz"
    ],
    count: 1,
  },
  {
    id: 'postgresql-114',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.datetime('foo', false);
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" timestamptz"
    ],
    count: 1,
  },
  {
    id: 'postgresql-115',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.timestamp('foo', true);
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" timestamp"
    ],
    count: 1,
  },
  {
    id: 'postgresql-116',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.datetime('foo', true);
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" timestamp"
    ],
    count: 1,
  },
  {
    id: 'postgresql-117',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.timestamp('foo', undefined, 2);
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" timestamptz(2)"
    ],
    count: 1,
  },
  {
    id: 'postgresql-118',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.datetime('foo', undefined, 3);
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" timestamptz(3)"
    ],
    count: 1,
  },
  {
    id: 'postgresql-119',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.timestamp('foo', { useTz: false, precision: 3 });
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" timestamp(3)"
    ],
    count: 1,
  },
  {
    id: 'postgresql-120',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.timestamp('foo', { precision: 3 });
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" timestamptz(3)"
    ],
    count: 1,
  },
  {
    id: 'postgresql-121',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.timestamp('foo', {});
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" timestamptz"
    ],
    count: 1,
  },
  {
    id: 'postgresql-122',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.timestamp('foo', { useTz: false, precision: 0 });
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" timestamp(0)"
    ],
    count: 1,
  },
  {
    id: 'postgresql-123',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.datetime('foo', { useTz: false, precision: 3 });
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" timestamp(3)"
    ],
    count: 1,
  },
  {
    id: 'postgresql-124',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.datetime('foo', { precision: 3 });
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" timestamptz(3)"
    ],
    count: 1,
  },
  {
    id: 'postgresql-125',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.datetime('foo', {});
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" timestamptz"
    ],
    count: 1,
  },
  {
    id: 'postgresql-126',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.datetime('foo', { useTz: false, precision: 0 });
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" timestamp(0)"
    ],
    count: 1,
  },
  {
    id: 'postgresql-127',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.timestamps();
    });
    },
    knex: [
      "alter table \"users\" add column \"created_at\" timestamptz, add column \"updated_at\" timestamptz"
    ],
    count: 1,
  },
  {
    id: 'postgresql-128',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.timestamps(false, true);
    });
    },
    knex: [
      "alter table \"users\" add column \"created_at\" timestamptz not null default CURRENT_TIMESTAMP, add column \"updated_at\" timestamptz not null default CURRENT_TIMESTAMP"
    ],
    count: 1,
  },
  {
    id: 'postgresql-129',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.timestamps({
            useTimestamps: true,
            defaultToNow: true,
            useCamelCase: true,
          });
    });
    },
    knex: [
      "alter table \"users\" add column \"createdAt\" timestamptz not null default CURRENT_TIMESTAMP, add column \"updatedAt\" timestamptz not null default CURRENT_TIMESTAMP"
    ],
    count: 1,
  },
  {
    id: 'postgresql-130',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.binary('foo');
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" bytea"
    ],
    count: 1,
  },
  {
    id: 'postgresql-131',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.jsonb('preferences');
    });
    },
    knex: [
      "alter table \"user\" add column \"preferences\" jsonb"
    ],
  },
  {
    id: 'postgresql-132',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.uuid('foo');
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" uuid"
    ],
  },
  {
    id: 'postgresql-133',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.uuid('foo', { useBinaryUuid: true });
    });
    },
    knex: [
      "alter table \"users\" add column \"foo\" uuid"
    ],
  },
  {
    id: 'postgresql-134',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.comment('Custom comment');
    });
    },
    knex: [
      "comment on table \"user\" is 'Custom comment'"
    ],
    count: 1,
  },
  {
    id: 'postgresql-135',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.comment('');
    });
    },
    knex: [
      "comment on table \"user\" is ''"
    ],
    count: 1,
  },
  {
    id: 'postgresql-136',
    op: "createTable test",
    run: (op) => {
      op.createTable("test", (t) => {
          t.text('column1').comment("The table's first column and it's escaped");
    });
    },
    knex: [
      "comment on column \"test\".\"column1\" is 'The table''s first column and it''s escaped'"
    ],
    count: 2,
  },
  {
    id: 'postgresql-137',
    op: "createTable test",
    run: (op) => {
      op.createTable("test", (t) => {
          t.text('column1').comment(
            "The table''s first column and it''s escaped"
          );
    });
    },
    knex: [
      "comment on column \"test\".\"column1\" is 'The table''s first column and it''s escaped'"
    ],
    count: 2,
  },
  {
    id: 'postgresql-138',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.json('preferences').defaultTo({}).notNullable();
    });
    },
    knex: [
      "alter table \"user\" add column \"preferences\" json not null default '{}'"
    ],
  },
  {
    id: 'postgresql-139',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.jsonb('preferences').defaultTo({}).notNullable();
    });
    },
    knex: [
      "alter table \"user\" add column \"preferences\" jsonb not null default '{}'"
    ],
  },
  {
    id: 'postgresql-140',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.specificType('email', 'CITEXT').unique().notNullable();
    });
    },
    knex: [
      "alter table \"user\" add column \"email\" CITEXT not null"
    ],
  },
  {
    id: 'postgresql-141',
    op: "createExtension test",
    run: (op) => {
      op.createExtension("test");
    },
    knex: [
      "create extension \"test\""
    ],
  },
  {
    id: 'postgresql-142',
    op: "dropExtension test",
    run: (op) => {
      op.dropExtension("test");
    },
    knex: [
      "drop extension \"test\""
    ],
  },
  {
    id: 'postgresql-143',
    op: "createExtensionIfNotExists test",
    run: (op) => {
      op.createExtensionIfNotExists("test");
    },
    knex: [
      "create extension if not exists \"test\""
    ],
  },
  {
    id: 'postgresql-144',
    op: "dropExtensionIfExists test",
    run: (op) => {
      op.dropExtensionIfExists("test");
    },
    knex: [
      "drop extension if exists \"test\""
    ],
  },
  {
    id: 'postgresql-145',
    op: "createTable inheriteeTable",
    run: (op) => {
      op.createTable("inheriteeTable", (t) => {
          t.string('username');
          t.inherits('inheritedTable');
    });
    },
    knex: [
      "create table \"inheriteeTable\" (\"username\" varchar(255)) inherits (\"inheritedTable\")"
    ],
  },
  {
    id: 'postgresql-146',
    op: "createTable users",
    run: (op) => {
      op.createTable("users", (t) => {
          t.string('test1');
          t.string('test2');
          t.primary(['test1', 'test2'], 'testconstraintname');
    });
      op.createTable("users", (t) => {
          t.string('test').primary('testconstraintname');
    });
    },
    knex: [
      "create table \"users\" (\"test1\" varchar(255), \"test2\" varchar(255), constraint \"testconstraintname\" primary key (\"test1\", \"test2\"))",
      "create table \"users\" (\"test\" varchar(255), constraint \"testconstraintname\" primary key (\"test\"))"
    ],
  },
  {
    id: 'postgresql-147',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.string('test').primary();
    });
    },
    knex: [
      "alter table \"users\" add column \"test\" varchar(255)",
      "alter table \"users\" add constraint \"users_pkey\" primary key (\"test\")"
    ],
    count: 2,
  },
  {
    id: 'postgresql-148',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.string('test').primary('testname');
    });
    },
    knex: [
      "alter table \"users\" add column \"test\" varchar(255)",
      "alter table \"users\" add constraint \"testname\" primary key (\"test\")"
    ],
    count: 2,
  },
  {
    id: 'postgresql-149',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.primary(['test1', 'test2'], 'testconstraintname');
    });
    },
    knex: [
      "alter table \"users\" add constraint \"testconstraintname\" primary key (\"test1\", \"test2\")"
    ],
    count: 1,
  },
  {
    id: 'postgresql-150',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.integer('price').checkPositive();
    });
    },
    knex: [
      "alter table \"user\" add column \"price\" integer check (\"price\" > 0)"
    ],
  },
  {
    id: 'postgresql-151',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.integer('price').checkNegative();
    });
    },
    knex: [
      "alter table \"user\" add column \"price\" integer check (\"price\" < 0)"
    ],
  },
  {
    id: 'postgresql-152',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.string('animal').checkIn(['cat', 'dog']);
    });
    },
    knex: [
      "alter table \"user\" add column \"animal\" varchar(255) check (\"animal\" in ('cat','dog'))"
    ],
  },
  {
    id: 'postgresql-153',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.string('animal').checkNotIn(['cat', 'dog']);
    });
    },
    knex: [
      "alter table \"user\" add column \"animal\" varchar(255) check (\"animal\" not in ('cat','dog'))"
    ],
  },
  {
    id: 'postgresql-154',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.integer('price').checkBetween([10, 15]);
    });
    },
    knex: [
      "alter table \"user\" add column \"price\" integer check (\"price\" between 10 and 15)"
    ],
  },
  {
    id: 'postgresql-155',
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
      "alter table \"user\" add column \"price\" integer check (\"price\" between 10 and 15 or \"price\" between 20 and 25)"
    ],
  },
  {
    id: 'postgresql-156',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.integer('price').checkBetween(['banana', 'orange']);
    });
    },
    knex: [
      "alter table \"user\" add column \"price\" integer check (\"price\" between 'banana' and 'orange')"
    ],
  },
  {
    id: 'postgresql-157',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.varchar('phone').checkLength('=', 8);
    });
    },
    knex: [
      "alter table \"user\" add column \"phone\" varchar(255) check (length(\"phone\") = 8)"
    ],
  },
  {
    id: 'postgresql-158',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.varchar('phone').checkRegex('[0-9]{8}');
    });
    },
    knex: [
      "alter table \"user\" add column \"phone\" varchar(255) check (\"phone\" ~ '[0-9]{8}')"
    ],
  },
  {
    id: 'postgresql-159',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.dropChecks(['check_constraint1', 'check_constraint2']);
    });
    },
    knex: [
      "alter table \"user\" drop constraint check_constraint1, drop constraint check_constraint2"
    ],
  },
];
