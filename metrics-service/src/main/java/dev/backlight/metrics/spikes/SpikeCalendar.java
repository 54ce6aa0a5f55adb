package dev.backlight.metrics.spikes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.backlight.metrics.spikes.RecurringDeadline.Kind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Lays recurring deadlines out on the calendar: each occurrence moved off holidays and days off as its deadline says,
 * its run on the owner's working days before it, its expected hours (time per unit x volume) spread over the run;
 * then the load per owner and day, the days where one owner's runs overlap, and the nearest move that clears each
 * overlap.
 */
final class SpikeCalendar {

    /** How far a deadline may move, in working days either way, to clear an overlap. */
    static final int LONGEST_MOVE = 10;

    @Schema(name = "DeadlineOccurrence")
    public record Occurrence(@Schema(example = "3") long deadlineId, @Schema(example = "Month-end client report") String name,
            @Schema(example = "REPORT_DUE") Kind kind, @Schema(example = "REPORTING") String functionCode,
            @Schema(example = "12") long ownerEmployeeId,
            @Schema(description = "The date the rule gives", example = "2026-02-15") LocalDate scheduledDate,
            @Schema(description = "After moving off a holiday or day off", example = "2026-02-13") LocalDate date,
            @Schema(description = "Why the date moved; null when it did not", example = "Saturday/Sunday or holiday: EARLIER") String moved,
            @Schema(description = "Working days of the run") List<LocalDate> runDays,
            @Schema(description = "Time per unit x expected units; null while the function has no measured time per unit", example = "12.00") BigDecimal expectedHours) {
    }

    @Schema(name = "OwnerDayLoad", description = "Expected hours of one owner on one day")
    public record DayLoad(@Schema(example = "2026-04-29") LocalDate day, @Schema(example = "12") long ownerEmployeeId,
            @Schema(example = "Dana Whitfield") String ownerName, @Schema(example = "5.00") BigDecimal hours,
            @Schema(description = "The owner's working hours that day", example = "8.00") BigDecimal capacityHours,
            @Schema(description = "Names of the deadlines whose runs fall on the day") List<String> deadlines) {
    }

    @Schema(name = "SpikeOverlap", description = "Days where runs of two or more deadlines of one owner fall together")
    public record Overlap(@Schema(example = "12") long ownerEmployeeId, @Schema(example = "Dana Whitfield") String ownerName,
            List<LocalDate> days, @Schema(description = "The deadlines involved, with the date of each occurrence") List<String> deadlines,
            @Schema(example = "5.00") BigDecimal peakHours) {
    }

    @Schema(name = "StaggeringSuggestion", description = "Move one occurrence to the nearest date that clears the overlap")
    public record Suggestion(@Schema(example = "3") long deadlineId, @Schema(example = "Month-end client report") String name,
            @Schema(example = "2026-04-30") LocalDate fromDate, @Schema(example = "2026-05-04") LocalDate toDate,
            @Schema(description = "Working days moved; positive is later", example = "2") int shiftWorkingDays,
            @Schema(example = "5.00") BigDecimal peakHoursBefore, @Schema(example = "3.00") BigDecimal peakHoursAfter,
            @Schema(description = "The owner's load on the days concerned, after the move") List<DayLoad> loadAfter) {
    }

    /** An owner's working week, hours and name, from the directory. */
    record Owner(long id, String name, Set<DayOfWeek> workDays, BigDecimal dailyHours) {
    }

    private final Set<LocalDate> holidays;
    private final Map<Long, Owner> owners;

    SpikeCalendar(Set<LocalDate> holidays, Map<Long, Owner> owners) {
        this.holidays = holidays;
        this.owners = owners;
    }

