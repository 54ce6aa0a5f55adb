package dev.backlight.metrics.productivity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.metrics.capture.CapturedWork.FindingsRow;
import dev.backlight.metrics.capture.CapturedWork.UnitsRow;
import dev.backlight.metrics.capture.CapturedWork;
import dev.backlight.metrics.productivity.benchmark.Benchmark;
import dev.backlight.metrics.productivity.benchmark.BenchmarkService;
import dev.backlight.metrics.productivity.benchmark.StandardBenchmarks;
import dev.backlight.metrics.upstream.TimeService;
import dev.backlight.metrics.upstream.TimeServiceClient.Employee;
import dev.backlight.metrics.upstream.TimeServiceClient.Headcount;
import dev.backlight.metrics.upstream.TimeServiceClient.HoursReport;
import dev.backlight.metrics.upstream.TimeServiceClient.HoursRow;
import dev.backlight.metrics.upstream.TimeServiceClient.WorkFunction;
import dev.backlight.support.csv.CsvExportable;
import dev.backlight.support.csv.CsvTable;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Productivity figures for any period: hours from time-service's aggregates (summed there in SQL), units and
 * findings summed here in SQL, put together per function and, optionally, per employee, team or client.
 */
@ApplicationScoped
public class MetricsService {

    /** What the figures are broken down by, besides the function. */
    public enum Slice {
        FUNCTION, EMPLOYEE, TEAM, CLIENT
    }

    @Schema(name = "PeriodFigures")
    public record PeriodFigures(
            @Schema(example = "2026-03-02") LocalDate from,
            @Schema(description = "Exclusive", example = "2026-03-16") LocalDate to,
            @Schema(example = "FUNCTION") Slice groupBy,
            @Schema(description = "Average agents over the period", example = "50.00") BigDecimal agents,
            @Schema(description = "Average employees over the period", example = "65.00") BigDecimal employees,
            @Schema(description = "All back-office hours of the period", example = "96.50") BigDecimal totalHours,
            List<FunctionFigures> functions,
            @Schema(description = "Functions with hours but no output recorded: time that produced nothing measurable")
            List<String> functionsWithoutOutput) implements CsvExportable {

        @Override
        public CsvTable csvTable() {
            return CsvTable.of(FigureRow.class, functions, f -> FigureRow.of(from, to, f));
        }
    }

    private static final String QA = "QA_EVALUATION";

    private final TimeService time;
    private final CapturedWork captured;
    private final BenchmarkService benchmarks;

    MetricsService(TimeService time, CapturedWork captured, BenchmarkService benchmarks) {
        this.time = time;
        this.captured = captured;
        this.benchmarks = benchmarks;
    }

    /** Dates [from, to) of one set of figures. */
    public record Period(LocalDate from, LocalDate to) {

        boolean wholeMonths() {
            return from.getDayOfMonth() == 1 && to.getDayOfMonth() == 1;
        }

        boolean holds(LocalDate day) {
            return !day.isBefore(from) && day.isBefore(to);
        }
    }

    private record Upstream(HoursReport hours, List<Headcount> headcount, Map<String, WorkFunction> functions,
            Map<Long, String> teams, List<HoursRow> qaDays) {
    }

    private record Local(List<UnitsRow> units, List<FindingsRow> findings, Map<String, Benchmark> overrides) {
    }

    public Uni<PeriodFigures> figures(LocalDate from, LocalDate to, Slice slice) {
        return figures(List.of(new Period(from, to)), slice).map(all -> all.get(0));
    }

