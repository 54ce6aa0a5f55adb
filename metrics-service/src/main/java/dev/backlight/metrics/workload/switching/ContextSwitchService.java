package dev.backlight.metrics.workload.switching;

import static dev.backlight.metrics.workload.Ratios.percent;
import static dev.backlight.metrics.workload.Ratios.ratio;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.metrics.upstream.TimeService;
import dev.backlight.metrics.upstream.TimeServiceClient.Employee;
import dev.backlight.metrics.upstream.TimeServiceClient.InterruptionMoment;
import dev.backlight.metrics.upstream.TimeServiceClient.TimelineRow;
import dev.backlight.metrics.workload.LocalSpans;
import dev.backlight.metrics.workload.WorkloadSettings;
import dev.backlight.metrics.workload.WorkloadSettingsService;
import dev.backlight.support.csv.CsvExportable;
import dev.backlight.support.csv.CsvTable;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The seed's "multitasking across unrelated functions", measured from the order in which each employee's timed
 * entries were worked: switches between functions per day, how long uninterrupted stretches of one function last,
 * how much time sits in short fragments, and a weekly batching plan built from where each function's hours fall.
 */
@ApplicationScoped
public class ContextSwitchService {

    /** Entries of one function this close together are one stretch of work (a short break is not a switch). */
    static final Duration CONTINUATION_GAP = Duration.ofMinutes(5);

    @Schema(name = "SwitchingDay", description = "One employee's day of timed work")
    public record Day(@Schema(example = "2026-03-09") LocalDate day, @Schema(example = "12") long employeeId,
            @Schema(description = "Distinct functions worked on", example = "4") int functions,
            @Schema(description = "Changes from one function to another", example = "9") int switches,
            @Schema(description = "Uninterrupted stretches of one function", example = "12") int blocks,
            @Schema(example = "35.0") BigDecimal averageBlockMinutes,
            @Schema(example = "140") long minutesInShortBlocks,
            @Schema(description = "Percent of the day's timed minutes in stretches shorter than the threshold", example = "33.33") BigDecimal shortBlockPercent,
            @Schema(example = "420") long timedMinutes) {
    }

    @Schema(name = "SwitchingEmployee", description = "One employee over the period")
    public record EmployeeSummary(@Schema(example = "12") long employeeId, @Schema(example = "Dana Whitfield") String name,
            @Schema(example = "5") int days, @Schema(example = "7.40") BigDecimal switchesPerDay,
            @Schema(example = "38.5") BigDecimal averageBlockMinutes, @Schema(example = "28.10") BigDecimal shortBlockPercent) {
    }

    @Schema(name = "BatchingSlot", description = "One function given a half-day of the week")
    public record Slot(@Schema(example = "12") long employeeId, @Schema(example = "SCHEDULING") String functionCode,
            @Schema(example = "MONDAY") DayOfWeek day, @Schema(example = "MORNING") HalfDay halfDay,
            @Schema(description = "Hours of the function that fell in this half-day per week so far", example = "1.50") BigDecimal hoursThereNow) {
    }

    @Schema(name = "BatchingPlan", description = "Which function on which half-days, for one employee")
    public record Plan(@Schema(example = "12") long employeeId,
            @Schema(description = "Average weekly hours per function over the period") Map<String, BigDecimal> weeklyHours,
            @Schema(description = "Percent of the functions' hours that already fall in their planned half-days", example = "42.00") BigDecimal alreadyBatchedPercent,
            List<Slot> slots) {
    }

    public enum HalfDay {
        MORNING, AFTERNOON
    }

    @Schema(name = "ContextSwitching")
    public record Report(@Schema(example = "2026-03-02") LocalDate from, @Schema(example = "2026-03-16") LocalDate to,
            @Schema(description = "Stretches shorter than this count as fragments", example = "30") int shortBlockMinutes,
            List<EmployeeSummary> employees, List<Plan> batchingPlans, List<Day> days) implements CsvExportable {
        @Override
        public CsvTable csvTable() {
            return CsvTable.of(Day.class, days);
        }
    }

    private final TimeService time;
    private final WorkloadSettingsService settings;

    ContextSwitchService(TimeService time, WorkloadSettingsService settings) {
        this.time = time;
        this.settings = settings;
    }

