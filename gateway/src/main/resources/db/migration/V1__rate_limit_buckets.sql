-- Bucket4j's token buckets for the rate limit, shared by every gateway replica: one row per user and per tenant,
-- the bucket's serialised state, and when the row may be removed (epoch milliseconds, set by Bucket4j).
CREATE TABLE rate_limit_bucket (
    id         text PRIMARY KEY,
    state      bytea,
    expires_at bigint
);
CREATE INDEX rate_limit_bucket_expires_at ON rate_limit_bucket (expires_at);
