-- The single-PostgreSQL baseline of the side-by-side benchmark (deploy/bench/README.md,
-- "side-by-side"): everything the polyglot suite keeps in Redis, Elasticsearch, DynamoDB and S3,
-- kept in PostgreSQL instead, designed as someone who knows PostgreSQL well would. Idempotent:
-- the harness applies it before every run.
CREATE SCHEMA IF NOT EXISTS baseline;
-- trusted extension (PostgreSQL 13+): the database owner may create it
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- sessions: the token's SHA-256 as the primary key, like session-service (a stolen table signs nobody in)
CREATE TABLE IF NOT EXISTS baseline.sessions (
    token_hash  text PRIMARY KEY,
    user_id     uuid NOT NULL,
    roles       text NOT NULL,
    data        jsonb NOT NULL DEFAULT '{}',
    expires_at  timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS baseline.users (
    id     uuid PRIMARY KEY,
    email  text NOT NULL UNIQUE,
    name   text NOT NULL
);

-- products: full-text search on a stored generated tsvector (weights like search-service's
-- boosts: name A, brand and tags B, description C) with GIN; typos through baseline.words below
CREATE TABLE IF NOT EXISTS baseline.products (
    id          uuid PRIMARY KEY,
    sku         text NOT NULL UNIQUE,
    name        text NOT NULL,
    description text NOT NULL,
    brand       text NOT NULL,
    price       numeric(12, 2) NOT NULL,
    tags        text[] NOT NULL,
    stock       integer NOT NULL CHECK (stock >= 0),
    version     bigint NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    document    tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, name), 'A')
        || setweight(to_tsvector('simple'::regconfig, brand), 'B')
        || setweight(array_to_tsvector(tags), 'B')
        || setweight(to_tsvector('simple'::regconfig, description), 'C')) STORED
);
CREATE INDEX IF NOT EXISTS products_document ON baseline.products USING gin (document);
CREATE INDEX IF NOT EXISTS products_tags ON baseline.products USING gin (tags);
CREATE INDEX IF NOT EXISTS products_brand_price ON baseline.products (brand, price);

-- the words of every product, for typos: a misspelled word is replaced by its nearest word here
-- (trigram distance, KNN on a GiST index): the pg_trgm documentation's spelling-correction recipe
CREATE TABLE IF NOT EXISTS baseline.words (
    word text PRIMARY KEY
);
CREATE INDEX IF NOT EXISTS words_trgm ON baseline.words USING gist (word gist_trgm_ops);

-- images as BYTEA (TOAST keeps them out of the heap pages, but not out of the database, its WAL and backups)
CREATE TABLE IF NOT EXISTS baseline.product_images (
    id          uuid PRIMARY KEY,
    product_id  uuid NOT NULL REFERENCES baseline.products (id),
    content_type text NOT NULL,
    bytes       bytea NOT NULL
);
CREATE INDEX IF NOT EXISTS product_images_product ON baseline.product_images (product_id);

-- leaderboard: a B-tree on (board, score desc, seq) serves top-N and "how many are above me"
-- by index-only scans; seq breaks ties the way leaderboard-service does (earlier first)
CREATE TABLE IF NOT EXISTS baseline.scores (
    board    text NOT NULL,
    user_id  uuid NOT NULL,
    score    bigint NOT NULL,
    seq      bigint NOT NULL,
    PRIMARY KEY (board, user_id)
);
CREATE INDEX IF NOT EXISTS scores_rank ON baseline.scores (board, score DESC, seq);

-- feed: one row per event, newest first per user from one index range
CREATE TABLE IF NOT EXISTS baseline.feed_events (
    event_id    uuid PRIMARY KEY,
    user_id     uuid NOT NULL,
    occurred_at timestamptz NOT NULL,
    type        text NOT NULL,
    data        jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS feed_events_newest ON baseline.feed_events (user_id, occurred_at DESC);

CREATE TABLE IF NOT EXISTS baseline.orders (
    id          uuid PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES baseline.users (id),
    status      text NOT NULL,
    total       numeric(12, 2) NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS baseline.order_items (
    order_id    uuid NOT NULL REFERENCES baseline.orders (id),
    product_id  uuid NOT NULL REFERENCES baseline.products (id),
    quantity    integer NOT NULL,
    unit_price  numeric(12, 2) NOT NULL,
    PRIMARY KEY (order_id, product_id)
);
