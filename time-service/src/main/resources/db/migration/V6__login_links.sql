-- A user name an administrator linked to an employee before that person first signed in: their first call with a
-- token of that user name (in the employee's tenant) completes the link. One employee waits for a user name at most.
ALTER TABLE employee ADD COLUMN login_username text;
CREATE UNIQUE INDEX employee_one_waiting_for_username ON employee (tenant_id, lower(login_username))
    WHERE login_username IS NOT NULL;
