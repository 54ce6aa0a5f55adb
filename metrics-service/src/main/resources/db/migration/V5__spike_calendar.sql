-- The spike calendar: recurring back-office deadlines (RFC 5545 RRULE from a first date), each with the function,
-- the owner, the working days its run takes and the volume it brings; and the tenant's holidays.
CREATE TABLE recurring_deadline (
    id                 bigserial PRIMARY KEY,
    tenant_id          text          NOT NULL,
    name               text          NOT NULL,
    kind               text          NOT NULL,
    function_code      text          NOT NULL,
    owner_employee_id  bigint        NOT NULL,
    client_code        text,
    first_date         date          NOT NULL,
    rrule              text          NOT NULL,
    run_working_days   integer       NOT NULL CHECK (run_working_days BETWEEN 1 AND 20),
    expected_units     numeric(12,2) NOT NULL CHECK (expected_units > 0),
    non_working_day    text          NOT NULL,
    created_by         text          NOT NULL,
    created_at         timestamptz   NOT NULL,
    version            integer       NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, name)
);
CREATE INDEX recurring_deadline_owner ON recurring_deadline (tenant_id, owner_employee_id);

CREATE TABLE holiday (
    id         bigserial PRIMARY KEY,
    tenant_id  text NOT NULL,
    day        date NOT NULL,
    name       text NOT NULL,
    UNIQUE (tenant_id, day)
);
