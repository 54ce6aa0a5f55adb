-- Person-days kept by difference, as the other rollups are. V10 counted each changed cell afresh from the month's
-- entries: every timer stop read all of the employee's entries of the month (a hundred or more by its end), the largest
-- part of what a capture cost the database. Now each statement's changes are summed per day, and whether a day gains
-- or loses its place among the person-days is read from the daily rollup, which its own trigger (daily_hours_after_*,
-- fired first: PostgreSQL fires a table's triggers in name order) has already brought up to date: a day counts while
-- the employee's entries on the function that day, whatever the client, number more than zero. One index probe per
-- changed day on daily_hours_key's leading columns (tenant, day, employee, function). Exact for the reason V10 gave:
-- every change to an employee's time holds that employee's row lock, so no other transaction changes those days'
-- rollups between the two triggers.
CREATE TYPE monthly_days_change AS (tenant_id text, work_date date, employee_id bigint, function_id bigint,
                                    seconds bigint, entries integer);

CREATE OR REPLACE FUNCTION monthly_days_follow_entries() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    changes monthly_days_change[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        changes := ARRAY(
            SELECT ROW(tenant_id, work_date, employee_id, function_id, sum(duration_seconds), count(*))::monthly_days_change
            FROM entries_in WHERE duration_seconds IS NOT NULL
            GROUP BY tenant_id, work_date, employee_id, function_id);
    ELSIF TG_OP = 'DELETE' THEN
        changes := ARRAY(
            SELECT ROW(tenant_id, work_date, employee_id, function_id, -sum(duration_seconds), -count(*))::monthly_days_change
            FROM entries_out WHERE duration_seconds IS NOT NULL
            GROUP BY tenant_id, work_date, employee_id, function_id);
    ELSE
        changes := ARRAY(
            SELECT ROW(tenant_id, work_date, employee_id, function_id, sum(seconds), sum(entries))::monthly_days_change
            FROM (SELECT tenant_id, work_date, employee_id, function_id, duration_seconds::bigint AS seconds, 1 AS entries
                  FROM entries_in WHERE duration_seconds IS NOT NULL
                  UNION ALL
                  SELECT tenant_id, work_date, employee_id, function_id, -duration_seconds::bigint, -1
                  FROM entries_out WHERE duration_seconds IS NOT NULL) change
            GROUP BY tenant_id, work_date, employee_id, function_id
            HAVING sum(seconds) <> 0 OR sum(entries) <> 0);
    END IF;
    IF cardinality(changes) > 0 THEN
        INSERT INTO monthly_days AS m (tenant_id, month, employee_id, function_id, seconds, entries, days)
        SELECT c.tenant_id, date_trunc('month', c.work_date)::date, c.employee_id, c.function_id,
               sum(c.seconds), sum(c.entries),
               -- The day counts now (entries after the change) minus whether it counted before (entries before it).
               sum((on_day.entries > 0)::int - (on_day.entries - c.entries > 0)::int)
        FROM unnest(changes) c
        CROSS JOIN LATERAL (
            SELECT coalesce(sum(d.entries), 0) AS entries FROM daily_hours d
            WHERE d.tenant_id = c.tenant_id AND d.work_date = c.work_date AND d.employee_id = c.employee_id
              AND d.function_id = c.function_id) on_day
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT ON CONSTRAINT monthly_days_key
        DO UPDATE SET seconds = m.seconds + excluded.seconds, entries = m.entries + excluded.entries,
                      days = m.days + excluded.days;
    END IF;
    RETURN NULL;
END
$$;

DROP TYPE monthly_days_cell;