    /**
     * The figures of several periods in one go: every upstream read of all the periods at once, so that comparing two
     * periods costs about as long as reading one, and meanwhile the local reads, one short session after another (a
     * session takes no parallel work; the upstream reads use none).
     */
    public Uni<List<PeriodFigures>> figures(List<Period> periods, Slice slice) {
        String groupBy = switch (slice) {
            case FUNCTION -> "function";
            case EMPLOYEE -> "function,employee";
            case TEAM -> "function,team";
            case CLIENT -> "function,client";
        };
        Uni<List<Local>> locals = local(periods, slice).memoize().indefinitely();
        Uni<Map<Long, String>> teams = slice == Slice.TEAM
                ? time.employees().map(list -> list.stream().filter(e -> e.team() != null)
                        .collect(Collectors.toMap(Employee::id, Employee::team)))
                : Uni.createFrom().item(Map.of());
        Uni<Map<String, WorkFunction>> functions = time.functions()
                .map(list -> list.stream().collect(Collectors.toMap(WorkFunction::code, Function.identity())));
        // Back-to-back whole months come with their person-days, so the QA divisor needs no request of its own.
        Optional<Period> months = span(periods).filter(span -> periods.stream().allMatch(Period::wholeMonths));
        Uni<List<HoursReport>> hours = hours(periods, months, groupBy, slice != Slice.CLIENT).memoize().indefinitely();
        Uni<List<List<HoursRow>>> qaDays = months.isPresent()
                ? hours.map(reports -> reports.stream().map(report -> report.rows().stream()
                        .filter(row -> QA.equals(row.functionCode())).toList()).toList())
                : locals.chain(local -> qaDays(periods, slice, groupBy, local));
        return Uni.combine().all().unis(hours, qaDays, time.headcountHistory(), functions, teams, locals)
                .with((hoursOfPeriods, qaDaysOfPeriods, headcount, byCode, teamOf, localOfPeriods) -> {
                    List<PeriodFigures> figures = new ArrayList<>();
                    for (int i = 0; i < periods.size(); i++) {
                        Upstream upstream = new Upstream(hoursOfPeriods.get(i), headcount, byCode, teamOf, qaDaysOfPeriods.get(i));
                        figures.add(assemble(periods.get(i).from(), periods.get(i).to(), slice, upstream, localOfPeriods.get(i)));
                    }
                    return figures;
                });
    }

    /** Each period's captured work, then the tenant's benchmark overrides, each in its own short session. */
    private Uni<List<Local>> local(List<Period> periods, Slice slice) {
        CapturedWork.By by = switch (slice) {
            case FUNCTION -> CapturedWork.By.FUNCTION;
            case EMPLOYEE, TEAM -> CapturedWork.By.EMPLOYEE;
            case CLIENT -> CapturedWork.By.CLIENT;
        };
        boolean byEmployee = slice == Slice.EMPLOYEE || slice == Slice.TEAM;
        return Multi.createFrom().iterable(periods)
                .onItem().transformToUniAndConcatenate(period -> captured.finishedIn(period.from(), period.to(), by, byEmployee))
                .collect().asList()
                .chain(totals -> benchmarks.overrides().map(overrides -> totals.stream()
                        .map(total -> new Local(total.units(), total.findings(), overrides)).toList()));
    }

    /**
     * Each period's hours. Back-to-back whole months (the reviews' periods; {@code months} is their span) come from one
     * aggregate by month over all of them, with person-days when asked for: time-service runs a tenant's reports one
     * at a time, so one request instead of several is what makes a comparison about as quick as one period.
     */
    private Uni<List<HoursReport>> hours(List<Period> periods, Optional<Period> months, String groupBy, boolean personDays) {
        if (months.isPresent()) {
            return time.hoursByMonth(months.get().from(), months.get().to(), groupBy, personDays)
                    .map(report -> rowsOfEach(periods, report.rows()).stream()
                            .map(rows -> new HoursReport(rows.stream().mapToLong(HoursRow::seconds).sum(), rows)).toList());
        }
        return Uni.join().all(periods.stream().map(period -> time.hours(period.from(), period.to(), groupBy)).toList())
                .andFailFast();
    }

