-- sqlgen:id 6e0a4c2d7f18
-- sqlgen:parents 4c5d6e7f8a9b
-- sqlgen:message customer order totals view
-- sqlgen:branch-labels reporting

-- Written by the reporting team as plain SQL, portable to every dialect we target.

-- sqlgen:upgrade
CREATE VIEW customer_order_totals AS
SELECT c.id AS customer_id,
       COUNT(o.id) AS order_count,
       COALESCE(SUM(o.total), 0) AS total_spent
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
GROUP BY c.id;

-- sqlgen:downgrade
DROP VIEW customer_order_totals;
