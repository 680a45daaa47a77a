-- Idempotency-Key on POST /api/orders and POST /api/orders/{id}/payments. The row is inserted
-- first, in the business transaction: a concurrent duplicate waits on the primary key and then
-- replays the stored response instead of doing the work twice. Only successful responses are
-- stored (a failed request rolls back, row included, so a retry runs again).
CREATE TABLE idempotency_keys (
    scope           varchar(100) NOT NULL,
    key             varchar(255) NOT NULL,
    request_hash    char(64)     NOT NULL,
    response_status integer      CHECK (response_status BETWEEN 100 AND 599),
    response_body   jsonb,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);

-- Clean-up of keys older than 24 h.
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
