// @ts-nocheck -- knex's tests pass arguments its type definitions do not declare (arrays, null),
// as a JavaScript revision may; sucrase runs revisions untyped too.
import type { ParityCase } from '../parity-case.js';

/**
 * knex 3.3.0's sqlite3 schema-builder unit tests as facts: the builder calls and the SQL knex
 * expects for them, rewritten as sqlgen revision bodies.
 */
export const SQLITE_CASES: ParityCase[] = [
  {
    id: 'sqlite-001',
    op: "createTable users",
    run: (op) => {
      op.createTable("users", (t) => {
          t.increments('id');
          t.string('email');
    });
    },
    knex: [
      "create table `users` (`id` integer not null primary key autoincrement, `email` varchar(255))"
    ],
    count: 1,
  },
  {
    id: 'sqlite-002',
    op: "createTableLike users",
    run: (op) => {
      op.createTableLike("users", "users_like");
    },
    knex: [
      "create table `users` as select * from `users_like` where 0=1"
    ],
    count: 1,
  },
  {
    id: 'sqlite-003',
    op: "createTableLike users_like",
    run: (op) => {
      op.createTableLike("users_like", "users", (t) => {
          t.text('add_col');
          t.integer('add_num_col');
    });
    },
    knex: [
      "create table `users_like` as select * from `users` where 0=1",
      "alter table `users_like` add column `add_col` text",
      "alter table `users_like` add column `add_num_col` integer"
    ],
  },
  {
    id: 'sqlite-004',
    op: "createView adults",
    run: (op) => {
      op.createView("adults", (t) => {
          t.columns(['name']);
          t.as(op.query('users').select('name').where('age', '>', '18'));
    });
    },
    knex: [
      "create view `adults` (`name`) as select `name` from `users` where `age` > '18'"
    ],
    count: 1,
  },
  {
    id: 'sqlite-005',
    op: "createView adults",
    run: (op) => {
      op.createView("adults", (t) => {
          t.as(op.query('users').select('name').where('age', '>', '18'));
    });
    },
    knex: [
      "create view `adults` as select `name` from `users` where `age` > '18'"
    ],
    count: 1,
  },
  {
    id: 'sqlite-006',
    op: "createViewOrReplace adults",
    run: (op) => {
      op.createViewOrReplace("adults", (t) => {
          t.columns(['name']);
          t.as(op.query('users').select('name').where('age', '>', '18'));
    });
    },
    knex: [
      "drop view if exists `adults`",
      "create view `adults` (`name`) as select `name` from `users` where `age` > '18'"
    ],
  },
  {
    id: 'sqlite-007',
    op: "createViewOrReplace adults",
    run: (op) => {
      op.createViewOrReplace("adults", (t) => {
          t.as(op.query('users').select('name').where('age', '>', '18'));
    });
    },
    knex: [
      "drop view if exists `adults`",
      "create view `adults` as select `name` from `users` where `age` > '18'"
    ],
  },
  {
    id: 'sqlite-008',
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
    id: 'sqlite-009',
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
    id: 'sqlite-010',
    op: "createTable user",
    run: (op) => {
      op.createTable("user", (t) => {
          t.json('preferences');
    });
      op.alterTable("user", (t) => {});
    },
    knex: [
      "create table `user` (`preferences` json)"
    ],
  },
  {
    id: 'sqlite-011',
    op: "createTable users",
    run: (op) => {
      op.createTable("users", (t) => {
          // This make nothing in SQLite, autoincrement without primary key is a syntax error.
          t.increments('id', { primaryKey: false });
    });
    },
    knex: [
      "create table `users` (`id` integer not null primary key autoincrement)"
    ],
    count: 1,
  },
  {
    id: 'sqlite-012',
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
    id: 'sqlite-013',
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
    id: 'sqlite-014',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.dropUnique('foo');
    });
    },
    knex: [
      "drop index `users_foo_unique`"
    ],
    count: 1,
  },
  {
    id: 'sqlite-015',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.dropUnique(null, 'foo');
    });
    },
    knex: [
      "drop index `foo`"
    ],
    count: 1,
  },
  {
    id: 'sqlite-016',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.dropUniqueIfExists('foo');
    });
    },
    knex: [
      "drop index if exists `users_foo_unique`"
    ],
    count: 1,
  },
  {
    id: 'sqlite-017',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.dropUniqueIfExists(null, 'foo');
    });
    },
    knex: [
      "drop index if exists `foo`"
    ],
    count: 1,
  },
  {
    id: 'sqlite-018',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.dropIndex('foo');
    });
    },
    knex: [
      "drop index `users_foo_index`"
    ],
    count: 1,
  },
  {
    id: 'sqlite-019',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.dropIndex(null, 'foo');
    });
    },
    knex: [
      "drop index `foo`"
    ],
    count: 1,
  },
  {
    id: 'sqlite-020',
    op: "renameTable users",
    run: (op) => {
      op.renameTable("users", "foo");
    },
    knex: [
      "alter table `users` rename to `foo`"
    ],
    count: 1,
  },
  {
    id: 'sqlite-021',
    op: "createTable users",
    run: (op) => {
      op.createTable("users", (t) => {
          t.string('foo');
          t.primary('foo');
    });
    },
    knex: [
      "create table `users` (`foo` varchar(255), primary key (`foo`))"
    ],
    count: 1,
  },
  {
    id: 'sqlite-022',
    op: "createTable users",
    run: (op) => {
      op.createTable("users", (t) => {
          t.string('foo');
          t.primary('foo', 'pk-users');
    });
    },
    knex: [
      "create table `users` (`foo` varchar(255), constraint `pk-users` primary key (`foo`))"
    ],
    count: 1,
  },
  {
    id: 'sqlite-023',
    op: "createTable users",
    run: (op) => {
      op.createTable("users", (t) => {
          t.string('foo');
          t.string('order_id');
          t.primary(['foo', 'order_id']);
    });
    },
    knex: [
      "create table `users` (`foo` varchar(255), `order_id` varchar(255), primary key (`foo`, `order_id`))"
    ],
    count: 1,
  },
  {
    id: 'sqlite-024',
    op: "createTable users",
    run: (op) => {
      op.createTable("users", (t) => {
          t.string('foo');
          t.string('order_id');
          t.primary(['foo', 'order_id'], 'pk-users');
    });
    },
    knex: [
      "create table `users` (`foo` varchar(255), `order_id` varchar(255), constraint `pk-users` primary key (`foo`, `order_id`))"
    ],
    count: 1,
  },
  {
    id: 'sqlite-025',
    op: "createTable users",
    run: (op) => {
      op.createTable("users", (t) => {
          t.string('foo').primary();
    });
    },
    knex: [
      "create table `users` (`foo` varchar(255), primary key (`foo`))"
    ],
    count: 1,
  },
  {
    id: 'sqlite-026',
    op: "createTable users",
    run: (op) => {
      op.createTable("users", (t) => {
          t.string('foo').primary('pk-users');
    });
    },
    knex: [
      "create table `users` (`foo` varchar(255), constraint `pk-users` primary key (`foo`))"
    ],
    count: 1,
  },
  {
    id: 'sqlite-027',
    op: "createTable users",
    run: (op) => {
      op.createTable("users", (t) => {
          t.string('foo').primary();
          t.string('order_id');
          t.foreign('order_id').references('id').on('orders');
    });
    },
    knex: [
      "create table `users` (`foo` varchar(255), `order_id` varchar(255), foreign key(`order_id`) references `orders`(`id`), primary key (`foo`))"
    ],
    count: 1,
  },
  {
    id: 'sqlite-028',
    op: "createTable users",
    run: (op) => {
      op.createTable("users", (t) => {
          t.string('foo').primary();
          t.string('order_id');
          t
            .foreign('order_id', 'fk-users-orders')
            .references('id')
            .on('orders');
    });
    },
    knex: [
      "create table `users` (`foo` varchar(255), `order_id` varchar(255), constraint `fk-users-orders` foreign key(`order_id`) references `orders`(`id`), primary key (`foo`))"
    ],
    count: 1,
  },
  {
    id: 'sqlite-029',
    op: "createTable users",
    run: (op) => {
      op.createTable("users", (t) => {
          t.string('foo').primary();
          t.string('order_id').references('id').on('orders');
    });
    },
    knex: [
      "create table `users` (`foo` varchar(255), `order_id` varchar(255), foreign key(`order_id`) references `orders`(`id`), primary key (`foo`))"
    ],
    count: 1,
  },
  {
    id: 'sqlite-030',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.unique('foo');
    });
    },
    knex: [
      "create unique index `users_foo_unique` on `users` (`foo`)"
    ],
    count: 1,
  },
  {
    id: 'sqlite-031',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.unique('foo', 'bar');
    });
    },
    knex: [
      "create unique index `bar` on `users` (`foo`)"
    ],
    count: 1,
  },
  {
    id: 'sqlite-032',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.index(['foo', 'bar'], 'baz');
    });
    },
    knex: [
      "create index `baz` on `users` (`foo`, `bar`)"
    ],
    count: 1,
  },
  {
    id: 'sqlite-033',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.index(['foo', 'bar'], 'baz', {
            predicate: op.query().whereRaw('email = "foo@bar"'),
          });
    });
    },
    knex: [
      "create index `baz` on `users` (`foo`, `bar`) where email = \"foo@bar\""
    ],
    count: 1,
  },
  {
    id: 'sqlite-034',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.index(['foo', 'bar'], 'baz', {
            predicate: op.query().whereNotNull('email'),
          });
    });
    },
    knex: [
      "create index `baz` on `users` (`foo`, `bar`) where `email` is not null"
    ],
    count: 1,
  },
  {
    id: 'sqlite-035',
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
      "create unique index `baz` on `users` (`foo`, `bar`) where email = \"foo@bar\""
    ],
    count: 1,
  },
  {
    id: 'sqlite-036',
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
      "create unique index `baz` on `users` (`foo`, `bar`) where `email` is not null"
    ],
    count: 1,
  },
  {
    id: 'sqlite-037',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.increments('id');
    });
    },
    knex: [
      "alter table `users` add column `id` integer not null primary key autoincrement"
    ],
    count: 1,
  },
  {
    id: 'sqlite-038',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.bigIncrements('id');
    });
    },
    knex: [
      "alter table `users` add column `id` integer not null primary key autoincrement"
    ],
    count: 1,
  },
  {
    id: 'sqlite-039',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          // This make nothing in SQLite, autoincrement without primary key is a syntax error.
          t.bigIncrements('id', { primaryKey: false });
    });
    },
    knex: [
      "alter table `users` add column `id` integer not null primary key autoincrement"
    ],
    count: 1,
  },
  {
    id: 'sqlite-040',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.string('foo');
    });
    },
    knex: [
      "alter table `users` add column `foo` varchar(255)"
    ],
    count: 1,
  },
  {
    id: 'sqlite-041',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.string('foo', 100);
    });
    },
    knex: [
      "alter table `users` add column `foo` varchar(100)"
    ],
    count: 1,
  },
  {
    id: 'sqlite-042',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.string('foo').defaultTo(null);
    });
    },
    knex: [
      "alter table `users` add column `foo` varchar(255) default null"
    ],
  },
  {
    id: 'sqlite-043',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.string('foo').defaultTo("single 'quoted' value");
    });
    },
    knex: [
      "alter table `users` add column `foo` varchar(255) default 'single ''quoted'' value'"
    ],
  },
  {
    id: 'sqlite-044',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.string('foo', 100).notNull().defaultTo('bar');
    });
    },
    knex: [
      "alter table `users` add column `foo` varchar(100) not null default 'bar'"
    ],
    count: 1,
  },
  {
    id: 'sqlite-045',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.text('foo');
    });
    },
    knex: [
      "alter table `users` add column `foo` text"
    ],
    count: 1,
  },
  {
    id: 'sqlite-046',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.bigInteger('foo');
    });
    },
    knex: [
      "alter table `users` add column `foo` bigint"
    ],
    count: 1,
  },
  {
    id: 'sqlite-047',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.bigIncrements('foo');
    });
    },
    knex: [
      "alter table `users` add column `foo` integer not null primary key autoincrement"
    ],
    count: 1,
  },
  {
    id: 'sqlite-048',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.integer('foo');
    });
    },
    knex: [
      "alter table `users` add column `foo` integer"
    ],
    count: 1,
  },
  {
    id: 'sqlite-049',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.increments('foo');
    });
    },
    knex: [
      "alter table `users` add column `foo` integer not null primary key autoincrement"
    ],
    count: 1,
  },
  {
    id: 'sqlite-050',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.mediumint('foo');
    });
    },
    knex: [
      "alter table `users` add column `foo` integer"
    ],
    count: 1,
  },
  {
    id: 'sqlite-051',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.tinyint('foo');
    });
    },
    knex: [
      "alter table `users` add column `foo` tinyint"
    ],
    count: 1,
  },
  {
    id: 'sqlite-052',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.smallint('foo');
    });
    },
    knex: [
      "alter table `users` add column `foo` integer"
    ],
    count: 1,
  },
  {
    id: 'sqlite-053',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.float('foo', 5, 2);
    });
    },
    knex: [
      "alter table `users` add column `foo` float"
    ],
    count: 1,
  },
  {
    id: 'sqlite-054',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.double('foo', 15, 8);
    });
    },
    knex: [
      "alter table `users` add column `foo` float"
    ],
    count: 1,
  },
  {
    id: 'sqlite-055',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.decimal('foo', 5, 2);
    });
    },
    knex: [
      "alter table `users` add column `foo` float"
    ],
    count: 1,
  },
  {
    id: 'sqlite-056',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.decimal('foo', null);
    });
    },
    knex: [
      "alter table `users` add column `foo` float"
    ],
    count: 1,
  },
  {
    id: 'sqlite-057',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.boolean('foo');
    });
    },
    knex: [
      "alter table `users` add column `foo` boolean"
    ],
    count: 1,
  },
  {
    id: 'sqlite-058',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.enum('foo', ['bar', 'baz']);
    });
    },
    knex: [
      "alter table `users` add column `foo` text check (`foo` in ('bar', 'baz'))"
    ],
    count: 1,
  },
  {
    id: 'sqlite-059',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.date('foo');
    });
    },
    knex: [
      "alter table `users` add column `foo` date"
    ],
    count: 1,
  },
  {
    id: 'sqlite-060',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.dateTime('foo');
    });
    },
    knex: [
      "alter table `users` add column `foo` datetime"
    ],
    count: 1,
  },
  {
    id: 'sqlite-061',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.time('foo');
    });
    },
    knex: [
      "alter table `users` add column `foo` time"
    ],
    count: 1,
  },
  {
    id: 'sqlite-062',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.timestamp('foo');
    });
    },
    knex: [
      "alter table `users` add column `foo` datetime"
    ],
    count: 1,
  },
  {
    id: 'sqlite-063',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.binary('foo');
    });
    },
    knex: [
      "alter table `users` add column `foo` blob"
    ],
    count: 1,
  },
  {
    id: 'sqlite-064',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.uuid('foo');
    });
    },
    knex: [
      "alter table `users` add column `foo` char(36)"
    ],
  },
  {
    id: 'sqlite-065',
    op: "alterTable users",
    run: (op) => {
      op.alterTable("users", (t) => {
          t.uuid('foo', { useBinaryUuid: true });
    });
    },
    knex: [
      "alter table `users` add column `foo` binary(16)"
    ],
  },
  {
    id: 'sqlite-066',
    op: "createTable users",
    run: (op) => {
      op.createTable("users", (t) => {
          t
            .string('user_id', 36)
            .index()
            .references('id')
            .inTable('user')
            .onDelete('CASCADE');
    });
    },
    knex: [
      "create table `users` (`user_id` varchar(36), foreign key(`user_id`) references `user`(`id`) on delete CASCADE)"
    ],
    count: 2,
  },
  {
    id: 'sqlite-067',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.integer('price').checkPositive();
    });
    },
    knex: [
      "alter table `user` add column `price` integer check (`price` > 0)"
    ],
  },
  {
    id: 'sqlite-068',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.integer('price').checkNegative();
    });
    },
    knex: [
      "alter table `user` add column `price` integer check (`price` < 0)"
    ],
  },
  {
    id: 'sqlite-069',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.string('animal').checkIn(['cat', 'dog']);
    });
    },
    knex: [
      "alter table `user` add column `animal` varchar(255) check (`animal` in ('cat','dog'))"
    ],
  },
  {
    id: 'sqlite-070',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.string('animal').checkNotIn(['cat', 'dog']);
    });
    },
    knex: [
      "alter table `user` add column `animal` varchar(255) check (`animal` not in ('cat','dog'))"
    ],
  },
  {
    id: 'sqlite-071',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.integer('price').checkBetween([10, 15]);
    });
    },
    knex: [
      "alter table `user` add column `price` integer check (`price` between 10 and 15)"
    ],
  },
  {
    id: 'sqlite-072',
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
      "alter table `user` add column `price` integer check (`price` between 10 and 15 or `price` between 20 and 25)"
    ],
  },
  {
    id: 'sqlite-073',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.integer('price').checkBetween(['banana', 'orange']);
    });
    },
    knex: [
      "alter table `user` add column `price` integer check (`price` between 'banana' and 'orange')"
    ],
  },
  {
    id: 'sqlite-074',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.varchar('phone').checkLength('=', 8);
    });
    },
    knex: [
      "alter table `user` add column `phone` varchar(255) check (length(`phone`) = 8)"
    ],
  },
  {
    id: 'sqlite-075',
    op: "alterTable user",
    run: (op) => {
      op.alterTable("user", (t) => {
          t.varchar('phone').checkRegex('[0-9]{8}');
    });
    },
    knex: [
      "alter table `user` add column `phone` varchar(255) check (`phone` REGEXP '[0-9]{8}')"
    ],
  },
  {
    id: 'sqlite-076',
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
