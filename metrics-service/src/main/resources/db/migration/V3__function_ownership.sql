-- Who owns each function's outcome, who backs them up in spike weeks, where the work changes hands and what
-- "done" means (the seed's "Clear ownership and handoff points"). Employees are time-service's ids.
CREATE TABLE function_ownership (
    id                  bigserial PRIMARY KEY,
    tenant_id           text        NOT NULL,
    function_code       text        NOT NULL,
    owner_employee_id   bigint,
    backup_employee_id  bigint,
    handoffs            jsonb       NOT NULL DEFAULT '{"points": []}',
    definition_of_done  text,
    updated_by          text        NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             integer     NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, function_code),
    CHECK (backup_employee_id IS NULL OR backup_employee_id IS DISTINCT FROM owner_employee_id)
);
