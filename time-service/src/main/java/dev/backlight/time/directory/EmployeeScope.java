package dev.backlight.time.directory;

import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.backlight.support.problem.ApiException;
import dev.backlight.support.tenancy.Caller;
import dev.backlight.support.tenancy.Roles;
import io.smallrye.mutiny.Uni;

/**
 * Whose time the caller may see or change: staff only their own, managers and tenant administrators anyone in
 * their tenant (the tenant filter already hides every other tenant's employees).
 */
@ApplicationScoped
public class EmployeeScope {

    @Inject
    Caller caller;

    @Inject
    EmployeeRepository employees;

    @Inject
    EmployeeLoginRepository logins;

    @Inject
    LoginLinks loginLinks;

    public boolean seesWholeTenant() {
        return caller.hasAnyRole(Roles.MANAGER, Roles.TENANT_ADMIN, Roles.ANALYST);
    }

    public boolean managesTime() {
        return caller.hasAnyRole(Roles.MANAGER, Roles.TENANT_ADMIN);
    }

    /** The caller's own employee record, linked on the login's first call ({@link LoginLinks}); else a 403. */
    Uni<Employee> self() {
        return employees.findBySubject(caller.subject())
                .chain(me -> me != null ? Uni.createFrom().item(me) : loginLinks.linkCaller());
    }

    /**
     * The employee a time change is for, locked until the transaction ends so that concurrent changes to one
     * employee's time are checked one after another. {@code requested} may be null to mean "myself".
     */
    public Uni<EmployeeRef> forTimeChange(Long requested) {
        return lockedTarget(requested, UNKNOWN_IN_BODY);
    }

    /** The employee whose time is read; staff may name only themselves. */
    public Uni<EmployeeRef> forReading(Long requested) {
        return target(requested, seesWholeTenant(), UNKNOWN_IN_BODY).map(EmployeeRef::of);
    }

    /** As {@link #forTimeChange}, for an employee named by the request's path: an unknown one is a 404. */
    public Uni<EmployeeRef> forTimeChangeAt(long pathId) {
        return lockedTarget(pathId, UNKNOWN_IN_PATH);
    }

    /**
     * The employee a time change is for, loaded and locked in one statement where the caller changes their own time:
     * captures come in bursts at shift start, so each round trip saved counts.
     */
    private Uni<EmployeeRef> lockedTarget(Long requested, Function<Long, ApiException> unknown) {
        if (namesAnyone(requested)) {
            return employees.findBySubject(caller.subject()).chain(me -> employees.lockForTimeChange(requested)
                    .map(locked -> checkedTarget(requested, true, me == null ? null : me.id, me != null && me.active,
                            locked == null ? null : locked.id, locked == null ? null : locked.timeZone, unknown)
                            .orElseThrow()));
        }
        return employees.lockForTimeChangeBySubject(caller.subject())
                .chain(me -> me != null ? Uni.createFrom().item(me) : loginLinks.linkCaller())
                .map(me -> checkedTarget(requested, false, me.id, me.active, me.id, me.timeZone, unknown).orElseThrow());
    }

    /** Whether the employee named is the one whose time changes: only those who manage time may name anyone. */
    private boolean namesAnyone(Long requested) {
        return requested != null && managesTime();
    }

    /**
     * The employee a capture statement of the caller's own locks: the one named, for those who manage time; null
     * for the caller's own record, found by the login's subject. Read while the request is in scope.
     */
    public Long employeeToLock(Long requested) {
        return namesAnyone(requested) ? requested : null;
    }

    /**
     * The rule of {@link #forTimeChange} applied to what a statement of the caller's own read and locked, away from the
     * request: whether the caller names the employee ({@link #employeeToLock} gave an id), the caller's own record (id
     * null when the login has none yet) and the employee locked (id null when there is none). Empty when the caller's
     * login must be linked first ({@link #linkCaller}).
     */
    public static Optional<EmployeeRef> timeChangeTarget(Long requested, boolean named, Long callerId,
            boolean callerActive, Long lockedId, String lockedZone) {
        return checkedTarget(requested, named, callerId, callerActive, lockedId, lockedZone, UNKNOWN_IN_BODY);
    }

    private static Optional<EmployeeRef> checkedTarget(Long requested, boolean named, Long callerId, boolean callerActive,
            Long lockedId, String lockedZone, Function<Long, ApiException> unknown) {
        if (named) {
            if (callerId != null) {
                checkActive(callerActive);
            }
            if (lockedId == null) {
                throw unknown.apply(requested);
            }
        } else if (callerId == null) {
            return Optional.empty();
        } else {
            checkActive(callerActive);
            if (requested != null && !callerId.equals(requested)) {
                throw ApiException.forbidden("Staff can only see and log their own time");
            }
        }
        return Optional.of(new EmployeeRef(lockedId, lockedZone));
    }

    /** Links the caller's login to its employee record on its first call, in a transaction of its own; else a 403. */
    public Uni<Void> linkCaller() {
        return loginLinks.linkCaller().replaceWithVoid();
    }

    /**
     * Someone whose employee record was deactivated (they left) keeps a valid login until it expires or is removed,
     * but captures and changes no more time, their own or anyone else's.
     */
    private static void checkActive(boolean active) {
        if (!active) {
            throw ApiException.forbidden("Your employee record is deactivated; time can no longer be captured or "
                    + "changed with this login. Ask your tenant administrator to reactivate it.");
        }
    }


    /** Locks every employee's time until the transaction ends, for a change that affects everyone (a period lock). */
    public Uni<Void> lockEveryonesTime() {
        return employees.lockAllForTimeChange();
    }

    /** Whether the caller's login is or ever was this employee's, so that clearing a link does not hide it. */
    public Uni<Boolean> isOrWasCaller(Long employeeId) {
        return employees.findById(employeeId).chain(employee -> logins.wasEverLinked(employeeId, caller.subject())
                .map(linked -> linked || caller.subject().equals(employee.subject)));
    }

    /** As {@link #forReading}, for an employee named by the request's path: an unknown one is a 404. */
    public Uni<EmployeeRef> forReadingAt(long pathId) {
        return readableAt(pathId).map(EmployeeRef::of);
    }

    /** The record of an employee the caller may read, named by the request's path. */
    Uni<Employee> readableAt(long pathId) {
        return target(pathId, seesWholeTenant(), UNKNOWN_IN_PATH);
    }

    /** Fails unless the caller may act on this employee's time. */
    public Uni<Void> checkMayChange(Long employeeId) {
        if (managesTime()) {
            return Uni.createFrom().voidItem();
        }
        return self().invoke(me -> {
            if (!me.id.equals(employeeId)) {
                throw ApiException.notFound("time entry of employee", employeeId);
            }
        }).replaceWithVoid();
    }

    private static final Function<Long, ApiException> UNKNOWN_IN_BODY = id -> ApiException.unknownReference("employeeId", "employee", id);
    private static final Function<Long, ApiException> UNKNOWN_IN_PATH = id -> ApiException.notFound("employee", id);

    private Uni<Employee> target(Long requested, boolean mayNameOthers, Function<Long, ApiException> unknown) {
        if (requested == null) {
            return self();
        }
        if (!mayNameOthers) {
            return self().invoke(me -> {
                if (!me.id.equals(requested)) {
                    throw ApiException.forbidden("Staff can only see and log their own time");
                }
            });
        }
        return employees.findById(requested).onItem().ifNull().failWith(() -> unknown.apply(requested));
    }
}
