package dev.backlight.time.directory;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.support.problem.ApiException;
import dev.backlight.support.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Links a login to its employee on the login's first call, so that nobody copies identity-provider subjects by hand:
 * to the employee an administrator linked the caller's user name to, else to the one whose email is the caller's
 * verified email. Each link is recorded in the employee's login history, which administrators read.
 */
@ApplicationScoped
class LoginLinks {

    private final Caller caller;
    private final EmployeeRepository employees;
    private final EmployeeLoginRepository logins;
    private final Clock clock;

    LoginLinks(Caller caller, EmployeeRepository employees, EmployeeLoginRepository logins, Clock clock) {
        this.caller = caller;
        this.employees = employees;
        this.logins = logins;
        this.clock = clock;
    }

    /**
     * The caller's employee, linked now, locked until the transaction ends; 403 saying what to ask for when none
     * matches. Two first calls at once link once: the second waits for the first's lock and then finds the link.
     */
    Uni<Employee> linkCaller() {
        String username = caller.username();
        return Panache.withTransaction(() -> employees.lockWaitingForUsername(username)
                .chain(waiting -> waiting != null ? link(waiting, "user name " + username) : linkByEmail())
                .chain(linked -> linked != null ? Uni.createFrom().item(linked)
                        : employees.lockForTimeChangeBySubject(caller.subject())
                                .onItem().ifNull().failWith(this::notLinked)));
    }

    private Uni<Employee> linkByEmail() {
        return caller.verifiedEmail().map(email -> employees.lockUnlinkedByEmail(email)
                        .chain(match -> match == null ? Uni.createFrom().<Employee>nullItem() : link(match, "verified email " + email)))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    private Uni<Employee> link(Employee employee, String matchedBy) {
        employee.subject = caller.subject();
        employee.loginUsername = null;
        return logins.recordChange(employee, null, "first sign-in of " + caller.username() + ", matched by " + matchedBy,
                clock.instant()).replaceWith(employee);
    }

    private ApiException notLinked() {
        String username = caller.username();
        String email = caller.verifiedEmail().map(address -> " with your email address " + address).orElse(
                " with your email address (and verify it at sign-in)");
        return ApiException.forbidden("No employee of your organisation is linked to the login " + username
                + ". Ask your tenant administrator to add you as an employee" + email + ", or to link the user name "
                + username + " to your employee record; it links on your next call.");
    }
}
