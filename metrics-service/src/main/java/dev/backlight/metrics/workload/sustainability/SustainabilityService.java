package dev.backlight.metrics.workload.sustainability;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.metrics.upstream.TimeService;
import dev.backlight.metrics.upstream.TimeServiceClient.Employee;
import dev.backlight.metrics.upstream.TimeServiceClient.HoursRow;
import dev.backlight.metrics.upstream.TimeServiceClient.TimelineRow;
import dev.backlight.metrics.workload.LocalSpans;
import dev.backlight.metrics.workload.WorkloadSettings;
import dev.backlight.metrics.workload.WorkloadSettingsService;
import dev.backlight.support.csv.CsvExportable;
import dev.backlight.support.csv.CsvTable;
import dev.backlight.support.time.Hours;
import dev.backlight.support.time.WorkWeek;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Work-life balance from the captured time: hours per week against each employee's contract, work outside their
 * working hours, and weeks over the threshold in a row; flagged per employee and summed per team.
 */
@ApplicationScoped
public class SustainabilityService {

    public enum Flag {
        /** At least one week above the contract by more than the tenant's tolerance. */
        OVER_CONTRACT,
        /** At least one week with more after-hours work than the tenant allows. */
        AFTER_HOURS,
        /** As many weeks over the threshold in a row as the tenant calls a sustained overload, or more. */
        SUSTAINED_OVERLOAD
    }

    @Schema(name = "SustainabilityWeek")
    public record Week(@Schema(example = "2026-03-09") LocalDate weekStart, @Schema(example = "12") long employeeId,
            @Schema(example = "46.50") BigDecimal hours, @Schema(example = "40") BigDecimal contractHours,
            @Schema(description = "Hours beyond the contract", example = "6.50") BigDecimal hoursOverContract,
            @Schema(description = "Minutes outside the employee's working hours or on their days off", example = "150") long afterHoursMinutes,
            @Schema(description = "Above contract x the tenant's over-contract percent", example = "true") boolean overThreshold,
            @Schema(example = "true") boolean afterHoursOverLimit) {
    }

    @Schema(name = "SustainabilityEmployee")
    public record EmployeeLine(@Schema(example = "12") long employeeId, @Schema(example = "Dana Whitfield") String name,
            @Schema(example = "WFM") String team, @Schema(example = "40") BigDecimal contractHours,
            @Schema(example = "44.25") BigDecimal averageHoursPerWeek, @Schema(example = "310") long afterHoursMinutes,
            @Schema(description = "Most weeks over the threshold in a row", example = "3") int longestOverStreak,
            @Schema(description = "Weeks over the threshold in a row up to the last week of the period", example = "3") int currentOverStreak,
            Set<Flag> flags, List<Week> weeks) {
    }

    @Schema(name = "SustainabilityTeam")
    public record TeamLine(@Schema(example = "WFM") String team, @Schema(example = "4") int employees,
            @Schema(example = "1") int employeesFlagged, @Schema(example = "41.20") BigDecimal averageHoursPerWeek,
            @Schema(example = "40.00") BigDecimal averageContractHours, @Schema(example = "480") long afterHoursMinutes,
            @Schema(description = "Employees per flag") Map<Flag, Integer> flags) {
    }

    @Schema(name = "Sustainability")
    public record Report(@Schema(description = "First day of the first week", example = "2026-03-02") LocalDate from,
            @Schema(example = "2026-03-30") LocalDate to, @Schema(example = "110") int overContractPercent,
            @Schema(example = "120") int afterHoursMinutesPerWeek, @Schema(example = "3") int overloadStreakWeeks,
            List<TeamLine> teams, List<EmployeeLine> employees) implements CsvExportable {
        @Override
        public CsvTable csvTable() {
            return CsvTable.of(Week.class, employees.stream().flatMap(e -> e.weeks().stream()).toList());
        }
    }

    private final TimeService time;
    private final WorkloadSettingsService settings;

    SustainabilityService(TimeService time, WorkloadSettingsService settings) {
        this.time = time;
        this.settings = settings;
    }

    /** Whole weeks (from the tenant's week start) covering [from, to). */
    public Uni<Report> analyse(LocalDate from, LocalDate to) {
        return time.tenant().chain(tenant -> {
            WorkWeek week = new WorkWeek(tenant.weekStart());
            LocalDate first = week.startOf(from);
            LocalDate end = week.startOnOrAfter(to);
            // The three reads are independent of each other: they go out together.
            return Uni.combine().all().unis(time.dailyHoursByEmployee(first, end), time.timeline(first, end, null), time.employees())
                    .asTuple()
                    .chain(reads -> settings.current().map(setting -> compute(first, end, week, setting,
                            reads.getItem1().rows(), reads.getItem2(), reads.getItem3())));
        });
    }