    public Uni<Report> analyse(LocalDate from, LocalDate to, Long employeeId) {
        // The three reads are independent of each other: they go out together.
        return Uni.combine().all().unis(time.timeline(from, to, employeeId), time.interruptionMoments(from, to, employeeId),
                        time.employees()).asTuple()
                .chain(reads -> settings.current().map(setting -> compute(from, to, setting, reads.getItem1(),
                        reads.getItem2(), reads.getItem3().stream().collect(Collectors.toMap(Employee::id, Function.identity())))));
    }

    /** A stretch of one function without a switch or an interruption; its time is its entries' time within it. */
    private record Block(String functionCode, Instant start, Instant end, List<TimelineRow> entries) {
        long seconds() {
            long seconds = 0;
            for (TimelineRow entry : entries) {
                Instant s = entry.startedAt().isAfter(start) ? entry.startedAt() : start;
                Instant e = entry.endedAt().isBefore(end) ? entry.endedAt() : end;
                seconds += e.isAfter(s) ? Duration.between(s, e).getSeconds() : 0;
            }
            return seconds;
        }
    }

    private static Report compute(LocalDate from, LocalDate to, WorkloadSettings setting, List<TimelineRow> timeline,
            List<InterruptionMoment> moments, Map<Long, Employee> employees) {
        long shortSeconds = setting.shortBlockMinutes() * 60L;
        Map<Long, List<Instant>> interruptionsByEmployee = moments.stream().collect(Collectors.groupingBy(InterruptionMoment::employeeId,
                Collectors.mapping(InterruptionMoment::occurredAt, Collectors.toList())));
        Map<Long, Map<LocalDate, List<TimelineRow>>> byEmployeeDay = new TreeMap<>();
        for (TimelineRow row : timeline) {
            byEmployeeDay.computeIfAbsent(row.employeeId(), e -> new TreeMap<>())
                    .computeIfAbsent(row.workDate(), d -> new ArrayList<>()).add(row);
        }
        List<Day> days = new ArrayList<>();
        List<EmployeeSummary> summaries = new ArrayList<>();
        List<Plan> plans = new ArrayList<>();
        long weeks = Math.max(1, (ChronoUnit.DAYS.between(from, to) + 6) / 7);
        for (var employeeDays : byEmployeeDay.entrySet()) {
            long employeeId = employeeDays.getKey();
            Employee employee = employees.get(employeeId);
            List<Instant> interruptions = interruptionsByEmployee.getOrDefault(employeeId, List.of());
            int dayCount = 0;
            long switchTotal = 0;
            long blockTotal = 0;
            long secondsTotal = 0;
            long shortTotal = 0;
            for (var day : employeeDays.getValue().entrySet()) {
                List<Block> blocks = blocks(day.getValue(), interruptions);
                int switches = 0;
                for (int i = 1; i < blocks.size(); i++) {
                    if (!blocks.get(i).functionCode().equals(blocks.get(i - 1).functionCode())) {
                        switches++;
                    }
                }
                long seconds = blocks.stream().mapToLong(Block::seconds).sum();
                long inShort = blocks.stream().mapToLong(Block::seconds).filter(s -> s < shortSeconds).sum();
                int functions = (int) blocks.stream().map(Block::functionCode).distinct().count();
                days.add(new Day(day.getKey(), employeeId, functions, switches, blocks.size(),
                        ratio(seconds, 60L * blocks.size(), 1), inShort / 60, percent(inShort, seconds), seconds / 60));
                dayCount++;
                switchTotal += switches;
                blockTotal += blocks.size();
                secondsTotal += seconds;
                shortTotal += inShort;
            }
            summaries.add(new EmployeeSummary(employeeId, employee == null ? null : employee.name(), dayCount,
                    ratio(switchTotal, dayCount, 2), ratio(secondsTotal, 60 * blockTotal, 1), percent(shortTotal, secondsTotal)));
            ZoneId zone = ZoneId.of(employee == null || employee.timeZone() == null ? "UTC" : employee.timeZone());
            Set<DayOfWeek> workDays = employee == null || employee.workDays() == null || employee.workDays().isEmpty()
                    ? Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                    : employee.workDays();
            Plan plan = plan(employeeId, employeeDays.getValue().values().stream().flatMap(List::stream).toList(), zone, workDays, weeks);
            if (plan != null) {
                plans.add(plan);
            }
        }
        days.sort(Comparator.comparing(Day::day).thenComparing(Day::employeeId));
        return new Report(from, to, setting.shortBlockMinutes(), summaries, plans, days);
    }

