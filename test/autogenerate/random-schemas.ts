/**
 * Random schemas for autogenerate's property test: a schema A, and B made from A by random
 * changes of every kind autogenerate handles (tables, columns of many types, defaults,
 * nullability, keys, foreign keys, indexes including partial and expression ones on PostgreSQL,
 * checks, enums, views). Both are written as DDL of the dialect; a seeded generator makes each
 * case reproducible from its seed.
 */
import { pick, pickIfAny, prng, type Random } from '../helpers/random.js';

export type SchemaDialect = 'postgresql' | 'sqlite';

interface Column {
  name: string;
  type: string;
  nullable: boolean;
  default?: string;
}

interface Index {
  name: string;
  unique: boolean;
  /** Column names, or one expression in parentheses (PostgreSQL). */
  parts: string[];
  where?: string;
}

interface Table {
  name: string;
  columns: Column[];
  primaryKey: string[];
  uniques: { name: string; columns: string[] }[];
  checks: { name: string; column: string; expression: string }[];
  foreignKeys: { name: string; column: string; table: string; onDelete?: string }[];
  indexes: Index[];
}

export interface Schema {
  enums: { name: string; values: string[] }[];
  tables: Table[];
  views: { name: string; table: string; columns: string[] }[];
}


/** Column types with defaults that suit them, per dialect. */
const TYPES: Record<SchemaDialect, { type: string; defaults: string[] }[]> = {
  postgresql: [
    { type: 'integer', defaults: ['0', '42'] },
    { type: 'bigint', defaults: ['7'] },
    { type: 'smallint', defaults: ['1'] },
    { type: 'text', defaults: ["'it''s'", "''"] },
    { type: 'varchar(40)', defaults: ["'pending'"] },
    { type: 'varchar(200)', defaults: ["'x'"] },
    { type: 'numeric(12,2)', defaults: ['0', '9.5'] },
    { type: 'boolean', defaults: ['true', 'false'] },
    { type: 'date', defaults: ['CURRENT_DATE'] },
    { type: 'timestamptz', defaults: ['now()'] },
    { type: 'timestamp', defaults: ["'2020-01-01 00:00:00'"] },
    { type: 'jsonb', defaults: ["'{}'"] },
    { type: 'uuid', defaults: [] },
    { type: 'double precision', defaults: ['1.5'] },
  ],
  sqlite: [
    { type: 'integer', defaults: ['0', '42'] },
    { type: 'text', defaults: ["'it''s'", "''"] },
    { type: 'varchar(40)', defaults: ["'pending'"] },
    { type: 'real', defaults: ['1.5'] },
    { type: 'numeric', defaults: ['0'] },
    { type: 'boolean', defaults: ['1', '0'] },
    { type: 'datetime', defaults: ['CURRENT_TIMESTAMP'] },
    { type: 'blob', defaults: [] },
  ],
};

/** Type changes that hold for any value of the old type (the tables are empty anyway). */
const WIDER: Record<string, string> = { integer: 'bigint', smallint: 'integer', 'varchar(40)': 'varchar(200)', 'varchar(200)': 'text', text: 'varchar(200)', real: 'numeric', numeric: 'real' };

class Generator {
  private counter = 0;
  constructor(
    private readonly random: Random,
    private readonly dialect: SchemaDialect,
  ) {}

  name(prefix: string): string {
    this.counter += 1;
    return `${prefix}_${this.counter}`;
  }

  column(schema: Schema): Column {
    const choices = [...TYPES[this.dialect].map((entry) => entry.type), ...schema.enums.map((entry) => entry.name)];
    const type = pick(this.random, choices);
    const enumeration = schema.enums.find((entry) => entry.name === type);
    // Only an enum's first label as a default: a label added in the same revision cannot be used before it commits.
    const defaults = enumeration ? [`'${enumeration.values[0]}'`] : TYPES[this.dialect].find((entry) => entry.type === type)!.defaults;
    const withDefault = defaults.length > 0 && this.random() < 0.4;
    const nullable = this.random() < 0.6 || (!withDefault && this.random() < 0.5);
    return { name: this.name('col'), type, nullable, ...(withDefault && { default: pick(this.random, defaults) }) };
  }

