-- SQLite schema written by sqlgen from the catalog of a rehearsed database (structure only, no rows).
-- Apply to an empty database with: sqlite3 <database> < <file>
-- The rehearsed database had version rows: [aaaa0001, bbbb0002].

CREATE TABLE customers (
  id integer PRIMARY KEY AUTOINCREMENT,
  email varchar(320) NOT NULL COLLATE NOCASE,
  full_name text NOT NULL,
  country_code char(2) DEFAULT 'NL',
  created_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "order" integer DEFAULT -1,
  UNIQUE (email COLLATE NOCASE),
  CHECK (length(full_name) > 0),
  CONSTRAINT email_has_at CHECK (email LIKE '%@%')
);

CREATE TABLE order_lines (
  order_id integer NOT NULL,
  line integer NOT NULL,
  product text NOT NULL,
  quantity integer NOT NULL DEFAULT 1,
  price real NOT NULL,
  amount real GENERATED ALWAYS AS (quantity * price) STORED,
  label text GENERATED ALWAYS AS (upper(product)) VIRTUAL,
  PRIMARY KEY (order_id, line),
  FOREIGN KEY (order_id) REFERENCES orders (id) ON UPDATE RESTRICT ON DELETE SET NULL
) WITHOUT ROWID;

CREATE TABLE orders (
  id integer NOT NULL,
  customer_id integer NOT NULL,
  total numeric(10,2) NOT NULL,
  status varchar(20) NOT NULL DEFAULT 'pending',
  placed_on text DEFAULT (date('now')),
  PRIMARY KEY (id),
  UNIQUE (customer_id, placed_on),
  CHECK (status IN ('pending', 'paid', 'it''s (odd)')),
  CHECK (total >= 0),
  FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE
);

CREATE TABLE settings (
  "key" text NOT NULL,
  value any,
  data blob,
  PRIMARY KEY ("key")
) STRICT;

CREATE UNIQUE INDEX customers_lower_name ON customers (lower(full_name) COLLATE NOCASE, country_code);

CREATE INDEX orders_by_status ON orders (status DESC, customer_id) WHERE status <> 'paid';

CREATE VIEW paid_orders AS SELECT id, customer_id, total FROM orders WHERE status = 'paid';

CREATE VIEW customer_totals AS SELECT customer_id, sum(total) AS spent FROM paid_orders GROUP BY customer_id;

CREATE VIEW big_customers AS SELECT * FROM customer_totals WHERE spent > 100;

CREATE TRIGGER orders_paid AFTER UPDATE OF status ON orders WHEN NEW.status = 'paid' BEGIN UPDATE customers SET "order" = "order" + 1 WHERE id = NEW.customer_id; END;
