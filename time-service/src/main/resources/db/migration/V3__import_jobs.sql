-- An import of time entries, run as a job: the file is read into import_row as it arrives, then checked and written
-- set-wise in one transaction. The job keeps its counts, its outcome and (in import_row) its rejected rows.
CREATE TABLE import_job (
    id                    uuid        PRIMARY KEY,
    tenant_id             text        NOT NULL,
    mode                  text        NOT NULL,
    format                text        NOT NULL,
    state                 text        NOT NULL,
    rows_read             bigint      NOT NULL DEFAULT 0,
    rows_checked          bigint      NOT NULL DEFAULT 0,
    rows_written          bigint      NOT NULL DEFAULT 0,
    rows_already_present  bigint      NOT NULL DEFAULT 0,
    rows_rejected         bigint      NOT NULL DEFAULT 0,
    message               text,
    created_by            text        NOT NULL,
    created_at            timestamptz NOT NULL,
    -- Renewed while a replica works on the job; a job whose replica stopped renewing it is failed by the others.
    heartbeat_at          timestamptz NOT NULL,
    finished_at           timestamptz
);
CREATE INDEX import_job_by_tenant ON import_job (tenant_id, created_at DESC);

-- The rows of an import as read (the text as given), then resolved to ids and checked. Unlogged: it is a working
-- table, rebuilt by running the import again; a crash fails the running jobs (see ImportJobs) and empties it.
-- Accepted rows are removed once written; rejected ones stay for the job's report. A row is (job_id, line).
CREATE UNLOGGED TABLE import_row (
    job_id            uuid        NOT NULL,
    line              bigint      NOT NULL,
    tenant_id         text        NOT NULL,
    external_ref      text,
    employee_email    text,
    function_code     text,
    client_code       text,
    started_at        timestamptz,
    ended_at          timestamptz,
    zone              text,
    work_date         date,
    duration_seconds  integer,
    notes             text,
    employee_id       bigint,
    function_id       bigint,
    client_id         bigint,
    outcome           text,
    rejected_field    text,
    reject_reason     text,
    -- Rejected for what is recorded already (overlap, full day, locked or frozen days, a reused externalRef), not
    -- for the row's own values: a 409 rather than a 400 where an import answers at once.
    conflict          boolean     NOT NULL DEFAULT false
);
-- No index: the table holds the running jobs' rows and the rejected rows of finished ones, read by job in whole
-- passes; without one, copying rows in is cheaper and the checks' updates stay on their pages (HOT updates).

