// @ts-nocheck -- knex's tests pass arguments its type definitions do not declare (arrays, null),
// as a JavaScript revision may; sucrase runs revisions untyped too.
import type { ParityCase } from '../parity-case.js';

/**
 * knex 3.3.0's mysql schema-builder unit tests as facts: the builder calls and the SQL knex
 * expects for them, rewritten as sqlgen revision bodies.
 */
export const MYSQL_CASES: ParityCase[] = [
  {
    id: 'mysql-001',
    op: "createTable users",
    run: (op) => {
      op.createTable("users", (t) => {
          t.increments('id');
          t.string('email').collate('utf8_unicode_ci');
    });
    },
    knex: [
      "create table `users` (`id` int unsigned not null auto_increment primary key, `email` varchar(255) collate 'utf8_unicode_ci')"
    ],
    count: 1,
  },
  {
    id: 'mysql-002',
    op: "createTableLike users_like",
    run: (op) => {
      op.createTableLike("users_like", "users");
    },
    knex: [
      "create table `users_like` like `users`"
    ],
    count: 1,
  },
  {
    id: 'mysql-003',
    op: "createTableLike users_like",
    run: (op) => {
      op.createTableLike("users_like", "users", (t) => {
          t.text('add_col');
          t.integer('numeric_col');
    });
    },
    knex: [
      "create table `users_like` like `users`",
      "alter table `users_like` add `add_col` text, add `numeric_col` int"
    ],
  },
  {
    id: 'mysql-004',
    op: "createTable users",
    run: (op) => {
      op.createTable("users", (t) => {
          t.increments('id');
          // In MySQL a autoincrement column is always a primary key
          t.increments('other_id', { primaryKey: false });
    });
    },
    knex: [
      "create table `users` (`id` int unsigned not null auto_increment primary key, `other_id` int unsigned not null)"
    ],
    count: 1,
  },
  {
    id: 'mysql-005',
    op: "createTable users",
    run: (op) => {
      op.createTable("users", (t) => {
          t.primary(['userId', 'name']);
          t.increments('userId');
          t.string('name');
    });
    },
    knex: [
      "create table `users` (`userId` int unsigned not null, `name` varchar(255), primary key (`userId`, `name`))",
      "alter table `users` modify column `userId` int unsigned not null auto_increment"
    ],
    count: 2,
  },
  {
    id: 'mysql-006',
    op: "createTable users",
    run: (op) => {
      op.createTable("users", (t) => {
          t.string('id', 24).primary();
    });
    },
    knex: [
      "create table `users` (`id` varchar(24), primary key (`id`))"
    ],
    count: 1,
  },
  {
    id: 'mysql-007',
    op: "createTable users",
    run: (op) => {
      op.createTable("users", (t) => {
          t.increments('id');
          t.string('email');
          t.charset('utf8');
          t.collate('utf8_unicode_ci');
    });
    },
    knex: [
      "create table `users` (`id` int unsigned not null auto_increment primary key, `email` varchar(255)) default character set utf8 collate utf8_unicode_ci"
    ],
    count: 1,
  },
  {
    id: 'mysql-008',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.increments('id');
          this.string('email');
    });
    },
    knex: [
      "alter table `users` add `id` int unsigned not null auto_increment primary key, add `email` varchar(255)"
    ],
    count: 1,
  },
  {
    id: 'mysql-009',
    op: "dropView users",
    run: (op) => {
      op.dropView("users");
    },
    knex: [
      "drop view `users`"
    ],
    count: 1,
  },
  {
    id: 'mysql-010',
    op: "dropView users",
    run: (op) => {
      op.withSchema("myschema").dropView("users");
    },
    knex: [
      "drop view `myschema`.`users`"
    ],
    count: 1,
  },
  {
    id: 'mysql-011',
    op: "renameView old_view",
    run: (op) => {
      op.renameView("old_view", "new_view");
    },
    knex: [
      "rename table `old_view` to `new_view`"
    ],
    count: 1,
  },
  {
    id: 'mysql-012',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.json('preferences');
    });
    },
    knex: [
      "alter table `user` add `preferences` json"
    ],
  },
  {
    id: 'mysql-013',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.jsonb('preferences');
    });
    },
    knex: [
      "alter table `user` add `preferences` json"
    ],
  },
  {
    id: 'mysql-014',
    op: "dropTable users",
    run: (op) => {
      op.dropTable("users");
    },
    knex: [
      "drop table `users`"
    ],
    count: 1,
  },
  {
    id: 'mysql-015',
    op: "dropTableIfExists users",
    run: (op) => {
      op.dropTableIfExists("users");
    },
    knex: [
      "drop table if exists `users`"
    ],
    count: 1,
  },
  {
    id: 'mysql-016',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.dropColumn('foo');
    });
    },
    knex: [
      "alter table `users` drop `foo`"
    ],
    count: 1,
  },
  {
    id: 'mysql-017',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.dropColumn(['foo', 'bar']);
    });
    },
    knex: [
      "alter table `users` drop `foo`, drop `bar`"
    ],
    count: 1,
  },
  {
    id: 'mysql-018',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.dropColumn('foo', 'bar');
    });
    },
    knex: [
      "alter table `users` drop `foo`, drop `bar`"
    ],
    count: 1,
  },
  {
    id: 'mysql-019',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.dropPrimary();
    });
    },
    knex: [
      "alter table `users` drop primary key"
    ],
    count: 1,
  },
  {
    id: 'mysql-020',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.dropUnique('foo');
    });
    },
    knex: [
      "alter table `users` drop index `users_foo_unique`"
    ],
    count: 1,
  },
  {
    id: 'mysql-021',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.dropUnique(null, 'foo');
    });
    },
    knex: [
      "alter table `users` drop index `foo`"
    ],
    count: 1,
  },
  {
    id: 'mysql-022',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.dropIndex('foo');
    });
    },
    knex: [
      "alter table `users` drop index `users_foo_index`"
    ],
    count: 1,
  },
  {
    id: 'mysql-023',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.dropIndex(null, 'foo');
    });
    },
    knex: [
      "alter table `users` drop index `foo`"
    ],
    count: 1,
  },
  {
    id: 'mysql-024',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.dropForeign('foo');
    });
    },
    knex: [
      "alter table `users` drop foreign key `users_foo_foreign`"
    ],
    count: 1,
  },
  {
    id: 'mysql-025',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.dropForeign(null, 'foo');
    });
    },
    knex: [
      "alter table `users` drop foreign key `foo`"
    ],
    count: 1,
  },
  {
    id: 'mysql-026',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.dropTimestamps();
    });
    },
    knex: [
      "alter table `users` drop `created_at`, drop `updated_at`"
    ],
    count: 1,
  },
  {
    id: 'mysql-027',
    op: "renameTable users",
    run: (op) => {
      op.renameTable("users", "foo");
    },
    knex: [
      "rename table `users` to `foo`"
    ],
    count: 1,
  },
  {
    id: 'mysql-028',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.primary('foo', 'bar');
    });
    },
    knex: [
      "alter table `users` add primary key `bar`(`foo`)"
    ],
    count: 1,
  },
  {
    id: 'mysql-029',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.unique('foo', 'bar');
    });
    },
    knex: [
      "alter table `users` add unique `bar`(`foo`)"
    ],
    count: 1,
  },
  {
    id: 'mysql-030',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.unique('foo', {
            indexName: 'bar',
            storageEngineIndexType: 'HASH',
          });
    });
    },
    knex: [
      "alter table `users` add unique `bar`(`foo`) using HASH"
    ],
    count: 1,
  },
  {
    id: 'mysql-031',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.index(['foo', 'bar'], 'baz');
    });
    },
    knex: [
      "alter table `users` add index `baz`(`foo`, `bar`)"
    ],
    count: 1,
  },
  {
    id: 'mysql-032',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.index(['foo', 'bar'], 'baz', 'FULLTEXT');
    });
    },
    knex: [
      "alter table `users` add FULLTEXT index `baz`(`foo`, `bar`)"
    ],
  },
  {
    id: 'mysql-033',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.index(['foo', 'bar'], 'baz', {
            indexType: 'UNIQUE',
            storageEngineIndexType: 'BTREE',
          });
    });
    },
    knex: [
      "alter table `users` add UNIQUE index `baz`(`foo`, `bar`) using BTREE"
    ],
  },
  {
    id: 'mysql-034',
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
      "alter table `users` add constraint `users_foo_id_foreign` foreign key (`foo_id`) references `orders` (`id`)",
      "alter table `users` add `foo_id` int",
      "alter table `users` add constraint `users_foo_id_foreign` foreign key (`foo_id`) references `orders` (`id`)"
    ],
  },
  {
    id: 'mysql-035',
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
      "alter table `users` add constraint `fk_foo` foreign key (`foo_id`) references `orders` (`id`)",
      "alter table `users` add `foo_id` int",
      "alter table `users` add constraint `fk_foo` foreign key (`foo_id`) references `orders` (`id`)"
    ],
  },
  {
    id: 'mysql-036',
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
      "alter table `person` add constraint `person_user_id_foreign` foreign key (`user_id`) references `users` (`id`) on delete SET NULL",
      "alter table `person` add constraint `person_account_id_foreign` foreign key (`account_id`) references `accounts` (`id`) on update cascade"
    ],
    count: 3,
  },
  {
    id: 'mysql-037',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.increments('id');
    });
    },
    knex: [
      "alter table `users` add `id` int unsigned not null auto_increment primary key"
    ],
    count: 1,
  },
  {
    id: 'mysql-038',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.bigIncrements('id');
    });
    },
    knex: [
      "alter table `users` add `id` bigint unsigned not null auto_increment primary key"
    ],
    count: 1,
  },
  {
    id: 'mysql-039',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          // In MySQL a autoincrement column is always a primary key
          this.bigIncrements('id', { primaryKey: false });
    });
    },
    knex: [
      "alter table `users` add `id` bigint unsigned not null"
    ],
    count: 1,
  },
  {
    id: 'mysql-040',
    op: "createTable users",
    run: (op) => {
      op.createTable("users", (t) => {
          t.primary(['userId', 'name']);
          t.bigincrements('userId');
          t.string('name');
    });
    },
    knex: [
      "create table `users` (`userId` bigint unsigned not null, `name` varchar(255), primary key (`userId`, `name`))",
      "alter table `users` modify column `userId` bigint unsigned not null auto_increment"
    ],
    count: 2,
  },
  {
    id: 'mysql-041',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.string('name').after('foo');
    });
    },
    knex: [
      "alter table `users` add `name` varchar(255) after `foo`"
    ],
    count: 1,
  },
  {
    id: 'mysql-042',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.string('name').after('foo').comment('bar');
    });
    },
    knex: [
      "alter table `users` add `name` varchar(255) comment 'bar' after `foo`"
    ],
    count: 1,
  },
  {
    id: 'mysql-043',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.string('first_name').first();
    });
    },
    knex: [
      "alter table `users` add `first_name` varchar(255) first"
    ],
    count: 1,
  },
  {
    id: 'mysql-044',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.string('first_name').first().comment('bar');
    });
    },
    knex: [
      "alter table `users` add `first_name` varchar(255) comment 'bar' first"
    ],
    count: 1,
  },
  {
    id: 'mysql-045',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.string('foo');
    });
    },
    knex: [
      "alter table `users` add `foo` varchar(255)"
    ],
    count: 1,
  },
  {
    id: 'mysql-046',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.string('foo', 100);
    });
    },
    knex: [
      "alter table `users` add `foo` varchar(100)"
    ],
    count: 1,
  },
  {
    id: 'mysql-047',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.string('foo', 100).notNull().defaultTo('bar');
    });
    },
    knex: [
      "alter table `users` add `foo` varchar(100) not null default 'bar'"
    ],
    count: 1,
  },
  {
    id: 'mysql-048',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.string('foo', 100)
            .nullable()
            .defaultTo(op.raw('CURRENT TIMESTAMP'));
    });
    },
    knex: [
      "alter table `users` add `foo` varchar(100) null default CURRENT TIMESTAMP"
    ],
    count: 1,
  },
  {
    id: 'mysql-049',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.text('foo');
    });
    },
    knex: [
      "alter table `users` add `foo` text"
    ],
    count: 1,
  },
  {
    id: 'mysql-050',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.bigInteger('foo');
    });
    },
    knex: [
      "alter table `users` add `foo` bigint"
    ],
    count: 1,
  },
  {
    id: 'mysql-051',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.integer('foo');
    });
    },
    knex: [
      "alter table `users` add `foo` int"
    ],
    count: 1,
  },
  {
    id: 'mysql-052',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.mediumint('foo');
    });
    },
    knex: [
      "alter table `users` add `foo` mediumint"
    ],
    count: 1,
  },
  {
    id: 'mysql-053',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.smallint('foo');
    });
    },
    knex: [
      "alter table `users` add `foo` smallint"
    ],
    count: 1,
  },
  {
    id: 'mysql-054',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.tinyint('foo');
    });
    },
    knex: [
      "alter table `users` add `foo` tinyint"
    ],
    count: 1,
  },
  {
    id: 'mysql-055',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.float('foo', 5, 2);
    });
    },
    knex: [
      "alter table `users` add `foo` float(5, 2)"
    ],
    count: 1,
  },
  {
    id: 'mysql-056',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.double('foo');
    });
    },
    knex: [
      "alter table `users` add `foo` double"
    ],
    count: 1,
  },
  {
    id: 'mysql-057',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.double('foo', 15, 8);
    });
    },
    knex: [
      "alter table `users` add `foo` double(15, 8)"
    ],
    count: 1,
  },
  {
    id: 'mysql-058',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.decimal('foo', 5, 2);
    });
    },
    knex: [
      "alter table `users` add `foo` decimal(5, 2)"
    ],
    count: 1,
  },
  {
    id: 'mysql-059',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.boolean('foo');
    });
    },
    knex: [
      "alter table `users` add `foo` boolean"
    ],
    count: 1,
  },
  {
    id: 'mysql-060',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.enum('foo', ['bar', 'baz']);
    });
    },
    knex: [
      "alter table `users` add `foo` enum('bar', 'baz')"
    ],
    count: 1,
  },
  {
    id: 'mysql-061',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.date('foo');
    });
    },
    knex: [
      "alter table `users` add `foo` date"
    ],
    count: 1,
  },
  {
    id: 'mysql-062',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.dateTime('foo');
    });
    },
    knex: [
      "alter table `users` add `foo` datetime"
    ],
    count: 1,
  },
  {
    id: 'mysql-063',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.dateTime('foo', { precision: 3 });
    });
    },
    knex: [
      "alter table `users` add `foo` datetime(3)"
    ],
    count: 1,
  },
  {
    id: 'mysql-064',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.time('foo');
    });
    },
    knex: [
      "alter table `users` add `foo` time"
    ],
    count: 1,
  },
  {
    id: 'mysql-065',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.time('foo', { precision: 3 });
    });
    },
    knex: [
      "alter table `users` add `foo` time(3)"
    ],
    count: 1,
  },
  {
    id: 'mysql-066',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.timestamp('foo');
    });
    },
    knex: [
      "alter table `users` add `foo` timestamp"
    ],
    count: 1,
  },
  {
    id: 'mysql-067',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.timestamp('foo', { precision: 3 });
    });
    },
    knex: [
      "alter table `users` add `foo` timestamp(3)"
    ],
    count: 1,
  },
  {
    id: 'mysql-068',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.timestamps();
    });
    },
    knex: [
      "alter table `users` add `created_at` datetime, add `updated_at` datetime"
    ],
    count: 1,
  },
  {
    id: 'mysql-069',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.timestamp('foo', 6);
    });
    },
    knex: [
      "alter table `users` add `foo` timestamp(6)"
    ],
    count: 1,
  },
  {
    id: 'mysql-070',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.datetime('foo', 6);
    });
    },
    knex: [
      "alter table `users` add `foo` datetime(6)"
    ],
    count: 1,
  },
  {
    id: 'mysql-071',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.binary('foo');
    });
    },
    knex: [
      "alter table `users` add `foo` blob"
    ],
    count: 1,
  },
  {
    id: 'mysql-072',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.decimal('foo', 2, 6);
    });
    },
    knex: [
      "alter table `users` add `foo` decimal(2, 6)"
    ],
    count: 1,
  },
  {
    id: 'mysql-073',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.uuid('foo');
    });
    },
    knex: [
      "alter table `users` add `foo` char(36)"
    ],
  },
  {
    id: 'mysql-074',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.uuid('foo', { useBinaryUuid: true });
    });
    },
    knex: [
      "alter table `users` add `foo` binary(16)"
    ],
  },
  {
    id: 'mysql-075',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.comment('Custom comment');
    });
    },
    knex: [
      "alter table `users` comment = 'Custom comment'"
    ],
    count: 1,
  },
  {
    id: 'mysql-076',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.comment('');
    });
    },
    knex: [
      "alter table `users` comment = ''"
    ],
    count: 1,
  },
  {
    id: 'mysql-077',
    op: "createTable test",
    run: (op) => {
      op.createTable("test", (t) => {
          t.text('column1').comment(
            "The table's first column and it's escaped"
          );
    });
    },
    knex: [
      "create table `test` (`column1` text comment 'The table\\'s first column and it\\'s escaped')"
    ],
    count: 1,
  },
  {
    id: 'mysql-078',
    op: "createTable test",
    run: (op) => {
      op.createTable("test", (t) => {
          t.text('column1').comment(
            "The table\\'s first column and it\\'s escaped"
          );
    });
    },
    knex: [
      "create table `test` (`column1` text comment 'The table\\'s first column and it\\'s escaped')"
    ],
    count: 1,
  },
  {
    id: 'mysql-079',
    op: "createTable users",
    run: (op) => {
      op.createTable("users", (t) => {
          t.comment('big comment'.repeat(100));
    });
    },
    knex: [
      "The max length for a table comment is 1024 characters"
    ],
  },
  {
    id: 'mysql-080',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", function () {
          this.string('foo').alter();
          this.string('bar');
    });
    },
    knex: [
      "alter table `users` add `bar` varchar(255)",
      "alter table `users` modify `foo` varchar(255)"
    ],
    count: 2,
  },
  {
    id: 'mysql-081',
    op: "createTable default_raw_test",
    run: (op) => {
      op.createTable("default_raw_test", (t) => {
          t.timestamp('created_at').defaultTo(op.raw('CURRENT_TIMESTAMP'));
    });
    },
    knex: [
      "create table `default_raw_test` (`created_at` timestamp default CURRENT_TIMESTAMP)"
    ],
    count: 1,
  },
  {
    id: 'mysql-082',
    op: "alterTable composite_key_test",
    run: (op) => {
      op.alterTable("composite_key_test", (t) => {
          t.dropUnique(['column_a', 'column_b']);
    });
    },
    knex: [
      "alter table `composite_key_test` drop index `composite_key_test_column_a_column_b_unique`"
    ],
    count: 1,
  },
  {
    id: 'mysql-083',
    op: "alterTable composite_key_test",
    run: (op) => {
      op.alterTable("composite_key_test", (t) => {
          t.dropUniqueIfExists(['column_a', 'column_b']);
    });
    },
    knex: [
      "alter table `composite_key_test` drop index if exists `composite_key_test_column_a_column_b_unique`"
    ],
    count: 1,
  },
  {
    id: 'mysql-084',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.dropUniqueIfExists('email');
    });
    },
    knex: [
      "alter table `users` drop index if exists `users_email_unique`"
    ],
    count: 1,
  },
  {
    id: 'mysql-085',
    op: "createTable default_raw_test",
    run: (op) => {
      op.createTable("default_raw_test", (t) => {
          t.timestamp('created_at').default(op.raw('CURRENT_TIMESTAMP'));
    });
    },
    knex: [
      "create table `default_raw_test` (`created_at` timestamp default CURRENT_TIMESTAMP)"
    ],
    count: 1,
  },
  {
    id: 'mysql-086',
    op: "createTable users",
    run: (op) => {
      op.createTable("users", (t) => {
          t.string('username');
          t.engine('myISAM');
    });
    },
    knex: [
      "create table `users` (`username` varchar(255)) engine = myISAM"
    ],
  },
  {
    id: 'mysql-087',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.primary(['test1', 'test2'], 'testconstraintname');
    });
    },
    knex: [
      "alter table `users` add primary key `testconstraintname`(`test1`, `test2`)"
    ],
  },
  {
    id: 'mysql-088',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.integer('price').checkPositive();
    });
    },
    knex: [
      "alter table `user` add `price` int check (`price` > 0)"
    ],
  },
  {
    id: 'mysql-089',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.integer('price').checkNegative();
    });
    },
    knex: [
      "alter table `user` add `price` int check (`price` < 0)"
    ],
  },
  {
    id: 'mysql-090',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.string('animal').checkIn(['cat', 'dog']);
    });
    },
    knex: [
      "alter table `user` add `animal` varchar(255) check (`animal` in ('cat','dog'))"
    ],
  },
  {
    id: 'mysql-091',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.string('animal').checkNotIn(['cat', 'dog']);
    });
    },
    knex: [
      "alter table `user` add `animal` varchar(255) check (`animal` not in ('cat','dog'))"
    ],
  },
  {
    id: 'mysql-092',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.integer('price').checkBetween([10, 15]);
    });
    },
    knex: [
      "alter table `user` add `price` int check (`price` between 10 and 15)"
    ],
  },
  {
    id: 'mysql-093',
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
      "alter table `user` add `price` int check (`price` between 10 and 15 or `price` between 20 and 25)"
    ],
  },
  {
    id: 'mysql-094',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.integer('price').checkBetween(['banana', 'orange']);
    });
    },
    knex: [
      "alter table `user` add `price` int check (`price` between 'banana' and 'orange')"
    ],
  },
  {
    id: 'mysql-095',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.varchar('phone').checkLength('=', 8);
    });
    },
    knex: [
      "alter table `user` add `phone` varchar(255) check (length(`phone`) = 8)"
    ],
  },
  {
    id: 'mysql-096',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.varchar('phone').checkRegex('[0-9]{8}');
    });
    },
    knex: [
      "alter table `user` add `phone` varchar(255) check (`phone` REGEXP '[0-9]{8}')"
    ],
  },
  {
    id: 'mysql-097',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.dropChecks(['check_constraint1', 'check_constraint2']);
    });
    },
    knex: [
      "alter table `user` drop constraint check_constraint1, drop constraint check_constraint2"
    ],
  },
];