    /**
     * The person-days spent on QA in each period that is not a run of whole months, where QA has output to divide (its
     * metric is per analyst per day), grouped as the hours are: one report per period that needs it.
     */
    private Uni<List<List<HoursRow>>> qaDays(List<Period> periods, Slice slice, String groupBy, List<Local> locals) {
        List<Boolean> needed = locals.stream()
                .map(local -> slice != Slice.CLIENT && local.units().stream().anyMatch(u -> QA.equals(u.functionCode()))).toList();
        if (!needed.contains(true)) {
            return Uni.createFrom().item(periods.stream().<List<HoursRow>>map(period -> List.of()).toList());
        }
        List<Uni<List<HoursRow>>> each = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            Period period = periods.get(i);
            each.add(needed.get(i) ? time.personDaysOn(QA, period.from(), period.to(), groupBy, "total").map(HoursReport::rows)
                    : Uni.createFrom().item(List.of()));
        }
        return Uni.join().all(each).andFailFast();
    }

    /** The one period several back-to-back periods make; empty for a single period or periods with gaps. */
    private static Optional<Period> span(List<Period> periods) {
        for (int i = 1; i < periods.size(); i++) {
            if (!periods.get(i - 1).to().equals(periods.get(i).from())) {
                return Optional.empty();
            }
        }
        return periods.size() < 2 ? Optional.empty()
                : Optional.of(new Period(periods.get(0).from(), periods.get(periods.size() - 1).to()));
    }

    /** The rows of each period, by the day or month each row is for. */
    private static List<List<HoursRow>> rowsOfEach(List<Period> periods, List<HoursRow> rows) {
        return periods.stream().map(period -> rows.stream().filter(row -> period.holds(row.period())).toList()).toList();
    }

    private PeriodFigures assemble(LocalDate from, LocalDate to, Slice slice, Upstream upstream, Local local) {
        // Person-days with QA time, per slice key.
        Map<String, Long> workerDays = upstream.qaDays().stream()
                .collect(Collectors.groupingBy(row -> Objects.toString(sliceKey(slice, row), ""),
                        HashMap::new, Collectors.summingLong(HoursRow::personDays)));
        OperationSize size = OperationSize.over(upstream.headcount(), from, to);
        BigDecimal weeks = BigDecimal.valueOf(ChronoUnit.DAYS.between(from, to)).divide(BigDecimal.valueOf(7), 6, RoundingMode.HALF_UP);

        Map<Key, Long> seconds = new LinkedHashMap<>();
        for (HoursRow row : upstream.hours().rows()) {
            seconds.merge(new Key(row.functionCode(), sliceKey(slice, row)), row.seconds(), Long::sum);
        }
        Map<Key, long[]> units = new LinkedHashMap<>();
        for (UnitsRow row : local.units()) {
            String key = switch (slice) {
                case FUNCTION -> null;
                case EMPLOYEE, TEAM -> sliceKeyOfEmployee(slice, row.employeeId(), upstream.teams());
                case CLIENT -> row.clientCode();
            };
            long[] sums = units.computeIfAbsent(new Key(row.functionCode(), key), k -> new long[3]);
            sums[0] += row.units();
            sums[1] += row.paidPerCycleTimesCycles();
            sums[2] += row.cyclesWithHeadcount();
        }
        Map<Key, List<FindingsRow>> found = new HashMap<>();
        for (FindingsRow row : local.findings()) {
            String key = switch (slice) {
                case FUNCTION -> null;
                case EMPLOYEE, TEAM -> sliceKeyOfEmployee(slice, row.employeeId(), upstream.teams());
                case CLIENT -> null; // findings are not kept per client; they appear on the operation's figures
            };
            found.computeIfAbsent(new Key(row.functionCode(), key), k -> new ArrayList<>()).add(row);
        }

        List<Key> keys = new ArrayList<>(seconds.keySet());
        units.keySet().stream().filter(k -> !seconds.containsKey(k)).forEach(keys::add);
        keys.sort(Comparator.comparing(Key::function).thenComparing(Key::slice, Comparator.nullsFirst(Comparator.naturalOrder())));

        List<FunctionFigures> figures = new ArrayList<>();
        for (Key key : keys) {
            WorkFunction function = upstream.functions().get(key.function());
            long[] sums = units.getOrDefault(key, new long[3]);
            Benchmark benchmark = local.overrides().containsKey(key.function())
                    ? local.overrides().get(key.function())
                    : StandardBenchmarks.forFunction(key.function()).orElse(null);
            // Bands per week describe the whole operation's load; a slice of it has no band of its own.
            if (benchmark != null && slice != Slice.FUNCTION && benchmark.basis() == Benchmark.Basis.HOURS_PER_WEEK) {
                benchmark = null;
            }
            figures.add(FigureCalculator.compute(new FigureCalculator.Inputs(key.function(),
                    function == null ? key.function() : function.name(),
                    function == null ? null : function.outputUnit(),
                    function == null ? null : function.qualityCheck(),
                    key.slice(), seconds.getOrDefault(key, 0L), sums[0], sums[1], sums[2],
                    QA.equals(key.function()) ? workerDays.getOrDefault(Objects.toString(key.slice(), ""), 0L) : 0L,
                    found.getOrDefault(key, List.of()), weeks, benchmark, size.agents(), size.employees())));
        }
        List<String> withoutOutput = figures.stream().filter(f -> f.units() == 0 && f.hours().signum() > 0)
                .map(FunctionFigures::functionCode).distinct().toList();
        return new PeriodFigures(from, to, slice, size.agents(), size.employees(),
                FigureCalculator.hours(upstream.hours().totalSeconds()), figures, withoutOutput);
    }

    private record Key(String function, String slice) {
    }

    private static String sliceKey(Slice slice, HoursRow row) {
        return switch (slice) {
            case FUNCTION -> null;
            case EMPLOYEE -> String.valueOf(row.employeeId());
            case TEAM -> row.team();
            case CLIENT -> row.clientCode();
        };
    }

    private static String sliceKeyOfEmployee(Slice slice, Long employeeId, Map<Long, String> teams) {
        if (employeeId == null) {
            return null;
        }
        return slice == Slice.TEAM ? teams.get(employeeId) : slice == Slice.EMPLOYEE ? String.valueOf(employeeId) : "";
    }
}
