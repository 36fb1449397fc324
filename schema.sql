-- The schema the example project declares: what head must be. `sqlgen check` reports any
-- difference; `sqlgen revision --autogenerate -m MSG` writes the revision that closes it.

CREATE TABLE customers (
  id serial PRIMARY KEY,
  email varchar(320) NOT NULL CONSTRAINT customers_email_unique UNIQUE,
  full_name varchar(200) NOT NULL,
  country_code varchar(2),
  created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  loyalty_points integer NOT NULL DEFAULT 0
);

CREATE TABLE orders (
  id serial PRIMARY KEY,
  customer_id integer NOT NULL CONSTRAINT orders_customer_id_foreign REFERENCES customers (id),
  total numeric(12, 2) NOT NULL,
  status varchar(20) NOT NULL DEFAULT 'pending',
  note text
);

-- Reference data (rows come from the revision that creates it).
CREATE TABLE countries (
  code varchar(2) PRIMARY KEY,
  name varchar(100) NOT NULL
);

CREATE VIEW customer_order_totals AS
SELECT c.id AS customer_id,
       count(o.id) AS order_count,
       coalesce(sum(o.total), 0) AS total_spent
  FROM customers c
  LEFT JOIN orders o ON o.customer_id = c.id
 GROUP BY c.id;
