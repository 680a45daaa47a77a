-- The trace of the write that made each event (W3C traceparent: 00-<trace id>-<span id>-<flags>),
-- so the projections continue it: Debezium's EventRouter puts it on the Kafka record as the header
-- traceparent (table.fields.additional.placement). Nullable: a row written outside a trace has none.
ALTER TABLE outbox ADD COLUMN traceparent varchar(55);
