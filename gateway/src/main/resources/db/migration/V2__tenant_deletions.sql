-- A platform admin's request to delete a tenant across the services, waiting for its confirmation: the code the
-- request answered must come back with the deletion before it expires.
CREATE TABLE tenant_deletion (
    tenant_id     text        PRIMARY KEY,
    confirmation  text        NOT NULL,
    requested_by  text        NOT NULL,
    expires_at    timestamptz NOT NULL
);
