package dev.backlight.time.entries;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TimeEntryRepository implements PanacheRepository<TimeEntry> {

    /** Sentinel for "no entry to exclude" (ids start at 1). */
    public static final long NONE = 0L;

    public Uni<TimeEntry> findRunning(Long employeeId) {
        return find("employeeId = ?1 and startedAt is not null and endedAt is null", employeeId).firstResult();
    }

    /** The first running timer whose work date falls in [firstDay, lastDay]. */
    public Uni<TimeEntry> findRunningWithin(LocalDate firstDay, LocalDate lastDay) {
        return find("startedAt is not null and endedAt is null and workDate >= ?1 and workDate <= ?2 order by startedAt",
                firstDay, lastDay).firstResult();
    }

    public Uni<List<TimeEntry>> listRunning() {
        return list("startedAt is not null and endedAt is null order by startedAt");
    }

    /** The first timed entry of the employee overlapping [start, end); a running timer extends to infinity. */
    public Uni<TimeEntry> findOverlapping(Long employeeId, Instant start, Instant end, long excludeId) {
        return find("employeeId = ?1 and startedAt is not null and startedAt < ?3 "
                + "and (endedAt is null or endedAt > ?2) and id <> ?4 order by startedAt",
                employeeId, start, end, excludeId).firstResult();
    }

    /** Seconds already recorded for the employee on a day (finished entries only). */
    public Uni<Long> secondsOn(Long employeeId, LocalDate day, long excludeId) {
        return find("select coalesce(sum(durationSeconds), 0) from TimeEntry "
                + "where employeeId = ?1 and workDate = ?2 and durationSeconds is not null and id <> ?3",
                employeeId, day, excludeId).project(Long.class).singleResult();
    }

    public Uni<TimeEntry> findByExternalRef(String externalRef) {
        return find("externalRef", externalRef).firstResult();
    }

    public Uni<Long> countNeedingReview(Long employeeId, LocalDate from, LocalDate toExclusive) {
        return count("employeeId = ?1 and workDate >= ?2 and workDate < ?3 and (reviewReason is not null or "
                + "(startedAt is not null and endedAt is null))", employeeId, from, toExclusive);
    }
}
