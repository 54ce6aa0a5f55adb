-- time-service owns the workforce directory and time capture. Every tenant-owned row carries tenant_id, which
-- Hibernate fills and filters (@TenantId); uniqueness is always per tenant.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE tenant (
    id            text PRIMARY KEY,
    name          text        NOT NULL,
    time_zone     text        NOT NULL,
    currency      char(3)     NOT NULL,
    week_start    text        NOT NULL,
    created_at    timestamptz NOT NULL,
    version       bigint      NOT NULL DEFAULT 0
);

-- Effective-dated operation size: benchmarks scale by agents ("50-agent operation") or employees ("100 employees").
CREATE TABLE headcount (
    id              bigserial PRIMARY KEY,
    tenant_id       text    NOT NULL,
    effective_from  date    NOT NULL,
    agents          integer NOT NULL CHECK (agents >= 0),
    employees       integer NOT NULL CHECK (employees >= 0),
    UNIQUE (tenant_id, effective_from)
);

CREATE TABLE employee (
    id                     bigserial PRIMARY KEY,
    tenant_id              text        NOT NULL,
    name                   text        NOT NULL,
    email                  text        NOT NULL,
    subject                text,
    team                   text,
    time_zone              text        NOT NULL,
    work_days              text        NOT NULL,
    work_start             time        NOT NULL,
    work_end               time        NOT NULL,
    weekly_contract_hours  numeric(5,2) NOT NULL,
    active                 boolean     NOT NULL DEFAULT true,
    created_at             timestamptz NOT NULL,
    version                bigint      NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, email),
    UNIQUE (tenant_id, subject)
);

CREATE TABLE work_function (
    id                    bigserial PRIMARY KEY,
    tenant_id             text        NOT NULL,
    code                  text        NOT NULL,
    name                  text        NOT NULL,
    output_unit           text,
    quality_check         text,
    productivity_metric   text,
    built_in              boolean     NOT NULL,
    retired_at            timestamptz,
    version               bigint      NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, code)
);

CREATE TABLE client_account (
    id         bigserial PRIMARY KEY,
    tenant_id  text        NOT NULL,
    code       text        NOT NULL,
    name       text        NOT NULL,
    active     boolean     NOT NULL DEFAULT true,
    version    bigint      NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, code)
);

-- A time entry is either timed ([started_at, ended_at), with the zone it was captured in) or a manual date plus
-- a duration. work_date is the day it counts for, fixed at capture in the tenant's zone at that instant, so day
-- buckets stay correct across DST changes and later changes of the tenant's zone. A running timer has
-- ended_at and duration_seconds null.
CREATE TABLE time_entry (
    id                 bigserial PRIMARY KEY,
    tenant_id          text        NOT NULL,
    employee_id        bigint      NOT NULL REFERENCES employee (id),
    function_id        bigint      NOT NULL REFERENCES work_function (id),
    client_account_id  bigint      REFERENCES client_account (id),
    started_at         timestamptz,
    ended_at           timestamptz,
    zone               text        NOT NULL,
    work_date          date        NOT NULL,
    duration_seconds   integer     CHECK (duration_seconds > 0 AND duration_seconds <= 86400),
    source             text        NOT NULL,
    notes              text,
    external_ref       text,
    review_reason      text,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    version            bigint      NOT NULL DEFAULT 0,
    CHECK (ended_at IS NULL OR ended_at > started_at),
    CHECK (started_at IS NOT NULL OR duration_seconds IS NOT NULL),
    UNIQUE (tenant_id, external_ref)
);

-- The last line of defence against overlaps that the service checks first with a clear 409.
ALTER TABLE time_entry ADD CONSTRAINT time_entry_no_overlap
    EXCLUDE USING gist (tenant_id WITH =, employee_id WITH =,
                        tstzrange(started_at, coalesce(ended_at, 'infinity'), '[)') WITH &&)
    WHERE (started_at IS NOT NULL);

CREATE UNIQUE INDEX time_entry_one_running_timer ON time_entry (tenant_id, employee_id)
    WHERE started_at IS NOT NULL AND ended_at IS NULL;
CREATE INDEX time_entry_by_day ON time_entry (tenant_id, work_date);
CREATE INDEX time_entry_by_employee_day ON time_entry (tenant_id, employee_id, work_date);

CREATE TABLE interruption (
    id           bigserial PRIMARY KEY,
    tenant_id    text        NOT NULL,
    employee_id  bigint      NOT NULL REFERENCES employee (id),
    occurred_at  timestamptz NOT NULL,
    zone         text        NOT NULL,
    work_date    date        NOT NULL,
    kind         text        NOT NULL,
    minutes      integer     NOT NULL CHECK (minutes >= 0 AND minutes <= 1440),
    note         text,
    created_at   timestamptz NOT NULL
);
CREATE INDEX interruption_by_day ON interruption (tenant_id, work_date);

CREATE TABLE timesheet (
    id                bigserial PRIMARY KEY,
    tenant_id         text        NOT NULL,
    employee_id       bigint      NOT NULL REFERENCES employee (id),
    week_start        date        NOT NULL,
    status            text        NOT NULL,
    submitted_at      timestamptz,
    submitted_by      text,
    decided_at        timestamptz,
    decided_by        text,
    rejection_reason  text,
    version           bigint      NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, employee_id, week_start)
);

-- Locked periods (inclusive dates in the tenant's calendar) refuse any change to time in them, e.g. for payroll.
CREATE TABLE period_lock (
    id          bigserial PRIMARY KEY,
    tenant_id   text        NOT NULL,
    first_day   date        NOT NULL,
    last_day    date        NOT NULL,
    reason      text        NOT NULL,
    locked_by   text        NOT NULL,
    locked_at   timestamptz NOT NULL,
    CHECK (last_day >= first_day)
);
CREATE INDEX period_lock_by_tenant ON period_lock (tenant_id, first_day);
