-- One trigger function per event keeps all three rollups (V5, V9, V11), where three did: a statement's changed entries
-- are read from its transition tables and summed once, per tenant, day, employee, function and client, and each rollup
-- takes its upsert from those sums. Each of a capture batch's statements paid three trigger calls, three reads of the
-- same rows and three groupings before. The order the rollups are written in is now the code's, not the triggers' names:
-- the daily rollup first, because the person-days read whether a day still has entries from it.
CREATE TYPE rollup_change AS (tenant_id text, work_date date, employee_id bigint, function_id bigint,
                              client_account_id bigint, seconds bigint, entries integer);

CREATE FUNCTION rollups_follow_entries() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    changes rollup_change[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        changes := ARRAY(
            SELECT ROW(tenant_id, work_date, employee_id, function_id, client_account_id,
                       sum(duration_seconds), count(*))::rollup_change
            FROM entries_in WHERE duration_seconds IS NOT NULL
            GROUP BY tenant_id, work_date, employee_id, function_id, client_account_id);
    ELSIF TG_OP = 'DELETE' THEN
        changes := ARRAY(
            SELECT ROW(tenant_id, work_date, employee_id, function_id, client_account_id,
                       -sum(duration_seconds), -count(*))::rollup_change
            FROM entries_out WHERE duration_seconds IS NOT NULL
            GROUP BY tenant_id, work_date, employee_id, function_id, client_account_id);
    ELSE
        changes := ARRAY(
            SELECT ROW(tenant_id, work_date, employee_id, function_id, client_account_id,
                       sum(seconds), sum(entries))::rollup_change
            FROM (SELECT tenant_id, work_date, employee_id, function_id, client_account_id,
                         duration_seconds::bigint AS seconds, 1 AS entries
                  FROM entries_in WHERE duration_seconds IS NOT NULL
                  UNION ALL
                  SELECT tenant_id, work_date, employee_id, function_id, client_account_id,
                         -duration_seconds::bigint, -1
                  FROM entries_out WHERE duration_seconds IS NOT NULL) change
            GROUP BY tenant_id, work_date, employee_id, function_id, client_account_id
            HAVING sum(seconds) <> 0 OR sum(entries) <> 0);
    END IF;
    IF cardinality(changes) = 0 THEN
        RETURN NULL;
    END IF;

    -- Each upsert in key order, so that concurrent writers take the rollups' row locks in one order.
    INSERT INTO daily_hours AS d (tenant_id, work_date, employee_id, function_id, client_account_id, seconds, entries)
    SELECT tenant_id, work_date, employee_id, function_id, client_account_id, seconds, entries
    FROM unnest(changes)
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT daily_hours_key
    DO UPDATE SET seconds = d.seconds + excluded.seconds, entries = d.entries + excluded.entries;

    INSERT INTO monthly_hours AS m (tenant_id, month, employee_id, function_id, client_account_id, seconds, entries)
    SELECT tenant_id, date_trunc('month', work_date)::date, employee_id, function_id, client_account_id,
           sum(seconds), sum(entries)
    FROM unnest(changes)
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(seconds) <> 0 OR sum(entries) <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT monthly_hours_key
    DO UPDATE SET seconds = m.seconds + excluded.seconds, entries = m.entries + excluded.entries;

    -- A day counts among the person-days while the employee's entries on the function that day, whatever the client,
    -- number more than zero: now (the daily rollup, just brought up to date) and before the change (now minus the
    -- change). Exact because every change to an employee's time holds that employee's row lock, so no other
    -- transaction changes those days' rollups in between.
    INSERT INTO monthly_days AS m (tenant_id, month, employee_id, function_id, seconds, entries, days)
    SELECT c.tenant_id, date_trunc('month', c.work_date)::date, c.employee_id, c.function_id,
           sum(c.seconds), sum(c.entries), sum((on_day.entries > 0)::int - (on_day.entries - c.entries > 0)::int)
    FROM (SELECT tenant_id, work_date, employee_id, function_id, sum(seconds) AS seconds, sum(entries) AS entries
          FROM unnest(changes)
          GROUP BY 1, 2, 3, 4
          HAVING sum(seconds) <> 0 OR sum(entries) <> 0) c
    CROSS JOIN LATERAL (
        SELECT coalesce(sum(d.entries), 0) AS entries FROM daily_hours d
        WHERE d.tenant_id = c.tenant_id AND d.work_date = c.work_date AND d.employee_id = c.employee_id
          AND d.function_id = c.function_id) on_day
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT monthly_days_key
    DO UPDATE SET seconds = m.seconds + excluded.seconds, entries = m.entries + excluded.entries,
                  days = m.days + excluded.days;
    RETURN NULL;
END
$$;

DROP TRIGGER daily_hours_after_insert ON time_entry;
DROP TRIGGER daily_hours_after_update ON time_entry;
DROP TRIGGER daily_hours_after_delete ON time_entry;
DROP TRIGGER monthly_hours_after_insert ON time_entry;
DROP TRIGGER monthly_hours_after_update ON time_entry;
DROP TRIGGER monthly_hours_after_delete ON time_entry;
DROP TRIGGER monthly_days_after_insert ON time_entry;
DROP TRIGGER monthly_days_after_update ON time_entry;
DROP TRIGGER monthly_days_after_delete ON time_entry;
DROP FUNCTION daily_hours_follow_entries();
DROP FUNCTION monthly_hours_follow_entries();
DROP FUNCTION monthly_days_follow_entries();
DROP TYPE monthly_days_change;

CREATE TRIGGER rollups_after_insert AFTER INSERT ON time_entry
    REFERENCING NEW TABLE AS entries_in
    FOR EACH STATEMENT EXECUTE FUNCTION rollups_follow_entries();
CREATE TRIGGER rollups_after_update AFTER UPDATE ON time_entry
    REFERENCING OLD TABLE AS entries_out NEW TABLE AS entries_in
    FOR EACH STATEMENT EXECUTE FUNCTION rollups_follow_entries();
CREATE TRIGGER rollups_after_delete AFTER DELETE ON time_entry
    REFERENCING OLD TABLE AS entries_out
    FOR EACH STATEMENT EXECUTE FUNCTION rollups_follow_entries();
