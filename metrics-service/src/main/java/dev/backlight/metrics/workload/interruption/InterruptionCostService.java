package dev.backlight.metrics.workload.interruption;

import static dev.backlight.metrics.workload.Ratios.percent;
import static dev.backlight.metrics.workload.Ratios.ratio;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.metrics.upstream.TimeService;
import dev.backlight.metrics.upstream.TimeServiceClient.HoursRow;
import dev.backlight.metrics.upstream.TimeServiceClient.InterruptionRow;
import dev.backlight.metrics.workload.WorkloadSettings;
import dev.backlight.metrics.workload.WorkloadSettingsService;
import dev.backlight.support.csv.CsvExportable;
import dev.backlight.support.csv.CsvTable;
import dev.backlight.support.time.WorkWeek;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The seed's interruption cost: each interruption costs the minutes spent on it plus a context switch (10-15 minutes
 * by default), as minutes lost and as a share of the day's logged work, per employee and day, by kind (so the fixes
 * the seed lists can be aimed: self-service, office hours, batching) and week by week.
 */
@ApplicationScoped
public class InterruptionCostService {

    @Schema(name = "InterruptionDay", description = "One employee's day")
    public record Day(@Schema(example = "2026-03-09") LocalDate day, @Schema(example = "12") long employeeId,
            @Schema(example = "8") long interruptions, @Schema(description = "Spent on the interruptions themselves", example = "0") long minutesSpent,
            @Schema(description = "minutesSpent + interruptions x the low context-switch cost", example = "80") long minutesLostLow,
            @Schema(example = "120") long minutesLostHigh, @Schema(description = "Minutes of work logged that day", example = "480") long minutesLogged,
            @Schema(description = "minutesLostLow / minutesLogged, percent; null without logged work", example = "16.67") BigDecimal percentLostLow,
            @Schema(example = "25.00") BigDecimal percentLostHigh) {
    }

    @Schema(name = "InterruptionKindCost")
    public record KindCost(@Schema(example = "AGENT_QUESTION") String kind, @Schema(example = "30") long interruptions,
            @Schema(example = "95") long minutesSpent, @Schema(example = "395") long minutesLostLow, @Schema(example = "545") long minutesLostHigh,
            @Schema(description = "What the seed suggests against it", example = "Self-service access for schedule viewing, PTO balance, timesheet status")
            String fix) {
    }

    @Schema(name = "InterruptionWeek")
    public record Week(@Schema(example = "2026-03-09") LocalDate weekStart, @Schema(example = "34") long interruptions,
            @Schema(description = "Average interruptions per employee-day with any", example = "6.80") BigDecimal perEmployeeDay,
            @Schema(example = "11.20") BigDecimal percentLostLow, @Schema(example = "16.50") BigDecimal percentLostHigh) {
    }

    @Schema(name = "InterruptionCost")
    public record Report(@Schema(example = "2026-03-02") LocalDate from, @Schema(example = "2026-03-16") LocalDate to,
            @Schema(example = "10") int contextSwitchMinutesLow, @Schema(example = "15") int contextSwitchMinutesHigh,
            @Schema(example = "120") long interruptions, @Schema(example = "1200") long minutesLostLow,
            @Schema(example = "1800") long minutesLostHigh,
            @Schema(description = "Of all logged work in the period", example = "14.30") BigDecimal percentLostLow,
            @Schema(example = "21.40") BigDecimal percentLostHigh,
            List<KindCost> byKind, List<Week> weeks, List<Day> days) implements CsvExportable {
        @Override
        public CsvTable csvTable() {
            return CsvTable.of(Day.class, days);
        }
    }

    private static final Map<String, String> FIXES = Map.of(
            "AGENT_QUESTION", "Self-service access for routine requests (schedule viewing, PTO balance, timesheet status)",
            "SUPERVISOR_AD_HOC_REQUEST", "Office hours for non-urgent requests instead of on-demand availability",
            "HR_QUESTION", "Batch processing: answer routine HR requests at set times (e.g. 10 AM and 3 PM)",
            "OTHER", "Batch what does not need a real-time answer");

