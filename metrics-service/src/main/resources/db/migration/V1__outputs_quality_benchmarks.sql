-- Output units per function; a record counts in the period that contains its last day (when the output was finished).
CREATE TABLE output_record (
    id                bigserial PRIMARY KEY,
    tenant_id         varchar(63)  NOT NULL,
    function_code     varchar(40)  NOT NULL,
    employee_id       bigint,
    client_code       varchar(40),
    period_start      date         NOT NULL,
    period_end        date         NOT NULL,  -- exclusive
    units             integer      NOT NULL CHECK (units > 0),
    employees_covered integer      CHECK (employees_covered > 0),
    note              varchar(500),
    external_ref      varchar(100),
    recorded_by       varchar(200) NOT NULL,
    recorded_at       timestamptz  NOT NULL,
    CHECK (period_end > period_start)
);
CREATE UNIQUE INDEX output_record_external_ref ON output_record (tenant_id, external_ref) WHERE external_ref IS NOT NULL;
CREATE INDEX output_record_by_finish ON output_record (tenant_id, period_end, function_code);

-- Quality checks: defects counted per event, or a measured value (inter-rater reliability %, turnaround hours).
CREATE TABLE quality_event (
    id            bigserial PRIMARY KEY,
    tenant_id     varchar(63)   NOT NULL,
    function_code varchar(40)   NOT NULL,
    kind          varchar(40)   NOT NULL,
    occurred_on   date          NOT NULL,
    employee_id   bigint,
    client_code   varchar(40),
    output_id     bigint REFERENCES output_record (id) ON DELETE SET NULL,
    count         integer       NOT NULL DEFAULT 1 CHECK (count > 0),
    measured      numeric(12, 2),
    note          varchar(500),
    external_ref  varchar(100),
    recorded_by   varchar(200)  NOT NULL,
    recorded_at   timestamptz   NOT NULL
);
CREATE UNIQUE INDEX quality_event_external_ref ON quality_event (tenant_id, external_ref) WHERE external_ref IS NOT NULL;
CREATE INDEX quality_event_by_day ON quality_event (tenant_id, occurred_on, function_code);

-- A tenant's own benchmark bands, replacing the standard ones for a function.
CREATE TABLE benchmark_override (
    id               bigserial PRIMARY KEY,
    tenant_id        varchar(63)    NOT NULL,
    function_code    varchar(40)    NOT NULL,
    basis            varchar(30)    NOT NULL,
    scale            varchar(20)    NOT NULL,
    reference_size   integer        CHECK (reference_size > 0),
    efficient_below  numeric(12, 2) NOT NULL,
    reasonable_from  numeric(12, 2) NOT NULL,
    reasonable_to    numeric(12, 2) NOT NULL,
    slow_above       numeric(12, 2) NOT NULL,
    updated_by       varchar(200)   NOT NULL,
    updated_at       timestamptz    NOT NULL,
    version          integer        NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, function_code),
    CHECK (efficient_below <= reasonable_from AND reasonable_from <= reasonable_to AND reasonable_to <= slow_above)
);

-- Processes added to or removed from a function, and what each added one replaces or simplifies.
CREATE TABLE process_change (
    id                 bigserial PRIMARY KEY,
    tenant_id          varchar(63)   NOT NULL,
    function_code      varchar(40)   NOT NULL,
    name               varchar(200)  NOT NULL,
    change             varchar(10)   NOT NULL,
    effective_on       date          NOT NULL,
    replaces           varchar(500),
    hours_per_month    numeric(8, 2),
    note               varchar(500),
    recorded_by        varchar(200)  NOT NULL,
    recorded_at        timestamptz   NOT NULL
);
CREATE INDEX process_change_by_day ON process_change (tenant_id, effective_on);