    /** The day's entries as uninterrupted stretches: same-function entries close together join, interruptions cut. */
    private static List<Block> blocks(List<TimelineRow> rows, List<Instant> interruptions) {
        List<Block> joined = new ArrayList<>();
        for (TimelineRow row : rows) {
            Block last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && last.functionCode().equals(row.functionCode())
                    && !row.startedAt().isAfter(last.end().plus(CONTINUATION_GAP))) {
                List<TimelineRow> entries = new ArrayList<>(last.entries());
                entries.add(row);
                joined.set(joined.size() - 1, new Block(last.functionCode(), last.start(), row.endedAt(), entries));
            } else {
                joined.add(new Block(row.functionCode(), row.startedAt(), row.endedAt(), List.of(row)));
            }
        }
        List<Block> cut = new ArrayList<>();
        for (Block block : joined) {
            Instant start = block.start();
            for (Instant at : interruptions) {
                if (at.isAfter(start) && at.isBefore(block.end())) {
                    cut.add(new Block(block.functionCode(), start, at, block.entries()));
                    start = at;
                }
            }
            cut.add(new Block(block.functionCode(), start, block.end(), block.entries()));
        }
        return cut;
    }

    private record SlotKey(DayOfWeek day, HalfDay half) {
    }

    /**
     * Gives each function the half-days of the working week where most of its time already falls, as many as its
     * weekly hours fill (a half-day being four hours), largest functions first, one function per half-day. Only
     * for people who work on more than one function.
     */
    private static Plan plan(long employeeId, List<TimelineRow> rows, ZoneId zone, Set<DayOfWeek> workDays, long weeks) {
        Map<String, Map<SlotKey, Long>> secondsBySlot = new TreeMap<>();
        for (TimelineRow row : rows) {
            for (LocalSpans.Piece piece : LocalSpans.split(row.startedAt(), row.endedAt(), zone)) {
                secondsBySlot.computeIfAbsent(row.functionCode(), f -> new HashMap<>())
                        .merge(new SlotKey(piece.date().getDayOfWeek(), piece.morning() ? HalfDay.MORNING : HalfDay.AFTERNOON),
                                piece.seconds(), Long::sum);
            }
        }
        if (secondsBySlot.size() < 2) {
            return null;
        }
        Map<String, Long> totals = new LinkedHashMap<>();
        secondsBySlot.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Map<SlotKey, Long>> e) -> e.getValue().values().stream()
                        .mapToLong(Long::longValue).sum()).reversed().thenComparing(Map.Entry::getKey))
                .forEach(e -> totals.put(e.getKey(), e.getValue().values().stream().mapToLong(Long::longValue).sum()));
        Set<SlotKey> taken = new HashSet<>();
        List<Slot> slots = new ArrayList<>();
        long batched = 0;
        long all = 0;
        long halfDaySeconds = 4 * 3600L;
        for (var function : totals.entrySet()) {
            long weekly = function.getValue() / weeks;
            int needed = (int) Math.max(1, (weekly + halfDaySeconds - 1) / halfDaySeconds);
            Map<SlotKey, Long> where = secondsBySlot.get(function.getKey());
            List<SlotKey> candidates = new ArrayList<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                if (workDays.contains(day)) {
                    candidates.add(new SlotKey(day, HalfDay.MORNING));
                    candidates.add(new SlotKey(day, HalfDay.AFTERNOON));
                }
            }
            candidates.removeIf(taken::contains);
            candidates.sort(Comparator.comparing((SlotKey k) -> where.getOrDefault(k, 0L)).reversed()
                    .thenComparing(SlotKey::day).thenComparing(SlotKey::half));
            for (SlotKey key : candidates.subList(0, Math.min(needed, candidates.size()))) {
                taken.add(key);
                long there = where.getOrDefault(key, 0L);
                batched += there;
                slots.add(new Slot(employeeId, function.getKey(), key.day(), key.half(), ratio(there, 3600L * weeks, 2)));
            }
            all += function.getValue();
        }
        slots.sort(Comparator.comparing(Slot::day).thenComparing(Slot::halfDay));
        Map<String, BigDecimal> weeklyHours = new LinkedHashMap<>();
        totals.forEach((code, seconds) -> weeklyHours.put(code, ratio(seconds, 3600L * weeks, 2)));
        return new Plan(employeeId, weeklyHours, percent(batched, all), slots);
    }
}
