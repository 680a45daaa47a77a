-- The product catalogue. `version` counts writes: optimistic If-Match checks and the version
-- every product.* event carries (consumers never let an older version overwrite a newer one).
CREATE TABLE products (
    id          uuid          PRIMARY KEY,
    sku         varchar(64)   NOT NULL,
    name        varchar(200)  NOT NULL,
    description text          NOT NULL DEFAULT '',
    brand       varchar(100)  NOT NULL DEFAULT '',
    price       numeric(12,2) NOT NULL CHECK (price >= 0),
    currency    char(3)       NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
    tags        text[]        NOT NULL DEFAULT '{}',
    stock       integer       NOT NULL CHECK (stock >= 0),
    version     bigint        NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at  timestamptz   NOT NULL DEFAULT now(),
    updated_at  timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT products_sku_key UNIQUE (sku)
);

-- GET /api/products pages newest first; id breaks ties between equal timestamps.
CREATE INDEX products_newest_first ON products (created_at DESC, id DESC);
