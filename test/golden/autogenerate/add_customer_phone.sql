-- sqlgen:id a1b2c3d4e5f6
-- sqlgen:parents 7c9e2b4a1d30
-- sqlgen:message add customer phone
-- sqlgen:dialect postgresql

-- sqlgen:upgrade
ALTER TABLE customers ADD COLUMN phone character varying(40);
CREATE INDEX customers_phone_idx ON customers (phone);

-- sqlgen:downgrade
DROP INDEX customers_phone_idx;
-- Loses data: drops column customers.phone and its values.
ALTER TABLE customers DROP COLUMN phone;
