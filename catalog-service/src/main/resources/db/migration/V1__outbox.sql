-- The transactional outbox. Every business change writes one row here in its own transaction;
-- Debezium (pgoutput) streams the rows to Kafka topic outbox.event.<aggregatetype>.
CREATE TABLE outbox (
    id            uuid         PRIMARY KEY,
    aggregatetype varchar(64)  NOT NULL,
    aggregateid   varchar(64)  NOT NULL,
    type          varchar(128) NOT NULL,
    payload       jsonb        NOT NULL,
    -- UTC, without time zone on purpose: Debezium's EventRouter takes the Kafka record timestamp
    -- (table.field.event.timestamp) only from an integer-encoded timestamp, and timestamptz
    -- arrives as a string. clock_timestamp(), not now(): closer to the commit than the tx start.
    occurredat    timestamp(6) NOT NULL DEFAULT (clock_timestamp() AT TIME ZONE 'UTC')
);

-- Debezium's heartbeat.action.query upserts this row, so the replication slot keeps advancing
-- (and PostgreSQL can recycle WAL) even while the outbox is idle.
CREATE TABLE debezium_heartbeat (
    id      integer     PRIMARY KEY,
    beat_at timestamptz NOT NULL
);

-- Created here rather than by Debezium (publication.autocreate.mode=disabled), so the connector's
-- role needs only REPLICATION and SELECT, not ownership of catalog tables.
-- Inserts and updates only: the outbox is insert-only (an update trips the EventRouter's
-- table.op.invalid.behavior=fatal), and a row deleted in its own transaction to keep the table
-- small must not reach Kafka as a delete.
CREATE PUBLICATION catalog_outbox FOR TABLE outbox, debezium_heartbeat WITH (publish = 'insert, update');

-- The connector's role is created by whoever runs PostgreSQL (deploy/local/stack, or the DBA in
-- production); grant only when it exists, so the migration also runs where CDC is wired later.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${debeziumUser}') THEN
        EXECUTE format('GRANT SELECT ON outbox, debezium_heartbeat TO %I', '${debeziumUser}');
        EXECUTE format('GRANT INSERT, UPDATE ON debezium_heartbeat TO %I', '${debeziumUser}');
    END IF;
END
$$;