    private static Report compute(LocalDate from, LocalDate to, WorkWeek workWeek, WorkloadSettings setting, List<HoursRow> hours,
            List<TimelineRow> timeline, List<Employee> employees) {
        Map<Long, Map<LocalDate, Long>> secondsByWeek = new HashMap<>();
        for (HoursRow row : hours) {
            secondsByWeek.computeIfAbsent(row.employeeId(), e -> new TreeMap<>())
                    .merge(workWeek.startOf(row.period()), row.seconds(), Long::sum);
        }
        Map<Long, Employee> byId = new HashMap<>();
        employees.forEach(e -> byId.put(e.id(), e));
        Map<Long, Map<LocalDate, Long>> afterHoursByWeek = new HashMap<>();
        for (TimelineRow row : timeline) {
            Employee employee = byId.get(row.employeeId());
            if (employee == null) {
                continue;
            }
            ZoneId zone = ZoneId.of(employee.timeZone());
            for (LocalSpans.Piece piece : LocalSpans.split(row.startedAt(), row.endedAt(), zone)) {
                long inside = employee.workDays().contains(piece.date().getDayOfWeek())
                        ? LocalSpans.secondsWithin(piece.start(), piece.end(), piece.date(), employee.workStart(), employee.workEnd(), zone)
                        : 0;
                long outside = piece.seconds() - inside;
                if (outside > 0) {
                    afterHoursByWeek.computeIfAbsent(row.employeeId(), e -> new TreeMap<>())
                            .merge(workWeek.startOf(piece.date()), outside, Long::sum);
                }
            }
        }
        BigDecimal tolerance = BigDecimal.valueOf(setting.overContractPercent()).movePointLeft(2);
        List<EmployeeLine> lines = new ArrayList<>();
        for (Employee employee : employees) {
            Map<LocalDate, Long> worked = secondsByWeek.getOrDefault(employee.id(), Map.of());
            Map<LocalDate, Long> after = afterHoursByWeek.getOrDefault(employee.id(), Map.of());
            if (worked.isEmpty() && after.isEmpty()) {
                continue;
            }
            BigDecimal contract = employee.weeklyContractHours();
            List<Week> weeks = new ArrayList<>();
            Set<Flag> flags = EnumSet.noneOf(Flag.class);
            int streak = 0;
            int longest = 0;
            long afterTotal = 0;
            long workedTotal = 0;
            for (LocalDate week = from; week.isBefore(to); week = week.plusWeeks(1)) {
                long seconds = worked.getOrDefault(week, 0L);
                long afterMinutes = after.getOrDefault(week, 0L) / 60;
                BigDecimal weekHours = hours(seconds);
                boolean over = contract != null && weekHours.compareTo(contract.multiply(tolerance)) > 0;
                boolean afterOver = afterMinutes > setting.afterHoursMinutesPerWeek();
                BigDecimal overContract = contract == null ? null : weekHours.subtract(contract).max(BigDecimal.ZERO);
                weeks.add(new Week(week, employee.id(), weekHours, contract, overContract, afterMinutes, over, afterOver));
                streak = over ? streak + 1 : 0;
                longest = Math.max(longest, streak);
                if (over) {
                    flags.add(Flag.OVER_CONTRACT);
                }
                if (afterOver) {
                    flags.add(Flag.AFTER_HOURS);
                }
                afterTotal += afterMinutes;
                workedTotal += seconds;
            }
            if (longest >= setting.overloadStreakWeeks()) {
                flags.add(Flag.SUSTAINED_OVERLOAD);
            }
            lines.add(new EmployeeLine(employee.id(), employee.name(), employee.team(), contract,
                    hours(workedTotal).divide(BigDecimal.valueOf(weeks.size()), 2, RoundingMode.HALF_UP), afterTotal, longest, streak,
                    flags, weeks));
        }
        return new Report(from, to, setting.overContractPercent(), setting.afterHoursMinutesPerWeek(), setting.overloadStreakWeeks(),
                teams(lines), lines);
    }

    private static List<TeamLine> teams(List<EmployeeLine> lines) {
        Map<String, List<EmployeeLine>> byTeam = new TreeMap<>();
        lines.forEach(line -> byTeam.computeIfAbsent(Objects.toString(line.team(), ""), t -> new ArrayList<>()).add(line));
        List<TeamLine> teams = new ArrayList<>();
        byTeam.forEach((team, members) -> {
            Map<Flag, Integer> flags = new TreeMap<>();
            members.forEach(m -> m.flags().forEach(f -> flags.merge(f, 1, Integer::sum)));
            List<BigDecimal> contracts = members.stream().map(EmployeeLine::contractHours).filter(Objects::nonNull).toList();
            teams.add(new TeamLine(team.isEmpty() ? null : team, members.size(),
                    (int) members.stream().filter(m -> !m.flags().isEmpty()).count(),
                    average(members.stream().map(EmployeeLine::averageHoursPerWeek).toList()), average(contracts),
                    members.stream().mapToLong(EmployeeLine::afterHoursMinutes).sum(), flags));
        });
        return teams;
    }

    private static BigDecimal average(List<BigDecimal> values) {
        return values.isEmpty() ? null
                : values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal hours(long seconds) {
        return Hours.of(seconds, 2);
    }
}
