-- Monthly time and person-days per tenant, month, employee and function, whatever the client: half the rows of
-- monthly_hours, and the days a person worked on a function (the divisor of per-person-per-day figures such as QA
-- evaluations per analyst per day), so that a report over whole months gets both from one small read instead of
-- grouping a row per person and day.
CREATE TABLE monthly_days (
    id           bigserial PRIMARY KEY,
    tenant_id    text    NOT NULL,
    -- The month's first day.
    month        date    NOT NULL,
    employee_id  bigint  NOT NULL,
    function_id  bigint  NOT NULL,
    seconds      bigint  NOT NULL,
    entries      integer NOT NULL,
    -- Days of the month with finished time on the function, however many entries and clients each day had.
    days         integer NOT NULL,
    CONSTRAINT monthly_days_key UNIQUE (tenant_id, month, employee_id, function_id) INCLUDE (seconds, entries, days)
);

CREATE TYPE monthly_days_cell AS (tenant_id text, month date, employee_id bigint, function_id bigint);

-- Cells are counted afresh from the entries rather than adjusted: whether a day counts depends on all of that day's
-- entries. One employee's month is a short range of time_entry_by_employee_day. Exact because every change to an
-- employee's time holds that employee's row lock (EmployeeScope, the imports, erasure), so no two transactions count
-- one cell at once. Triggers on time_entry only, as for the other rollups (V9), so that deleting a tenant leaves no
-- row behind. An update recounts only the cells whose finished time it changed: notes and review flags change none.
CREATE FUNCTION monthly_days_follow_entries() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    cells monthly_days_cell[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        cells := ARRAY(
            SELECT DISTINCT ROW(tenant_id, date_trunc('month', work_date)::date, employee_id, function_id)::monthly_days_cell
            FROM entries_in WHERE duration_seconds IS NOT NULL);
    ELSIF TG_OP = 'DELETE' THEN
        cells := ARRAY(
            SELECT DISTINCT ROW(tenant_id, date_trunc('month', work_date)::date, employee_id, function_id)::monthly_days_cell
            FROM entries_out WHERE duration_seconds IS NOT NULL);
    ELSE
        cells := ARRAY(
            SELECT DISTINCT ROW(tenant_id, date_trunc('month', work_date)::date, employee_id, function_id)::monthly_days_cell
            FROM ((SELECT tenant_id, work_date, employee_id, function_id, duration_seconds FROM entries_in
                   EXCEPT ALL SELECT tenant_id, work_date, employee_id, function_id, duration_seconds FROM entries_out)
                  UNION ALL
                  (SELECT tenant_id, work_date, employee_id, function_id, duration_seconds FROM entries_out
                   EXCEPT ALL SELECT tenant_id, work_date, employee_id, function_id, duration_seconds FROM entries_in)) changed
            WHERE duration_seconds IS NOT NULL);
    END IF;
    IF cardinality(cells) > 0 THEN
        INSERT INTO monthly_days AS m (tenant_id, month, employee_id, function_id, seconds, entries, days)
        SELECT c.tenant_id, c.month, c.employee_id, c.function_id,
               coalesce(sum(e.duration_seconds), 0), count(e.id), count(DISTINCT e.work_date)
        FROM unnest(cells) c
        LEFT JOIN time_entry e ON e.tenant_id = c.tenant_id AND e.employee_id = c.employee_id
             AND e.work_date >= c.month AND e.work_date < (c.month + interval '1 month')::date
             AND e.function_id = c.function_id AND e.duration_seconds IS NOT NULL
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT ON CONSTRAINT monthly_days_key
        DO UPDATE SET seconds = excluded.seconds, entries = excluded.entries, days = excluded.days;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER monthly_days_after_insert AFTER INSERT ON time_entry
    REFERENCING NEW TABLE AS entries_in
    FOR EACH STATEMENT EXECUTE FUNCTION monthly_days_follow_entries();
CREATE TRIGGER monthly_days_after_update AFTER UPDATE ON time_entry
    REFERENCING OLD TABLE AS entries_out NEW TABLE AS entries_in
    FOR EACH STATEMENT EXECUTE FUNCTION monthly_days_follow_entries();
CREATE TRIGGER monthly_days_after_delete AFTER DELETE ON time_entry
    REFERENCING OLD TABLE AS entries_out
    FOR EACH STATEMENT EXECUTE FUNCTION monthly_days_follow_entries();

INSERT INTO monthly_days (tenant_id, month, employee_id, function_id, seconds, entries, days)
SELECT tenant_id, date_trunc('month', work_date)::date, employee_id, function_id, sum(seconds), sum(entries),
       count(DISTINCT work_date) FILTER (WHERE entries > 0)
FROM daily_hours
GROUP BY 1, 2, 3, 4;
