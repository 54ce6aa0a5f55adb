-- Every login (identity-provider subject) an employee has had, with who linked and unlinked it and when. The rule
-- "nobody approves their own timesheet" holds against this history, so clearing an employee's login does not lift it.
CREATE TABLE employee_login (
    id           bigserial PRIMARY KEY,
    tenant_id    text        NOT NULL,
    employee_id  bigint      NOT NULL REFERENCES employee (id),
    subject      text        NOT NULL,
    linked_at    timestamptz NOT NULL,
    linked_by    text        NOT NULL,
    unlinked_at  timestamptz,
    unlinked_by  text
);
CREATE INDEX employee_login_by_employee ON employee_login (tenant_id, employee_id, subject);

INSERT INTO employee_login (tenant_id, employee_id, subject, linked_at, linked_by)
SELECT tenant_id, id, subject, created_at, 'before login history'
FROM employee
WHERE subject IS NOT NULL;
