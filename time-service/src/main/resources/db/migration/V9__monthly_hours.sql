-- Monthly rollups: finished time per tenant, month, employee, function and client. A report over whole months (the
-- reviews, costing, baselines by month) reads a row per person, function and client of each month instead of one per
-- day. Kept exact the way the daily rollups are (V5): statement triggers on time_entry, in the writer's transaction,
-- one grouped upsert per statement in key order. Triggers on time_entry only, not on daily_hours, so that deleting a
-- tenant (the triggered table first) leaves no row behind. Keyed by employee, so that two people capturing at once
-- never update the same row.
CREATE TABLE monthly_hours (
    id                 bigserial PRIMARY KEY,
    tenant_id          text    NOT NULL,
    -- The month's first day.
    month              date    NOT NULL,
    employee_id        bigint  NOT NULL,
    function_id        bigint  NOT NULL,
    client_account_id  bigint,
    seconds            bigint  NOT NULL,
    entries            integer NOT NULL,
    CONSTRAINT monthly_hours_key UNIQUE NULLS NOT DISTINCT (tenant_id, month, employee_id, function_id, client_account_id)
        INCLUDE (seconds, entries)
);

CREATE FUNCTION monthly_hours_follow_entries() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO monthly_hours AS m (tenant_id, month, employee_id, function_id, client_account_id, seconds, entries)
        SELECT tenant_id, date_trunc('month', work_date)::date, employee_id, function_id, client_account_id,
               sum(duration_seconds), count(*)
        FROM entries_in WHERE duration_seconds IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT ON CONSTRAINT monthly_hours_key
        DO UPDATE SET seconds = m.seconds + excluded.seconds, entries = m.entries + excluded.entries;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO monthly_hours AS m (tenant_id, month, employee_id, function_id, client_account_id, seconds, entries)
        SELECT tenant_id, date_trunc('month', work_date)::date, employee_id, function_id, client_account_id,
               -sum(duration_seconds), -count(*)
        FROM entries_out WHERE duration_seconds IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT ON CONSTRAINT monthly_hours_key
        DO UPDATE SET seconds = m.seconds + excluded.seconds, entries = m.entries + excluded.entries;
    ELSE
        INSERT INTO monthly_hours AS m (tenant_id, month, employee_id, function_id, client_account_id, seconds, entries)
        SELECT tenant_id, date_trunc('month', work_date)::date, employee_id, function_id, client_account_id,
               sum(seconds), sum(entries)
        FROM (SELECT tenant_id, work_date, employee_id, function_id, client_account_id,
                     duration_seconds::bigint AS seconds, 1 AS entries
              FROM entries_in WHERE duration_seconds IS NOT NULL
              UNION ALL
              SELECT tenant_id, work_date, employee_id, function_id, client_account_id,
                     -duration_seconds::bigint, -1
              FROM entries_out WHERE duration_seconds IS NOT NULL) change
        GROUP BY 1, 2, 3, 4, 5
        HAVING sum(seconds) <> 0 OR sum(entries) <> 0
        ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT ON CONSTRAINT monthly_hours_key
        DO UPDATE SET seconds = m.seconds + excluded.seconds, entries = m.entries + excluded.entries;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER monthly_hours_after_insert AFTER INSERT ON time_entry
    REFERENCING NEW TABLE AS entries_in
    FOR EACH STATEMENT EXECUTE FUNCTION monthly_hours_follow_entries();
CREATE TRIGGER monthly_hours_after_update AFTER UPDATE ON time_entry
    REFERENCING OLD TABLE AS entries_out NEW TABLE AS entries_in
    FOR EACH STATEMENT EXECUTE FUNCTION monthly_hours_follow_entries();
CREATE TRIGGER monthly_hours_after_delete AFTER DELETE ON time_entry
    REFERENCING OLD TABLE AS entries_out
    FOR EACH STATEMENT EXECUTE FUNCTION monthly_hours_follow_entries();

INSERT INTO monthly_hours (tenant_id, month, employee_id, function_id, client_account_id, seconds, entries)
SELECT tenant_id, date_trunc('month', work_date)::date, employee_id, function_id, client_account_id, sum(seconds), sum(entries)
FROM daily_hours
GROUP BY 1, 2, 3, 4, 5;
