-- Orders, their lines and their payments.
CREATE TABLE orders (
    id         uuid          PRIMARY KEY,
    user_id    uuid          NOT NULL REFERENCES users (id),
    status     varchar(16)   NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'PAID', 'CANCELLED')),
    total      numeric(12,2) NOT NULL CHECK (total >= 0),
    currency   char(3)       NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
    -- the version order.* events carry: placed = 1, then + 1 per status change
    version    bigint        NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at timestamptz   NOT NULL DEFAULT now()
);

-- GET /api/users/{id}/orders, newest first.
CREATE INDEX orders_user_newest_first ON orders (user_id, created_at DESC);
-- The pending-orders report: pending orders of the last N days.
CREATE INDEX orders_pending_created_at ON orders (created_at) WHERE status = 'PENDING';

-- A line keeps the name and unit price paid, so the order reads the same after the product
-- changes or is deleted (product_id then becomes NULL; the order's history stays).
CREATE TABLE order_items (
    id         bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id   uuid          NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id uuid          REFERENCES products (id) ON DELETE SET NULL,
    quantity   integer       NOT NULL CHECK (quantity > 0),
    unit_price numeric(12,2) NOT NULL CHECK (unit_price >= 0),
    name       varchar(200)  NOT NULL,
    CONSTRAINT order_items_one_line_per_product UNIQUE (order_id, product_id)
);

-- The foreign key to products: a product delete finds its lines without a scan.
CREATE INDEX order_items_product_id ON order_items (product_id);

CREATE TABLE payments (
    id         uuid          PRIMARY KEY,
    order_id   uuid          NOT NULL REFERENCES orders (id),
    amount     numeric(12,2) NOT NULL CHECK (amount >= 0),
    method     varchar(32)   NOT NULL,
    status     varchar(16)   NOT NULL CHECK (status IN ('SUCCEEDED', 'FAILED')),
    created_at timestamptz   NOT NULL DEFAULT now()
);

CREATE INDEX payments_order_id ON payments (order_id);
-- An order is paid once, whatever races the application misses.
CREATE UNIQUE INDEX payments_one_success_per_order ON payments (order_id) WHERE status = 'SUCCEEDED';