    boolean isWorkingDay(Owner owner, LocalDate day) {
        return owner.workDays().contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /** The occurrences of a deadline whose dates (before moving) fall in [from, to); skipped ones left out. */
    List<Occurrence> occurrences(RecurringDeadline deadline, LocalDate from, LocalDate to, BigDecimal hoursPerUnit) {
        Owner owner = owners.get(deadline.ownerEmployeeId);
        BigDecimal hours = hoursPerUnit == null ? null : hoursPerUnit.multiply(deadline.expectedUnits).setScale(2, RoundingMode.HALF_UP);
        List<Occurrence> list = new ArrayList<>();
        for (LocalDate scheduled : Recurrence.parse("rrule", deadline.rrule).between(deadline.firstDate, from, to)) {
            LocalDate date = scheduled;
            String moved = null;
            if (!isWorkingDay(owner, scheduled)) {
                String why = (holidays.contains(scheduled) ? "holiday" : "day off") + ": " + deadline.nonWorkingDay;
                switch (deadline.nonWorkingDay) {
                    case SKIP -> date = null;
                    case EARLIER -> date = step(owner, scheduled, -1);
                    case LATER -> date = step(owner, scheduled, 1);
                    case KEEP -> why = null;
                }
                moved = why;
            }
            if (date != null) {
                list.add(new Occurrence(deadline.id, deadline.name, deadline.kind, deadline.functionCode, owner.id(), scheduled, date,
                        moved, run(owner, date, deadline.kind, deadline.runWorkingDays), hours));
            }
        }
        return list;
    }

    /** The working days of the run for a deadline on {@code date}, oldest first. */
    List<LocalDate> run(Owner owner, LocalDate date, Kind kind, int workingDays) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate day = kind.runEndsBeforeDate() ? date.minusDays(1) : date;
        for (int guard = 0; days.size() < workingDays && guard < 366; guard++, day = day.minusDays(1)) {
            if (isWorkingDay(owner, day)) {
                days.add(0, day);
            }
        }
        return days;
    }

    /** The working day {@code count} working days from {@code day} (negative: earlier). */
    LocalDate shift(Owner owner, LocalDate day, int count) {
        LocalDate result = day;
        for (int i = 0; i < Math.abs(count); i++) {
            result = step(owner, result, Integer.signum(count));
        }
        return result;
    }

    private LocalDate step(Owner owner, LocalDate day, int direction) {
        LocalDate next = day.plusDays(direction);
        for (int guard = 0; !isWorkingDay(owner, next) && guard < 366; guard++) {
            next = next.plusDays(direction);
        }
        return next;
    }

    /** Expected hours per owner and day of the occurrences, with the deadlines behind them. */
    List<DayLoad> load(List<Occurrence> occurrences, LocalDate from, LocalDate to) {
        Map<Long, Map<LocalDate, List<Occurrence>>> byOwnerDay = byOwnerDay(occurrences);
        List<DayLoad> loads = new ArrayList<>();
        byOwnerDay.forEach((ownerId, days) -> days.forEach((day, onDay) -> {
            if (!day.isBefore(from) && day.isBefore(to)) {
                loads.add(dayLoad(ownerId, day, onDay));
            }
        }));
        loads.sort(Comparator.comparing(DayLoad::day).thenComparing(DayLoad::ownerEmployeeId));
        return loads;
    }

    /** Windows of days on which one owner carries runs of two or more occurrences. */
    List<Overlap> overlaps(List<Occurrence> occurrences, LocalDate from, LocalDate to) {
        List<Overlap> overlaps = new ArrayList<>();
        byOwnerDay(occurrences).forEach((ownerId, days) -> {
            List<LocalDate> window = new ArrayList<>();
            Set<Occurrence> involved = new LinkedHashSet<>();
            BigDecimal peak = BigDecimal.ZERO;
            for (var entry : days.entrySet()) {
                List<Occurrence> onDay = entry.getValue();
                if (onDay.size() < 2 || entry.getKey().isBefore(from) || !entry.getKey().isBefore(to)) {
                    continue;
                }
                if (!window.isEmpty() && onDay.stream().noneMatch(involved::contains)) {
                    overlaps.add(overlap(ownerId, window, involved, peak));
                    window = new ArrayList<>();
                    involved = new LinkedHashSet<>();
                    peak = BigDecimal.ZERO;
                }
                window.add(entry.getKey());
                involved.addAll(onDay);
                peak = peak.max(dayLoad(ownerId, entry.getKey(), onDay).hours());
            }
            if (!window.isEmpty()) {
                overlaps.add(overlap(ownerId, window, involved, peak));
            }
        });
        return overlaps;
    }

