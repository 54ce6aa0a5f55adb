-- SMART objectives: a function's metric, a target and its direction, a start and a due date, an owner. Progress is
-- never stored: it is measured from the data each time it is read.
CREATE TABLE objective (
    id                 bigserial PRIMARY KEY,
    tenant_id          text           NOT NULL,
    title              text           NOT NULL,
    function_code      text           NOT NULL,
    metric             text           NOT NULL,
    target             numeric(14,4)  NOT NULL CHECK (target >= 0),
    direction          text           NOT NULL,
    start_date         date           NOT NULL,
    due_date           date           NOT NULL CHECK (due_date > start_date),
    owner_employee_id  bigint         NOT NULL,
    created_by         text           NOT NULL,
    created_at         timestamptz    NOT NULL,
    version            integer        NOT NULL DEFAULT 0
);
CREATE INDEX objective_due ON objective (tenant_id, due_date);