  table(schema: Schema): Table {
    const name = this.name('tab');
    const serial = this.dialect === 'postgresql' && this.random() < 0.5;
    const id: Column = serial ? { name: 'id', type: 'serial', nullable: false } : { name: 'id', type: 'integer', nullable: false };
    const table: Table = { name, columns: [id], primaryKey: ['id'], uniques: [], checks: [], foreignKeys: [], indexes: [] };
    const count = 1 + Math.floor(this.random() * 4);
    for (let index = 0; index < count; index++) table.columns.push(this.column(schema));
    if (this.random() < 0.3) this.addUnique(table);
    if (this.random() < 0.3) this.addCheck(table);
    if (this.random() < 0.4) this.addIndex(table);
    if (schema.tables.length > 0 && this.random() < 0.5) this.addForeignKey(table, schema);
    return table;
  }

  addUnique(table: Table): void {
    const column = pickIfAny(this.random, table.columns.filter((candidate) => candidate.name !== 'id' && !candidate.type.startsWith('json') && !this.isEnumLike(candidate) && !table.uniques.some((unique) => unique.columns.includes(candidate.name))));
    if (column) table.uniques.push({ name: this.name('uq'), columns: [column.name] });
  }

  addCheck(table: Table): void {
    const column = table.columns.find((candidate) => ['integer', 'bigint', 'smallint', 'numeric(12,2)', 'real', 'numeric'].includes(candidate.type));
    if (column) table.checks.push({ name: this.name('ck'), column: column.name, expression: `${column.name} >= 0` });
  }

  addIndex(table: Table): void {
    const columns = table.columns.filter((candidate) => !candidate.type.startsWith('json') && candidate.type !== 'blob');
    const column = pick(this.random, columns);
    const kind = this.random();
    const text = columns.find((candidate) => candidate.type === 'text' || candidate.type.startsWith('varchar'));
    if (this.dialect === 'postgresql' && kind < 0.25 && text) table.indexes.push({ name: this.name('ix'), unique: false, parts: [`(lower(${text.name}))`] });
    else if (kind < 0.5) table.indexes.push({ name: this.name('ix'), unique: false, parts: [column.name], where: `${column.name} IS NOT NULL` });
    else table.indexes.push({ name: this.name('ix'), unique: kind > 0.85, parts: [column.name] });
  }

  addForeignKey(table: Table, schema: Schema): void {
    const target = pick(this.random, schema.tables);
    const column: Column = { name: this.name('ref'), type: target.columns[0]!.type === 'serial' || target.columns[0]!.type === 'integer' ? 'integer' : 'bigint', nullable: true };
    table.columns.push(column);
    table.foreignKeys.push({ name: this.name('fk'), column: column.name, table: target.name, ...(this.random() < 0.5 && { onDelete: pick(this.random, ['CASCADE', 'SET NULL']) }) });
  }

  view(schema: Schema): Schema['views'][number] | undefined {
    const table = pickIfAny(this.random, schema.tables);
    if (!table) return undefined;
    const columns = table.columns.filter(() => this.random() < 0.6).map((column) => column.name);
    return { name: this.name('view'), table: table.name, columns: columns.length > 0 ? columns : ['id'] };
  }

  private isEnumLike(column: Column): boolean {
    return column.type === 'boolean';
  }
}

/** A schema of 1 to 4 tables, an enum on PostgreSQL, and a view or two. */
export function randomSchema(seed: number, dialect: SchemaDialect): { schema: Schema; generator: Generator; random: Random } {
  const random = prng(seed);
  const generator = new Generator(random, dialect);
  const schema: Schema = { enums: [], tables: [], views: [] };
  if (dialect === 'postgresql' && random() < 0.6) schema.enums.push({ name: generator.name('mood'), values: ['low', 'mid', 'high'] });
  const tables = 1 + Math.floor(random() * 4);
  for (let index = 0; index < tables; index++) schema.tables.push(generator.table(schema));
  const views = Math.floor(random() * 3);
  for (let index = 0; index < views; index++) {
    const view = generator.view(schema);
    if (view) schema.views.push(view);
  }
  return { schema, generator, random };
}

