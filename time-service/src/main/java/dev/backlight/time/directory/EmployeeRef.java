package dev.backlight.time.directory;

/** An employee as the other features need one: who the time is for, and the zone it is captured in by default. */
public record EmployeeRef(Long id, String timeZone) {

    static EmployeeRef of(Employee employee) {
        return new EmployeeRef(employee.id, employee.timeZone);
    }
}
