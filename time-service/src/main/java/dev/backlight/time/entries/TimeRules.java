package dev.backlight.time.entries;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

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

    /**
     * When and how long, as the caller gave it: timed by instants (start and end), timed by local wall-clock times in
     * the zone (with an offset where the local time is ambiguous), or manual (date and minutes).
     */
    public record TimeInput(Instant startedAt, Instant endedAt, String zone, LocalDate workDate, Integer durationMinutes,
            LocalTimes localTimes) {

        public TimeInput(Instant startedAt, Instant endedAt, String zone, LocalDate workDate, Integer durationMinutes) {
            this(startedAt, endedAt, zone, workDate, durationMinutes, null);
        }
    }

    /** Start and end as the clock on the wall showed them; an offset picks one of the two readings of a repeated hour. */
    public record LocalTimes(LocalDateTime start, ZoneOffset startOffset, LocalDateTime end, ZoneOffset endOffset) {
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
        if (input.localTimes() != null) {
            return interpretLocal(input, input.localTimes(), tenant, ZoneId.of(zone));
        }
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
            return timed(input.startedAt(), input.endedAt(), "startedAt", "endedAt", zone, tenant);
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

    private EntryTimes interpretLocal(TimeInput input, LocalTimes local, TenantProfile tenant, ZoneId zone) {
        if (input.startedAt() != null || input.endedAt() != null) {
            throw ApiException.invalidField(input.startedAt() != null ? "startedAt" : "endedAt",
                    "must be absent when localStart and localEnd are given");
        }
        if (input.workDate() != null) {
            throw ApiException.invalidField("workDate", "must be absent when localStart and localEnd are given");
        }
        if (input.durationMinutes() != null) {
            throw ApiException.invalidField("durationMinutes", "must be absent when localStart and localEnd are given");
        }
        if (local.start() == null) {
            throw ApiException.invalidField(local.end() != null ? "localStart" : "localStartOffset",
                    local.end() != null ? "is required with localEnd" : "is given without localStart");
        }
        if (local.end() == null) {
            throw ApiException.invalidField("localEnd", "is required with localStart");
        }
        Instant start = onTheClock("localStart", local.start(), "localStartOffset", local.startOffset(), zone);
        Instant end = onTheClock("localEnd", local.end(), "localEndOffset", local.endOffset(), zone);
        return timed(start, end, "localStart", "localEnd", zone.getId(), tenant);
    }

    /**
     * The instant a wall clock in the zone showed: none when the clocks sprang forward over it (400 naming the field);
     * in the hour a fall-back repeats, the given offset or, without one, the earlier offset (the first time round).
     */
    public static Instant onTheClock(String field, LocalDateTime local, String offsetField, ZoneOffset offset, ZoneId zone) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            throw ApiException.invalidField(field, local + " does not exist in " + zone
                    + ": the clocks moved forward over it");
        }
        if (offset == null) {
            return local.atZone(zone).withEarlierOffsetAtOverlap().toInstant();
        }
        if (!offsets.contains(offset)) {
            throw ApiException.invalidField(offsetField, offset + " is not an offset of " + zone + " at " + local
                    + " (it is " + offsets.stream().map(ZoneOffset::getId).collect(Collectors.joining(" or ")) + ")");
        }
        return local.toInstant(offset);
    }

    /** The checks of a timed entry; {@code startField} and {@code endField} name the fields the times came from. */
    private EntryTimes timed(Instant startedAt, Instant endedAt, String startField, String endField, String zone,
            TenantProfile tenant) {
        Instant start = startedAt.truncatedTo(ChronoUnit.SECONDS);
        Instant end = endedAt.truncatedTo(ChronoUnit.SECONDS);
        if (!end.isAfter(start)) {
            throw ApiException.invalidField(endField, "must be after " + startField);
        }
        if (Duration.between(start, end).compareTo(MAX_ENTRY) > 0) {
            throw ApiException.invalidField(endField, "makes the entry longer than the 24 h limit");
        }
        if (end.isAfter(clock.instant().plus(futureTolerance))) {
            throw ApiException.invalidField(endField, "is in the future");
        }
        return new EntryTimes(start, end, zone, tenant.workDate(start), (int) Duration.between(start, end).getSeconds());
    }


    /**
     * The first work date a finished entry overlapping time from {@code start} on can have: it lasted at most 24 h, so
     * it started after start - 24 h, and its work date is its start's date in some zone, within a day of the UTC date.
     * The overlap search reads recent days, not the employee's whole history (a running timer is looked for apart:
     * it can be older until the sweep closes it).
     */
    static LocalDate firstDayOverlapping(Instant start) {
        return LocalDate.ofInstant(start.minus(MAX_ENTRY), ZoneOffset.UTC).minusDays(1);
    }

    /** The last work date a timed entry overlapping time until {@code end} can have: it started before the end. */
    static LocalDate lastDayOverlapping(Instant end) {
        return LocalDate.ofInstant(end, ZoneOffset.UTC).plusDays(1);
    }

    /** 409 naming the entry the new time overlaps, when there is one. */
    static void checkNoOverlap(Recorded overlapped) {
        if (overlapped != null) {
            refuseOverlap(overlapped);
        }
    }

    /** A timed entry already recorded, as a refusal names it; endedAt null while it runs. */
    record Recorded(long id, Instant startedAt, Instant endedAt) {
    }

    private static void refuseOverlap(Recorded other) {
        throw ApiException.conflict("overlap", "The time overlaps entry " + other.id() + " ("
                + other.startedAt() + " to " + (other.endedAt() == null ? "running" : other.endedAt()) + ")",
                "conflictingEntryId", other.id());
    }

    /** All checks of one finished entry against the employee's other time; the recorded time is read in one round trip. */
    public Uni<Void> checkFits(TenantProfile tenant, Long employeeId, EntryTimes times, long excludeId) {
        return openPeriods.checkDayOpen(tenant, employeeId, times.workDate())
                .chain(() -> entries.neighbours(employeeId, times.startedAt(), times.endedAt(), times.workDate(), excludeId))
                .chain(neighbours -> recorded(neighbours.overlappingId())
                        .invoke(overlapped -> checkFits(times, neighbours.secondsOnDay(), overlapped)))
                .replaceWithVoid();
    }

    private Uni<Recorded> recorded(Long id) {
        return id == null ? Uni.createFrom().nullItem()
                : entries.findById(id).map(other -> new Recorded(other.id, other.startedAt, other.endedAt));
    }

    /**
     * The checks of {@link #checkFits(TenantProfile, Long, EntryTimes, long)} on what was read: the seconds the day
     * already holds and the entry the new time overlaps (or null).
     */
    static void checkFits(EntryTimes times, long secondsOnDay, Recorded overlapped) {
        checkNoOverlap(overlapped);
        if (secondsOnDay + times.durationSeconds() > MAX_ENTRY.getSeconds()) {
            throw ApiException.conflict("day-full", "The day " + times.workDate() + " would hold more than 24 h of time",
                    "workDate", times.workDate().toString(), "recordedMinutes", secondsOnDay / 60);
        }
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
