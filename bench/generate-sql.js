import { writeFileSync } from 'node:fs';

/**
 * One stretch of a PostgreSQL migration as teams write them: DDL that the rules flag and its
 * safe rewrites, DML, a DO block and a function with dollar-quoted bodies, and multi-line
 * strings, so the splitter and the parser see everything they must get right.
 */
function postgresqlStretch(n) {
  return `-- migration part ${n}
SET lock_timeout = '5s';
BEGIN;
CREATE TABLE items_${n} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, sku text NOT NULL, note text, created_at timestamptz DEFAULT now());
ALTER TABLE orders ADD COLUMN note_${n} text;
ALTER TABLE orders ADD CONSTRAINT orders_item_${n}_fk FOREIGN KEY (item_id) REFERENCES items_${n} (id) NOT VALID;
INSERT INTO items_${n} (sku, note) VALUES ('SKU-${n}-a', 'it''s a note
that spans lines; with a semicolon'), ('SKU-${n}-b', NULL), ('SKU-${n}-c', 'plain');
UPDATE orders SET note_${n} = 'backfilled' WHERE id BETWEEN ${n * 1000} AND ${n * 1000 + 999};
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'status_${n}') THEN
    CREATE TYPE status_${n} AS ENUM ('new', 'paid', 'shipped');
  END IF;
END
$$;
CREATE FUNCTION touch_${n}() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  NEW.note := coalesce(NEW.note, '') || ';';
  RETURN NEW;
END
$body$;
COMMIT;
CREATE INDEX CONCURRENTLY items_${n}_sku_idx ON items_${n} (sku);
ALTER TABLE orders VALIDATE CONSTRAINT orders_item_${n}_fk;
ALTER TABLE orders DROP COLUMN legacy_${n};
CREATE INDEX orders_note_${n}_idx ON orders (note_${n});
`;
}

/** The same kind of stretch for MySQL. */
function mysqlStretch(n) {
  return `-- migration part ${n}
CREATE TABLE \`items_${n}\` (\`id\` bigint AUTO_INCREMENT PRIMARY KEY, \`sku\` varchar(64) NOT NULL, \`note\` text);
ALTER TABLE \`orders\` ADD COLUMN \`note_${n}\` text, ALGORITHM=INSTANT;
INSERT INTO \`items_${n}\` (\`sku\`, \`note\`) VALUES ('SKU-${n}-a', 'it\\'s a note; with a semicolon'), ('SKU-${n}-b', NULL);
UPDATE \`orders\` SET \`note_${n}\` = 'backfilled' WHERE \`id\` BETWEEN ${n * 1000} AND ${n * 1000 + 999};
ALTER TABLE \`orders\` MODIFY COLUMN \`status\` ENUM('new', 'paid', 'shipped', 's${n}'), ALGORITHM=COPY;
ALTER TABLE \`orders\` DROP COLUMN \`legacy_${n}\`;
`;
}

const STRETCHES = { postgresql: postgresqlStretch, mysql: mysqlStretch };

/** Writes a migration of about `bytes` bytes in `dialect` to `file`; returns its statement count. */
export function generateMigration(file, dialect, bytes) {
  const parts = [];
  let size = 0;
  for (let n = 1; size < bytes; n += 1) {
    const stretch = STRETCHES[dialect](n);
    parts.push(stretch);
    size += Buffer.byteLength(stretch);
  }
  writeFileSync(file, parts.join(''));
  return { bytes: size, stretches: parts.length };
}
