-- When an employee's personal data was erased on request: name, email and logins replaced, hours kept.
ALTER TABLE employee ADD COLUMN erased_at timestamptz;
