package dev.backlight.time.timesheets;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.backlight.support.problem.ApiException;
import dev.backlight.support.tenancy.Caller;
import dev.backlight.time.directory.EmployeeScope;
import dev.backlight.time.entries.EntryLedger;
import dev.backlight.time.entries.TimeRules;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Locks a period of the tenant's calendar (e.g. for payroll): no time in it may change until it is unlocked. */
@ApplicationScoped
public class PeriodLockService {

    @Inject
    PeriodLockRepository locks;

    @Inject
    EmployeeScope employeeScope;

    @Inject
    EntryLedger ledger;

    @Inject
    TimeRules rules;

    @Inject
    Caller caller;

    @WithSession
    public Uni<List<PeriodLock>> list() {
        return locks.listOrdered();
    }

    @WithTransaction
    public Uni<PeriodLock> lock(LocalDate firstDay, LocalDate lastDay, String reason) {
        if (lastDay.isBefore(firstDay)) {
            throw ApiException.invalidField("lastDay", "must not be before firstDay");
        }
        // Captures check the locks while holding their employee's lock; holding all of them here means a timer
        // cannot start inside the period while it is being locked, nor be missed below.
        return employeeScope.lockEveryonesTime().chain(() -> ledger.firstRunningWithin(firstDay, lastDay)).invoke(running -> {
            if (running != null) {
                throw ApiException.conflict("timer-running", "A timer of employee " + running.employeeId() + " is running on "
                        + running.workDate() + ", inside the period; stop it before locking", "entryId", running.id(),
                        "employeeId", running.employeeId());
            }
        }).chain(() -> locks.findOverlapping(firstDay, lastDay)).chain(existing -> {
            if (existing != null) {
                throw ApiException.conflict("lock-overlap", "The period overlaps lock " + existing.id + " ("
                        + existing.firstDay + " to " + existing.lastDay + ")", "lockId", existing.id);
            }
            PeriodLock lock = new PeriodLock();
            lock.firstDay = firstDay;
            lock.lastDay = lastDay;
            lock.reason = reason;
            lock.lockedBy = caller.subject();
            lock.lockedAt = rules.now();
            return locks.persist(lock);
        });
    }

    @WithTransaction
    public Uni<Void> unlock(Long id) {
        return locks.findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("period lock", id))
                .chain(lock -> locks.delete(lock));
    }
}
