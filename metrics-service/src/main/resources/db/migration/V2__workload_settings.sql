-- A tenant's settings for the workload analysis: what one context switch costs (the seed: 10-15 minutes).
CREATE TABLE workload_setting (
    id                           bigserial PRIMARY KEY,
    tenant_id                    text        NOT NULL UNIQUE,
    context_switch_minutes_low   integer     NOT NULL CHECK (context_switch_minutes_low >= 0),
    context_switch_minutes_high  integer     NOT NULL CHECK (context_switch_minutes_high >= context_switch_minutes_low),
    updated_by                   text        NOT NULL,
    updated_at                   timestamptz NOT NULL,
    version                      integer     NOT NULL DEFAULT 0
);