    private final TimeService time;
    private final WorkloadSettingsService settings;

    InterruptionCostService(TimeService time, WorkloadSettingsService settings) {
        this.time = time;
        this.settings = settings;
    }

    /** The three reads of time-service are independent: they go out together, then the tenant's settings are read. */
    public Uni<Report> cost(LocalDate from, LocalDate to, Long employeeId) {
        return Uni.combine().all().unis(time.tenant(), time.interruptions(from, to, employeeId), time.dailyHoursByEmployee(from, to))
                .asTuple()
                .chain(reads -> settings.current().map(setting -> compute(from, to, new WorkWeek(reads.getItem1().weekStart()), setting,
                        reads.getItem2(), reads.getItem3().rows(), employeeId)));
    }

    private record Key(LocalDate day, long employeeId) {
    }

    private static Report compute(LocalDate from, LocalDate to, WorkWeek workWeek, WorkloadSettings setting,
            List<InterruptionRow> interruptions, List<HoursRow> hours, Long employeeId) {
        int low = setting.contextSwitchMinutesLow();
        int high = setting.contextSwitchMinutesHigh();
        Map<Key, long[]> days = new TreeMap<>((a, b) -> a.day().equals(b.day()) ? Long.compare(a.employeeId(), b.employeeId())
                : a.day().compareTo(b.day()));
        Map<String, long[]> kinds = new TreeMap<>();
        for (InterruptionRow row : interruptions) {
            long[] day = days.computeIfAbsent(new Key(row.day(), row.employeeId()), k -> new long[3]);
            day[0] += row.count();
            day[1] += row.minutes();
            long[] kind = kinds.computeIfAbsent(row.kind(), k -> new long[2]);
            kind[0] += row.count();
            kind[1] += row.minutes();
        }
        Map<Key, Long> logged = new HashMap<>();
        for (HoursRow row : hours) {
            if (employeeId == null || employeeId.equals(row.employeeId())) {
                logged.merge(new Key(row.period(), row.employeeId()), row.seconds() / 60, Long::sum);
            }
        }
        List<Day> dayLines = new ArrayList<>();
        long totalCount = 0;
        long totalLow = 0;
        long totalHigh = 0;
        Map<LocalDate, long[]> weeks = new TreeMap<>();
        for (var entry : days.entrySet()) {
            long count = entry.getValue()[0];
            long spent = entry.getValue()[1];
            long lostLow = spent + count * low;
            long lostHigh = spent + count * high;
            long minutes = logged.getOrDefault(entry.getKey(), 0L);
            dayLines.add(new Day(entry.getKey().day(), entry.getKey().employeeId(), count, spent, lostLow, lostHigh, minutes,
                    percent(lostLow, minutes), percent(lostHigh, minutes)));
            totalCount += count;
            totalLow += lostLow;
            totalHigh += lostHigh;
            // Weeks as the tenant counts them (its week start), like every other weekly figure of the suite.
            long[] week = weeks.computeIfAbsent(workWeek.startOf(entry.getKey().day()),
                    w -> new long[5]);
            week[0] += count;
            week[1] += 1;
            week[2] += lostLow;
            week[3] += lostHigh;
            week[4] += minutes;
        }
        List<Week> weekLines = weeks.entrySet().stream().map(w -> new Week(w.getKey(), w.getValue()[0],
                ratio(w.getValue()[0], w.getValue()[1], 2),
                percent(w.getValue()[2], w.getValue()[4]), percent(w.getValue()[3], w.getValue()[4]))).toList();
        List<KindCost> kindLines = kinds.entrySet().stream().map(k -> new KindCost(k.getKey(), k.getValue()[0], k.getValue()[1],
                k.getValue()[1] + k.getValue()[0] * low, k.getValue()[1] + k.getValue()[0] * high, FIXES.get(k.getKey()))).toList();
        long totalLogged = logged.values().stream().mapToLong(Long::longValue).sum();
        return new Report(from, to, low, high, totalCount, totalLow, totalHigh, percent(totalLow, totalLogged),
                percent(totalHigh, totalLogged), kindLines, weekLines, dayLines);
    }
}
