-- Thresholds of the context-switching and sustainability analyses, per tenant.
ALTER TABLE workload_setting
    ADD COLUMN short_block_minutes          integer NOT NULL DEFAULT 30  CHECK (short_block_minutes BETWEEN 1 AND 480),
    ADD COLUMN over_contract_percent        integer NOT NULL DEFAULT 110 CHECK (over_contract_percent BETWEEN 100 AND 200),
    ADD COLUMN after_hours_minutes_per_week integer NOT NULL DEFAULT 120 CHECK (after_hours_minutes_per_week >= 0),
    ADD COLUMN overload_streak_weeks        integer NOT NULL DEFAULT 3   CHECK (overload_streak_weeks BETWEEN 1 AND 26);
