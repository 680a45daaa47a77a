-- When an order was cancelled: the time of its order.cancelled event, kept so that the event can be
-- derived again (feed-service's drift check and repair) with the same key: an order event's id and
-- time are functions of the order (OrderEvents), not of the moment it was published.
ALTER TABLE orders ADD COLUMN cancelled_at timestamptz;
-- Orders cancelled before this column existed: their cancellation time is not known any more; the
-- order's own time stands in (a drift repair of such an item writes it there; a check matches items
-- by order and type, whatever their time).
UPDATE orders SET cancelled_at = created_at WHERE status = 'CANCELLED' AND cancelled_at IS NULL;

-- GET /internal/orders/events pages by (user_id, id): one user's orders together, in a stable order.
CREATE INDEX orders_user_id_id ON orders (user_id, id);
