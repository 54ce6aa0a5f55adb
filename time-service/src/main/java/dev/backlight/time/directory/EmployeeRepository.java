package dev.backlight.time.directory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
class EmployeeRepository implements PanacheRepository<Employee> {

    public Uni<Employee> findBySubject(String subject) {
        return find("subject", subject).firstResult();
    }

    public Uni<Employee> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResult();
    }

    /** The active employee without a login who waits for this user name, locked until the transaction ends. */
    public Uni<Employee> lockWaitingForUsername(String username) {
        return find("lower(loginUsername) = lower(?1) and subject is null and active = true", username)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** The active employee without a login who has this email, locked until the transaction ends. */
    public Uni<Employee> lockUnlinkedByEmail(String email) {
        return find("lower(email) = lower(?1) and subject is null and loginUsername is null and active = true", email)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Employee> findWaitingForUsername(String username) {
        return find("lower(loginUsername) = lower(?1)", username).firstResult();
    }

    /**
     * Loads the employee and locks their row until the transaction ends: every change to an employee's time takes
     * this lock first, so concurrent requests for one employee are checked one after another.
     */
    public Uni<Employee> lockForTimeChange(Long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** As {@link #lockForTimeChange}, for the employee a login belongs to; null when none does. */
    public Uni<Employee> lockForTimeChangeBySubject(String subject) {
        return find("subject", subject).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * Takes every employee's time-change lock of the tenant, so that no capture runs until the transaction ends:
     * for changes that every capture must see, such as a new period lock.
     */
    public Uni<Void> lockAllForTimeChange() {
        return find("order by id").withLock(LockModeType.PESSIMISTIC_WRITE).list().replaceWithVoid();
    }

    public Uni<List<Employee>> search(String team, boolean includeInactive) {
        StringBuilder query = new StringBuilder("1 = 1");
        if (team != null) {
            query.append(" and team = :team");
        }
        if (!includeInactive) {
            query.append(" and active = true");
        }
        query.append(" order by name, id");
        Map<String, Object> parameters = new HashMap<>();
        if (team != null) {
            parameters.put("team", team);
        }
        return list(query.toString(), parameters);
    }
}
