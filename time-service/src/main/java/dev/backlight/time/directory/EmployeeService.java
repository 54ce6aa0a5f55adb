package dev.backlight.time.directory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.backlight.support.problem.ApiException;
import dev.backlight.support.problem.FieldChecks;
import dev.backlight.support.rest.Versions;
import dev.backlight.support.tenancy.Caller;
import dev.backlight.time.tenants.TenantService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The tenant's back-office employees. */
@ApplicationScoped
public class EmployeeService {

    @Inject
    EmployeeRepository employees;

    @Inject
    TenantService tenantService;

    @Inject
    EmployeeScope scope;

    @Inject
    EmployeeLoginRepository logins;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** What an administrator says about an employee; absent optional values fall back to sensible defaults. */
    public record EmployeeData(String name, String email, String subject, String team, String timeZone,
            Set<DayOfWeek> workDays, LocalTime workStart, LocalTime workEnd, BigDecimal weeklyContractHours,
            Boolean active) {
    }

    @WithSession
    public Uni<List<Employee>> search(String team, boolean includeInactive) {
        return employees.search(team, includeInactive);
    }

    @WithSession
    public Uni<Employee> get(Long id) {
        return scope.readableAt(id);
    }

    /** The caller's own record; their login's first call links it (so the link is written here). */
    @WithTransaction
    public Uni<Employee> me() {
        return scope.self();
    }

    /** One row of an employee's login history, as administrators read it. */
    public record LoginRecord(String subject, Instant linkedAt, String linkedBy, Instant unlinkedAt, String unlinkedBy) {
    }

    /**
     * Links a user name to an employee who has no login yet: that user's next call (a token of the tenant with this
     * user name) completes the link. 409 when the employee has a login (unlink it first) or another employee waits
     * for the user name.
     */
    @WithTransaction
    public Uni<Employee> linkUsername(Long id, String username, String ifMatch) {
        return forChange(id, ifMatch)
                .invoke(employee -> {
                    if (employee.subject != null) {
                        throw ApiException.conflict("login-linked", "Employee " + id + " already has a login; unlink it first",
                                "employeeId", id);
                    }
                })
                .call(employee -> employees.findWaitingForUsername(username).invoke(other -> {
                    if (other != null && !other.id.equals(id)) {
                        throw ApiException.conflict("employee-exists", "Employee " + other.id + " already waits for the "
                                + "user name " + username, "field", "username", "employeeId", other.id);
                    }
                }))
                .invoke(employee -> employee.loginUsername = username)
                .call(employees::flush);
    }

    /** Removes an employee's login, or the user name waiting for one; the history keeps who it was and who removed it. */
    @WithTransaction
    public Uni<Void> unlink(Long id, String ifMatch) {
        return forChange(id, ifMatch)
                .call(employee -> {
                    String previous = employee.subject;
                    employee.subject = null;
                    employee.loginUsername = null;
                    return logins.recordChange(employee, previous, caller.subject(), clock.instant());
                })
                .replaceWithVoid();
    }

    /**
     * Erases an employee's personal data on request: name and email replaced, logins forgotten (the history keeps that
     * there were some), deactivated. The id, team, schedule and everything counted against the id stay, so hours and
     * aggregates do not change. Joins the caller's transaction.
     */
    @WithTransaction
    public Uni<Erased> erase(Long id, String ifMatch) {
        return forChange(id, ifMatch).call(employee -> {
            String email = employee.email;
            employee.name = "Erased employee " + employee.id;
            employee.email = "erased-" + employee.id + "@erased.invalid";
            employee.subject = null;
            employee.loginUsername = null;
            employee.active = false;
            employee.erasedAt = clock.instant();
            return logins.erase(employee.id, caller.tenantId(), email);
        }).map(employee -> new Erased(employee.id, employee.erasedAt));
    }

    /** Whose personal data was erased, and when. */
    public record Erased(long employeeId, Instant erasedAt) {
    }

    @WithSession
    public Uni<List<LoginRecord>> logins(Long id) {
        return found(id)
                .chain(employee -> logins.history(employee.id)).map(history -> history.stream()
                        .map(l -> new LoginRecord(l.subject, l.linkedAt, l.linkedBy, l.unlinkedAt, l.unlinkedBy)).toList());
    }

    @WithTransaction
    public Uni<Employee> create(EmployeeData data) {
        return tenantService.current().chain(tenant -> uniqueness(data, null).chain(() -> {
            Employee employee = new Employee();
            employee.createdAt = clock.instant();
            apply(employee, data, tenant.timeZone());
            return employees.persist(employee).call(created -> logins.recordChange(created, null, caller.subject(), clock.instant()));
        }));
    }

    @WithTransaction
    public Uni<Employee> update(Long id, EmployeeData data, String ifMatch) {
        return forChange(id, ifMatch)
                .chain(employee -> {
                    String previousLogin = employee.subject;
                    return uniqueness(data, id).invoke(() -> apply(employee, data, employee.timeZone))
                            .chain(() -> logins.recordChange(employee, previousLogin, caller.subject(), clock.instant()))
                            .replaceWith(employee);
                });
    }

    private Uni<Employee> found(Long id) {
        return employees.findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("employee", id));
    }

    /** The employee a change is for, refused with 412 when it changed since the version If-Match names. */
    private Uni<Employee> forChange(Long id, String ifMatch) {
        return found(id).invoke(employee -> Versions.checkIfMatch(ifMatch, employee.version));
    }

    private Uni<Void> uniqueness(EmployeeData data, Long self) {
        Uni<Void> emailFree = employees.findByEmail(data.email()).invoke(other -> {
            if (other != null && !other.id.equals(self)) {
                throw ApiException.conflict("employee-exists", "Another employee has email " + data.email(),
                        "field", "email", "employeeId", other.id);
            }
        }).replaceWithVoid();
        if (data.subject() == null) {
            return emailFree;
        }
        return emailFree.chain(() -> employees.findBySubject(data.subject())).invoke(other -> {
            if (other != null && !other.id.equals(self)) {
                throw ApiException.conflict("employee-exists", "Another employee logs in as " + data.subject(),
                        "field", "subject", "employeeId", other.id);
            }
        }).replaceWithVoid();
    }

    private static void apply(Employee employee, EmployeeData data, String defaultZone) {
        String zone = data.timeZone() == null ? defaultZone : data.timeZone();
        FieldChecks.zone("timeZone", zone);
        LocalTime start = data.workStart() == null ? LocalTime.of(9, 0) : data.workStart();
        LocalTime end = data.workEnd() == null ? LocalTime.of(17, 0) : data.workEnd();
        if (!end.isAfter(start)) {
            throw ApiException.invalidField("workEnd", "must be after workStart");
        }
        employee.name = data.name();
        employee.email = data.email();
        employee.subject = data.subject();
        employee.team = data.team();
        employee.timeZone = zone;
        employee.workDaySet(data.workDays() == null || data.workDays().isEmpty()
                ? Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                : data.workDays());
        employee.workStart = start;
        employee.workEnd = end;
        employee.weeklyContractHours = data.weeklyContractHours() == null ? new BigDecimal("40") : data.weeklyContractHours();
        employee.active = data.active() == null || data.active();
    }
}
