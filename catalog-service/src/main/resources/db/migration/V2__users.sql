-- Shop users. The password is stored only as a slow salted hash (bcrypt or argon2).
CREATE TABLE users (
    id            uuid         PRIMARY KEY,
    email         varchar(320) NOT NULL,
    name          varchar(200) NOT NULL,
    password_hash varchar(255) NOT NULL,
    role          varchar(32)  NOT NULL DEFAULT 'customer' CHECK (role IN ('customer', 'admin')),
    created_at    timestamptz  NOT NULL DEFAULT now()
);

-- One account per address, whatever its case.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