const MUTATIONS = [
  'add table', 'drop table', 'add column', 'drop column', 'change type', 'toggle null', 'change default',
  'add index', 'drop index', 'add check', 'drop check', 'add unique', 'drop unique', 'add foreign key', 'drop foreign key',
  'add view', 'drop view', 'change view', 'add enum value',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

/** B: a copy of A with 1 to 4 random changes; returns the changes made, by kind. */
export function mutate(a: Schema, generator: Generator, random: Random, dialect: SchemaDialect): { schema: Schema; mutations: Mutation[] } {
  const schema = structuredClone(a);
  const mutations: Mutation[] = [];
  const count = 1 + Math.floor(random() * 4);
  for (let attempt = 0; mutations.length < count && attempt < 40; attempt++) {
    const mutation = pick(random, MUTATIONS);
    if (applyMutation(schema, mutation, generator, random, dialect)) mutations.push(mutation);
  }
  return { schema, mutations };
}

function applyMutation(schema: Schema, mutation: Mutation, generator: Generator, random: Random, dialect: SchemaDialect): boolean {
  const table = pickIfAny(random, schema.tables);
  const others = (candidate: Column) => candidate.name !== 'id';
  switch (mutation) {
    case 'add table':
      schema.tables.push(generator.table(schema));
      return true;
    case 'drop table': {
      if (!table || schema.tables.length < 2) return false;
      schema.tables = schema.tables.filter((candidate) => candidate !== table);
      for (const other of schema.tables) {
        const gone = other.foreignKeys.filter((key) => key.table === table.name).map((key) => key.column);
        other.foreignKeys = other.foreignKeys.filter((key) => key.table !== table.name);
        for (const column of gone) dropColumn(schema, other, column);
      }
      schema.views = schema.views.filter((view) => view.table !== table.name);
      return true;
    }
    case 'add column': {
      if (!table) return false;
      const column = generator.column(schema);
      // A NOT NULL column needs a default to be added to a table (rows or not, SQLite requires it).
      if (!column.nullable && column.default === undefined) column.nullable = true;
      table.columns.push(column);
      return true;
    }
    case 'drop column': {
      const column = table && pickIfAny(random, table.columns.filter(others));
      if (!column) return false;
      dropColumn(schema, table, column.name);
      return true;
    }
    case 'change type': {
      const column = table && pickIfAny(random, table.columns.filter((candidate) => others(candidate) && WIDER[candidate.type] && !table.foreignKeys.some((key) => key.column === candidate.name)));
      if (!column || (dialect === 'sqlite' && !['varchar(40)', 'text', 'real', 'numeric'].includes(column.type))) return false;
      column.type = WIDER[column.type]!;
      if (column.default !== undefined && !/^'/.test(column.default) && column.type.startsWith('varchar')) delete column.default;
      return true;
    }
    case 'toggle null': {
      const column = table && pickIfAny(random, table.columns.filter(others));
      if (!column) return false;
      column.nullable = !column.nullable;
      return true;
    }
    case 'change default': {
      const column = table && pickIfAny(random, table.columns.filter((candidate) => others(candidate) && candidate.default !== undefined));
      if (!column) return false;
      delete column.default;
      if (!column.nullable && dialect === 'sqlite') column.nullable = true;
      return true;
    }
    case 'add index':
      if (!table) return false;
      generator.addIndex(table);
      return true;
    case 'drop index':
      if (!table || table.indexes.length === 0) return false;
      table.indexes.pop();
      return true;
    case 'add check': {
      if (!table) return false;
      const before = table.checks.length;
      generator.addCheck(table);
      return table.checks.length > before;
    }
    case 'drop check':
      if (!table || table.checks.length === 0) return false;
      table.checks.pop();
      return true;
    case 'add unique': {
      if (!table) return false;
      const before = table.uniques.length;
      generator.addUnique(table);
      return table.uniques.length > before;
    }
    case 'drop unique':
      if (!table || table.uniques.length === 0) return false;
      table.uniques.pop();
      return true;
    case 'add foreign key':
      if (!table) return false;
      generator.addForeignKey(table, schema);
      return true;
    case 'drop foreign key': {
      const key = table?.foreignKeys.pop();
      return key !== undefined;
    }
    case 'add view': {
      const view = generator.view(schema);
      if (view) schema.views.push(view);
      return view !== undefined;
    }
    case 'drop view':
      return schema.views.pop() !== undefined;
    case 'change view': {
      const view = pickIfAny(random, schema.views);
      if (!view) return false;
      const source = schema.tables.find((candidate) => candidate.name === view.table)!;
      const extra = source.columns.find((column) => !view.columns.includes(column.name));
      if (extra) view.columns.push(extra.name);
      else view.columns = view.columns.slice(0, -1);
      return view.columns.length > 0;
    }
    case 'add enum value': {
      const enumeration = pickIfAny(random, schema.enums);
      if (!enumeration) return false;
      enumeration.values.splice(1, 0, generator.name('v'));
      return true;
    }
  }
}

/** Drops a column and what names it: keys, checks, indexes, views. */
function dropColumn(schema: Schema, table: Table, column: string): void {
  table.columns = table.columns.filter((candidate) => candidate.name !== column);
  table.uniques = table.uniques.filter((unique) => !unique.columns.includes(column));
  table.checks = table.checks.filter((check) => check.column !== column);
  table.foreignKeys = table.foreignKeys.filter((key) => key.column !== column);
  table.indexes = table.indexes.filter((index) => !index.parts.some((part) => part === column || part.includes(`(${column})`)) && !index.where?.startsWith(`${column} `));
  schema.views = schema.views.filter((view) => view.table !== table.name || !view.columns.includes(column));
}

/** The schema as DDL of the dialect: what a team keeps in schema.sql. */
export function schemaDdl(schema: Schema, dialect: SchemaDialect): string {
  const statements: string[] = [];
  for (const enumeration of schema.enums) statements.push(`CREATE TYPE ${enumeration.name} AS ENUM (${enumeration.values.map((value) => `'${value}'`).join(', ')});`);
  for (const table of schema.tables) statements.push(createTable(table, dialect));
  if (dialect === 'postgresql') {
    for (const table of schema.tables) {
      for (const key of table.foreignKeys) statements.push(`ALTER TABLE ${table.name} ADD CONSTRAINT ${key.name} FOREIGN KEY (${key.column}) REFERENCES ${key.table} (id)${key.onDelete ? ` ON DELETE ${key.onDelete}` : ''};`);
    }
  }
  for (const table of schema.tables) {
    for (const index of table.indexes) statements.push(`CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${index.name} ON ${table.name} (${index.parts.join(', ')})${index.where ? ` WHERE ${index.where}` : ''};`);
  }
  for (const view of schema.views) statements.push(`CREATE VIEW ${view.name} AS SELECT ${view.columns.join(', ')} FROM ${view.table};`);
  return `${statements.join('\n')}\n`;
}

function createTable(table: Table, dialect: SchemaDialect): string {
  const lines = table.columns.map((column) => [column.name, column.type, column.nullable ? '' : 'NOT NULL', column.default === undefined ? '' : `DEFAULT ${dialect === 'sqlite' && !/^[\w'.-]+$/.test(column.default) ? `(${column.default})` : column.default}`].filter(Boolean).join(' '));
  lines.push(`CONSTRAINT ${table.name}_pkey PRIMARY KEY (${table.primaryKey.join(', ')})`);
  for (const unique of table.uniques) lines.push(`CONSTRAINT ${unique.name} UNIQUE (${unique.columns.join(', ')})`);
  for (const check of table.checks) lines.push(`CONSTRAINT ${check.name} CHECK (${check.expression})`);
  if (dialect === 'sqlite') for (const key of table.foreignKeys) lines.push(`CONSTRAINT ${key.name} FOREIGN KEY (${key.column}) REFERENCES ${key.table} (id)${key.onDelete ? ` ON DELETE ${key.onDelete}` : ''}`);
  return `CREATE TABLE ${table.name} (\n  ${lines.join(',\n  ')}\n);`;
}
