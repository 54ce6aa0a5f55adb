-- Daily rollups of finished time: seconds and entries per tenant, day, employee, function and client. Reports sum
-- these rows instead of the entries, so their cost follows the people and functions of a period, not how finely
-- the time was captured. Statement triggers on time_entry keep them exact in the writer's own transaction, whatever
-- writes (a capture, a timer stop, an edit, a delete, a set-wise import): each statement's changed rows are summed
-- once and added as one upsert per rollup row, in key order so that concurrent writers take row locks in one order.
CREATE TABLE daily_hours (
    id                 bigserial PRIMARY KEY,
    tenant_id          text    NOT NULL,
    work_date          date    NOT NULL,
    employee_id        bigint  NOT NULL,
    function_id        bigint  NOT NULL,
    client_account_id  bigint,
    -- No CHECK (>= 0) here: PostgreSQL checks the row an upsert proposes, a negative difference, before it finds the
    -- row the difference goes to.
    seconds            bigint  NOT NULL,
    entries            integer NOT NULL,
    -- The sums ride in the key's index, so that a report over settled days reads the index alone.
    CONSTRAINT daily_hours_key UNIQUE NULLS NOT DISTINCT (tenant_id, work_date, employee_id, function_id, client_account_id)
        INCLUDE (seconds, entries)
);

-- Adds each changed group's difference (entries in minus entries out) to its rollup row. Running timers have no
-- duration and count only once stopped; a group whose last entry goes keeps a row of zeros, which reports skip.
-- The function keeps the schema it was made in: writers' sessions name their tables by schema, not by search path.
CREATE FUNCTION daily_hours_follow_entries() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO daily_hours AS d (tenant_id, work_date, employee_id, function_id, client_account_id, seconds, entries)
        SELECT tenant_id, work_date, employee_id, function_id, client_account_id, sum(duration_seconds), count(*)
        FROM entries_in WHERE duration_seconds IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT ON CONSTRAINT daily_hours_key
        DO UPDATE SET seconds = d.seconds + excluded.seconds, entries = d.entries + excluded.entries;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO daily_hours AS d (tenant_id, work_date, employee_id, function_id, client_account_id, seconds, entries)
        SELECT tenant_id, work_date, employee_id, function_id, client_account_id, -sum(duration_seconds), -count(*)
        FROM entries_out WHERE duration_seconds IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT ON CONSTRAINT daily_hours_key
        DO UPDATE SET seconds = d.seconds + excluded.seconds, entries = d.entries + excluded.entries;
    ELSE
        INSERT INTO daily_hours AS d (tenant_id, work_date, employee_id, function_id, client_account_id, seconds, entries)
        SELECT tenant_id, work_date, employee_id, function_id, client_account_id, sum(seconds), sum(entries)
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
        ON CONFLICT ON CONSTRAINT daily_hours_key
        DO UPDATE SET seconds = d.seconds + excluded.seconds, entries = d.entries + excluded.entries;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER daily_hours_after_insert AFTER INSERT ON time_entry
    REFERENCING NEW TABLE AS entries_in
    FOR EACH STATEMENT EXECUTE FUNCTION daily_hours_follow_entries();
CREATE TRIGGER daily_hours_after_update AFTER UPDATE ON time_entry
    REFERENCING OLD TABLE AS entries_out NEW TABLE AS entries_in
    FOR EACH STATEMENT EXECUTE FUNCTION daily_hours_follow_entries();
CREATE TRIGGER daily_hours_after_delete AFTER DELETE ON time_entry
    REFERENCING OLD TABLE AS entries_out
    FOR EACH STATEMENT EXECUTE FUNCTION daily_hours_follow_entries();

INSERT INTO daily_hours (tenant_id, work_date, employee_id, function_id, client_account_id, seconds, entries)
SELECT tenant_id, work_date, employee_id, function_id, client_account_id, sum(duration_seconds), count(*)
FROM time_entry WHERE duration_seconds IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;
