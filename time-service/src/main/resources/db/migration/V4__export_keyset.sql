-- The day index gains the id, so that an export reads a tenant's entries in (work_date, id) order straight from it,
-- one page after another from where the last one ended, instead of sorting what is left of the range for each page.
DROP INDEX time_entry_by_day;
CREATE INDEX time_entry_by_day ON time_entry (tenant_id, work_date, id);