    /**
     * For one overlap, the nearest move of one of its occurrences that leaves the owner with no overlap around it:
     * fixed-by-law pay dates move last, later is tried before earlier at the same distance (the seed moves the
     * report, not the schedule, to Tuesday).
     */
    Suggestion stagger(Overlap overlap, List<Occurrence> all) {
        List<Occurrence> ownerOccurrences = all.stream().filter(o -> o.ownerEmployeeId() == overlap.ownerEmployeeId()).toList();
        List<Occurrence> candidates = ownerOccurrences.stream()
                .filter(o -> o.runDays().stream().anyMatch(overlap.days()::contains))
                .sorted(Comparator.comparing((Occurrence o) -> o.kind() == Kind.PAY_DATE).thenComparing(Occurrence::name))
                .toList();
        Owner owner = owners.get(overlap.ownerEmployeeId());
        Suggestion best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Occurrence candidate : candidates) {
            for (int distance = 1; distance <= LONGEST_MOVE; distance++) {
                int rank = (candidate.kind() == Kind.PAY_DATE ? 1000 : 0) + distance;
                if (rank >= bestRank) {
                    break;
                }
                Suggestion found = tryMove(owner, candidate, distance, ownerOccurrences, overlap);
                if (found == null) {
                    found = tryMove(owner, candidate, -distance, ownerOccurrences, overlap);
                }
                if (found != null) {
                    best = found;
                    bestRank = rank;
                    break;
                }
            }
        }
        return best;
    }

    private Suggestion tryMove(Owner owner, Occurrence candidate, int shift, List<Occurrence> ownerOccurrences, Overlap overlap) {
        LocalDate newDate = shift(owner, candidate.date(), shift);
        List<LocalDate> newRun = run(owner, newDate, candidate.kind(), candidate.runDays().size());
        Occurrence moved = new Occurrence(candidate.deadlineId(), candidate.name(), candidate.kind(), candidate.functionCode(),
                candidate.ownerEmployeeId(), candidate.scheduledDate(), newDate, "staggered", newRun, candidate.expectedHours());
        List<Occurrence> after = new ArrayList<>(ownerOccurrences);
        after.replaceAll(o -> o == candidate ? moved : o);
        for (Occurrence other : after) {
            if (other != moved && other.runDays().stream().anyMatch(newRun::contains)) {
                return null;
            }
        }
        Set<LocalDate> concerned = new TreeSet<>(overlap.days());
        concerned.addAll(candidate.runDays());
        concerned.addAll(newRun);
        Map<LocalDate, List<Occurrence>> days = byOwnerDay(after).getOrDefault(owner.id(), Map.of());
        List<DayLoad> loadAfter = concerned.stream().map(d -> dayLoad(owner.id(), d, days.getOrDefault(d, List.of()))).toList();
        BigDecimal peakAfter = loadAfter.stream().map(DayLoad::hours).reduce(BigDecimal.ZERO, BigDecimal::max);
        return new Suggestion(candidate.deadlineId(), candidate.name(), candidate.date(), newDate, shift, overlap.peakHours(),
                peakAfter, loadAfter);
    }

    private Overlap overlap(long ownerId, List<LocalDate> window, Set<Occurrence> involved, BigDecimal peak) {
        return new Overlap(ownerId, owners.get(ownerId).name(), List.copyOf(window),
                involved.stream().map(o -> o.name() + " (" + o.date() + ")").toList(), peak);
    }

    private DayLoad dayLoad(long ownerId, LocalDate day, List<Occurrence> onDay) {
        BigDecimal hours = BigDecimal.ZERO;
        for (Occurrence o : onDay) {
            if (o.expectedHours() != null) {
                hours = hours.add(o.expectedHours().divide(BigDecimal.valueOf(o.runDays().size()), 2, RoundingMode.HALF_UP));
            }
        }
        Owner owner = owners.get(ownerId);
        return new DayLoad(day, ownerId, owner.name(), hours, isWorkingDay(owner, day) ? owner.dailyHours() : BigDecimal.ZERO,
                onDay.stream().map(Occurrence::name).toList());
    }

    private static Map<Long, Map<LocalDate, List<Occurrence>>> byOwnerDay(List<Occurrence> occurrences) {
        Map<Long, Map<LocalDate, List<Occurrence>>> map = new TreeMap<>();
        for (Occurrence o : occurrences) {
            for (LocalDate day : o.runDays()) {
                map.computeIfAbsent(o.ownerEmployeeId(), k -> new TreeMap<>()).computeIfAbsent(day, k -> new ArrayList<>()).add(o);
            }
        }
        return map;
    }
}
