package dev.backlight.time.directory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
class EmployeeLoginRepository implements PanacheRepository<EmployeeLogin> {

    /** Records that the employee's login changed from {@code previous} to their current subject, if it did. */
    public Uni<Void> recordChange(Employee employee, String previous, String changedBy, Instant at) {
        if (Objects.equals(previous, employee.subject)) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> unlinked = previous == null ? Uni.createFrom().voidItem()
                : update("unlinkedAt = ?1, unlinkedBy = ?2 where employeeId = ?3 and subject = ?4 and unlinkedAt is null",
                        at, changedBy, employee.id, previous).replaceWithVoid();
        if (employee.subject == null) {
            return unlinked;
        }
        EmployeeLogin login = new EmployeeLogin();
        login.employeeId = employee.id;
        login.subject = employee.subject;
        login.linkedAt = at;
        login.linkedBy = changedBy;
        return unlinked.chain(() -> persist(login)).replaceWithVoid();
    }

    /** Every login the employee has had, the current one last. */
    public Uni<List<EmployeeLogin>> history(Long employeeId) {
        return list("employeeId = ?1 order by linkedAt, id", employeeId);
    }

    /** Whether {@code subject} is, or ever was, a login of the employee. */
    public Uni<Boolean> wasEverLinked(Long employeeId, String subject) {
        return count("employeeId = ?1 and subject = ?2", employeeId, subject).map(count -> count > 0);
    }

    /** Forgets who an employee's logins were: their subjects, and the verified email a link was made by. */
    public Uni<Integer> erase(Long employeeId, String tenantId, String email) {
        return update("subject = 'erased', linkedBy = case when linkedBy like ?3 then 'erased' else linkedBy end "
                + "where employeeId = ?1 and tenantId = ?2", employeeId, tenantId, "%" + email + "%");
    }
}
