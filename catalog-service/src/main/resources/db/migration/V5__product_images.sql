-- References to product images; the bytes live in S3 (media-service).
CREATE TABLE product_images (
    id           uuid         PRIMARY KEY,
    product_id   uuid         NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    key          varchar(512) NOT NULL,
    content_type varchar(100) NOT NULL,
    size         bigint       NOT NULL CHECK (size > 0),
    sha256       char(64)     CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    created_at   timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT product_images_key_key UNIQUE (key)
);

-- GET /api/products/{id}/images, oldest first.
CREATE INDEX product_images_product_id ON product_images (product_id, created_at);
