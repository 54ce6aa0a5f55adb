package dev.backlight.time.entries;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.backlight.support.problem.ApiException;
import dev.backlight.support.problem.FieldChecks;
import dev.backlight.time.tenants.TenantProfile;
import dev.backlight.time.timesheets.OpenPeriods;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rules every change to time obeys, whatever its source (API, timer, import): intervals are [start, end),
 * at most 24 h, never in the future, never overlapping another entry of the same employee, and never in a locked
 * period or a submitted or approved week ({@link OpenPeriods}).
 */
@ApplicationScoped
public class TimeRules {

    public static final Duration MAX_ENTRY = Duration.ofHours(24);

    @Inject
    Clock clock;

    @ConfigProperty(name = "backlight.time.future-tolerance", defaultValue = "PT2M")
    Duration futureTolerance;

    @Inject
    TimeEntryRepository entries;

    @Inject
    OpenPeriods openPeriods;

    /** When and how long, as the caller gave it; either timed (start and end) or manual (date and minutes). */
    public record TimeInput(Instant startedAt, Instant endedAt, String zone, LocalDate workDate, Integer durationMinutes) {
    }

    /** The validated times of an entry, with the day it counts for. */
    public record EntryTimes(Instant startedAt, Instant endedAt, String zone, LocalDate workDate, int durationSeconds) {
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Checks the shape and limits of the times; 400 naming the offending field. */
    public EntryTimes interpret(TimeInput input, TenantProfile tenant, String defaultZone) {
        String zone = input.zone() == null ? defaultZone : input.zone();
        FieldChecks.zone("zone", zone);
        if (input.startedAt() != null || input.endedAt() != null) {
            if (input.workDate() != null) {
                throw ApiException.invalidField("workDate", "must be absent when startedAt and endedAt are given");
            }
            if (input.durationMinutes() != null) {
                throw ApiException.invalidField("durationMinutes", "must be absent when startedAt and endedAt are given");
            }
            if (input.startedAt() == null) {
                throw ApiException.invalidField("startedAt", "is required with endedAt");
            }
            if (input.endedAt() == null) {
                throw ApiException.invalidField("endedAt", "is required with startedAt");
            }
            Instant start = input.startedAt().truncatedTo(ChronoUnit.SECONDS);
            Instant end = input.endedAt().truncatedTo(ChronoUnit.SECONDS);
            if (!end.isAfter(start)) {
                throw ApiException.invalidField("endedAt", "must be after startedAt");
            }
            if (Duration.between(start, end).compareTo(MAX_ENTRY) > 0) {
                throw ApiException.invalidField("endedAt", "makes the entry longer than the 24 h limit");
            }
            if (end.isAfter(clock.instant().plus(futureTolerance))) {
                throw ApiException.invalidField("endedAt", "is in the future");
            }
            return new EntryTimes(start, end, zone, tenant.workDate(start), (int) Duration.between(start, end).getSeconds());
        }
        if (input.workDate() == null) {
            throw ApiException.invalidField("workDate", "is required (or give startedAt and endedAt)");
        }
        if (input.durationMinutes() == null) {
            throw ApiException.invalidField("durationMinutes", "is required with workDate");
        }
        if (input.durationMinutes() < 1 || input.durationMinutes() > MAX_ENTRY.toMinutes()) {
            throw ApiException.invalidField("durationMinutes", "must be between 1 and 1440");
        }
        if (input.workDate().isAfter(tenant.workDate(clock.instant()))) {
            throw ApiException.invalidField("workDate", "is in the future");
        }
        return new EntryTimes(null, null, zone, input.workDate(), input.durationMinutes() * 60);
    }


    /** 409 naming the entry that [start, end) would overlap; end null means a timer that keeps running. */
    public Uni<Void> checkNoOverlap(Long employeeId, Instant start, Instant end, long excludeId) {
        Instant until = end == null ? Instant.MAX : end;
        return entries.findOverlapping(employeeId, start, until, excludeId).invoke(other -> {
            if (other != null) {
                refuseOverlap(other);
            }
        }).replaceWithVoid();
    }

    private static void refuseOverlap(TimeEntry other) {
        throw ApiException.conflict("overlap", "The time overlaps entry " + other.id + " ("
                + other.startedAt + " to " + (other.endedAt == null ? "running" : other.endedAt) + ")",
                "conflictingEntryId", other.id);
    }

    /** All checks of one finished entry against the employee's other time; the recorded time is read in one round trip. */
    public Uni<Void> checkFits(TenantProfile tenant, Long employeeId, EntryTimes times, long excludeId) {
        return openPeriods.checkDayOpen(tenant, employeeId, times.workDate())
                .chain(() -> entries.neighbours(employeeId, times.startedAt(), times.endedAt(), times.workDate(), excludeId))
                .chain(neighbours -> {
                    if (neighbours.overlappingId() != null) {
                        return entries.findById(neighbours.overlappingId()).invoke(TimeRules::refuseOverlap).replaceWithVoid();
                    }
                    long seconds = neighbours.secondsOnDay();
                    if (seconds + times.durationSeconds() > MAX_ENTRY.getSeconds()) {
                        throw ApiException.conflict("day-full", "The day " + times.workDate() + " would hold more than 24 h of time",
                                "workDate", times.workDate().toString(), "recordedMinutes", seconds / 60);
                    }
                    return Uni.createFrom().voidItem();
                });
    }

    /** Puts validated times on an entry. */
    static void applyTimes(TimeEntry entry, EntryTimes times) {
        entry.startedAt = times.startedAt();
        entry.endedAt = times.endedAt();
        entry.zone = times.zone();
        entry.workDate = times.workDate();
        entry.durationSeconds = times.durationSeconds();
    }
}
