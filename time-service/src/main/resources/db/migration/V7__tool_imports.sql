-- Imports from other time trackers (Toggl Track, Clockify, Kimai, Harvest): the mapping of their projects, tasks,
-- tags, clients and people to Backlight's functions, client accounts and employees, remembered per tenant and tool.
CREATE TABLE import_mapping (
    tenant_id   text        NOT NULL,
    tool        text        NOT NULL,
    mapping     jsonb       NOT NULL,
    version     bigint      NOT NULL,
    updated_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, tool)
);

-- What an import from a tool mapped: each source value, what it became and on how many rows (a dry run shows it).
ALTER TABLE import_job ADD COLUMN source_tool text, ADD COLUMN mapped jsonb;
