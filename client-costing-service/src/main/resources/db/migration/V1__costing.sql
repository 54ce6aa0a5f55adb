-- client-costing-service owns money: client financials, labour rates, the costing policy and process-fix options.
-- Every row carries its tenant; amounts are exact decimals in the tenant's currency.

-- A client account's revenue and agent cost for one month (month = its first day).
CREATE TABLE client_month (
    id               bigserial PRIMARY KEY,
    tenant_id        text          NOT NULL,
    client_code      text          NOT NULL,
    month            date          NOT NULL CHECK (extract(day FROM month) = 1),
    revenue          numeric(16, 2) NOT NULL CHECK (revenue >= 0),
    agent_cost       numeric(16, 2) NOT NULL CHECK (agent_cost >= 0),
    agent_headcount  integer       CHECK (agent_headcount >= 0),
    updated_by       text          NOT NULL,
    updated_at       timestamptz   NOT NULL,
    version          integer       NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, client_code, month)
);

-- Hourly back-office labour rates over [valid_from, valid_to): for the whole tenant, a team (the role), or one employee.
CREATE TABLE labour_rate (
    id           bigserial PRIMARY KEY,
    tenant_id    text          NOT NULL,
    scope        text          NOT NULL CHECK (scope IN ('TENANT', 'TEAM', 'EMPLOYEE')),
    subject      text          NOT NULL,
    valid_from   date          NOT NULL,
    valid_to     date,
    hourly_rate  numeric(12, 4) NOT NULL CHECK (hourly_rate > 0),
    created_by   text          NOT NULL,
    created_at   timestamptz   NOT NULL,
    CHECK (valid_to IS NULL OR valid_to > valid_from),
    CHECK ((scope = 'TENANT') = (subject = ''))
);

-- Overlapping periods of one scope and subject are refused by the service with a 409; writers of one subject's rates
-- are serialised by a transaction-scoped advisory lock, so two parallel requests cannot both pass that check. (No
-- exclusion constraint: it would need btree_gist, an extension the database shares with time-service.)

-- One per tenant; absent means the defaults (40 h a week, 1.5x, shared hours not allocated).
CREATE TABLE costing_policy (
    id                            bigserial     PRIMARY KEY,
    tenant_id                     text          NOT NULL UNIQUE,
    overtime_weekly_threshold     numeric(6, 2) NOT NULL CHECK (overtime_weekly_threshold > 0),
    overtime_multiplier           numeric(5, 2) NOT NULL CHECK (overtime_multiplier >= 1),
    allocation                    text          NOT NULL CHECK (allocation IN ('NONE', 'REVENUE', 'DIRECT_HOURS', 'AGENT_HEADCOUNT')),
    single_client_baseline_hours  numeric(10, 2) CHECK (single_client_baseline_hours > 0),
    updated_by                    text          NOT NULL,
    updated_at                    timestamptz   NOT NULL,
    version                       integer       NOT NULL DEFAULT 0
);

-- A way to fix a process instead of paying overtime: a tool at a monthly cost (flat or per user) saving hours a week.
CREATE TABLE process_fix_option (
    id                    bigserial PRIMARY KEY,
    tenant_id             text          NOT NULL,
    name                  text          NOT NULL,
    function_code         text,
    monthly_cost          numeric(12, 2) CHECK (monthly_cost >= 0),
    cost_per_user_month   numeric(12, 2) CHECK (cost_per_user_month >= 0),
    users                 integer       CHECK (users > 0),
    setup_cost            numeric(12, 2) NOT NULL DEFAULT 0 CHECK (setup_cost >= 0),
    hours_saved_per_week  numeric(7, 2) NOT NULL CHECK (hours_saved_per_week > 0),
    created_by            text          NOT NULL,
    created_at            timestamptz   NOT NULL,
    CHECK ((monthly_cost IS NULL) <> (cost_per_user_month IS NULL)),
    CHECK (cost_per_user_month IS NULL OR users IS NOT NULL),
    UNIQUE (tenant_id, name)
);

CREATE INDEX labour_rate_by_tenant ON labour_rate (tenant_id, valid_from);
CREATE INDEX client_month_by_month ON client_month (tenant_id, month);
