package dev.backlight.costing.overtime;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.costing.money.Amounts;
import dev.backlight.costing.policy.CostingPolicy;
import dev.backlight.costing.policy.PolicyService;
import dev.backlight.costing.rates.LabourRate;
import dev.backlight.costing.rates.RateBook;
import dev.backlight.costing.rates.RateService;
import dev.backlight.costing.upstream.Directory;
import dev.backlight.costing.upstream.DirectoryService;
import dev.backlight.costing.upstream.TimeService;
import dev.backlight.costing.upstream.TimeServiceClient.HoursRow;
import dev.backlight.support.time.WorkWeek;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The seed's "solving process problems with overtime": overtime hours (each employee's hours beyond the weekly
 * threshold, in the tenant's weeks), what they cost at the multiplier per week and per year, and each process-fix
 * option's yearly cost against the yearly value of the hours it saves.
 */
@ApplicationScoped
public class OvertimeService {

    private static final BigDecimal WEEKS_PER_YEAR = BigDecimal.valueOf(52);
    private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(12);
    private static final BigDecimal DAYS_PER_WEEK = BigDecimal.valueOf(7);

    @Schema(name = "OvertimeWeek")
    public record Week(@Schema(example = "2026-03-02") LocalDate weekStart, @Schema(example = "10.00") BigDecimal overtimeHours,
            @Schema(example = "375.00") BigDecimal overtimeCost) {
    }

    @Schema(name = "EmployeeOvertime")
    public record EmployeeOvertime(@Schema(example = "12") long employeeId, @Schema(example = "Dana Whitfield") String name,
            @Schema(example = "10.00") BigDecimal overtimeHours, @Schema(example = "375.00") BigDecimal overtimeCost,
            @Schema(description = "Weeks with any overtime in the period", example = "1") int weeksOverThreshold) {
    }

    @Schema(name = "FixComparison", description = "A process fix against the overtime it would remove")
    public record FixComparison(
            @Schema(example = "Scheduling software") String option,
            @Schema(example = "SCHEDULING") String functionCode,
            @Schema(example = "3000.00") BigDecimal costPerYear,
            @Schema(example = "0.00") BigDecimal setupCost,
            @Schema(example = "4.00") BigDecimal hoursSavedPerWeek,
            @Schema(description = "Saved hours that replace overtime (paid at the multiplier); the rest are valued at the plain rate",
                    example = "4.00") BigDecimal overtimeHoursAvoidedPerWeek,
            @Schema(example = "7800.00") BigDecimal valueOfHoursSavedPerYear,
            @Schema(description = "valueOfHoursSavedPerYear - costPerYear", example = "4800.00") BigDecimal netPerYear,
            @Schema(description = "Months until the set-up cost is earned back; 0 without one, null when it never is", example = "0.0")
            BigDecimal paybackMonths,
            @Schema(description = "Its yearly cost is below the yearly cost of the overtime", example = "true") boolean cheaperThanOvertime) {
    }

    @Schema(name = "OvertimeReport")
    public record OvertimeReport(
            @Schema(example = "2026-03-02") LocalDate from,
            @Schema(description = "Exclusive", example = "2026-03-09") LocalDate to,
            @Schema(example = "USD") String currency,
            @Schema(example = "40.00") BigDecimal weeklyThresholdHours,
            @Schema(example = "1.50") BigDecimal multiplier,
            @Schema(example = "10.00") BigDecimal overtimeHours,
            @Schema(example = "375.00") BigDecimal overtimeCost,
            @Schema(description = "Overtime hours per week of the period", example = "10.00") BigDecimal overtimeHoursPerWeek,
            @Schema(example = "375.00") BigDecimal costPerWeek,
            @Schema(description = "costPerWeek x 52", example = "19500.00") BigDecimal costPerYear,
            List<Week> weeks,
            @Schema(description = "Each employee's overtime; managers and tenant admins only, empty for analysts")
            List<EmployeeOvertime> employees,
            List<FixComparison> fixes) {

        /** The same report without anyone's own overtime, for readers who see aggregates only. */
        public OvertimeReport withoutEmployees() {
            return new OvertimeReport(from, to, currency, weeklyThresholdHours, multiplier, overtimeHours, overtimeCost,
                    overtimeHoursPerWeek, costPerWeek, costPerYear, weeks, List.of(), fixes);
        }
    }

    private record Local(List<LabourRate> rates, CostingPolicy policy, List<ProcessFixOption> options) {
    }

    private final TimeService time;
    private final DirectoryService directory;
    private final RateService rates;
    private final PolicyService policies;
    private final FixOptionService options;

    OvertimeService(TimeService time, DirectoryService directory, RateService rates, PolicyService policies, FixOptionService options) {
        this.time = time;
        this.directory = directory;
        this.rates = rates;
        this.policies = policies;
        this.options = options;
    }

    public Uni<OvertimeReport> overtime(LocalDate from, LocalDate to) {
        return directory.load().chain(dir -> local().chain(local -> {
            WorkWeek week = new WorkWeek(dir.tenant().weekStart() == null ? DayOfWeek.MONDAY : dir.tenant().weekStart());
            // Whole weeks are read so that hours before the period count towards a week's threshold.
            LocalDate firstWeek = week.startOf(from);
            LocalDate afterLastWeek = week.startOnOrAfter(to);
            return time.dailyHoursByEmployee(firstWeek, afterLastWeek)
                    .map(report -> compute(from, to, week, dir, local, report.rows()));
        }));
    }

    /** The rates, the policy and the fix options, each read in its own short session. */
    private Uni<Local> local() {
        return rates.all().chain(rateList -> policies.current()
                .chain(policy -> options.all().map(optionList -> new Local(rateList, policy, optionList))));
    }

    private static OvertimeReport compute(LocalDate from, LocalDate to, WorkWeek workWeek, Directory dir, Local local,
            List<HoursRow> rows) {
        RateBook book = new RateBook(local.rates(), dir.teams());
        BigDecimal threshold = local.policy().overtimeWeeklyThreshold;
        BigDecimal multiplier = local.policy().overtimeMultiplier;

        // employee -> week -> day -> hours, in day order
        Map<Long, Map<LocalDate, TreeMap<LocalDate, BigDecimal>>> byEmployee = new TreeMap<>();
        for (HoursRow row : rows) {
            LocalDate day = row.period();
            byEmployee.computeIfAbsent(row.employeeId(), e -> new TreeMap<>())
                    .computeIfAbsent(workWeek.startOf(day), w -> new TreeMap<>())
                    .merge(day, Amounts.hoursOf(row.seconds()), BigDecimal::add);
        }

        Amounts amounts = new Amounts(dir.currency());
        Map<LocalDate, BigDecimal[]> weeks = new TreeMap<>();
        List<EmployeeOvertime> employees = new ArrayList<>();
        BigDecimal totalHours = BigDecimal.ZERO;
        BigDecimal totalCost = BigDecimal.ZERO;
        BigDecimal plainCost = BigDecimal.ZERO;
        for (var employee : byEmployee.entrySet()) {
            BigDecimal hours = BigDecimal.ZERO;
            BigDecimal cost = BigDecimal.ZERO;
            int weeksOver = 0;
            for (var week : employee.getValue().entrySet()) {
                BigDecimal worked = BigDecimal.ZERO;
                boolean over = false;
                for (var day : week.getValue().entrySet()) {
                    BigDecimal before = worked;
                    worked = worked.add(day.getValue());
                    // The hours past the threshold are the overtime, and they fall on the day the threshold is crossed.
                    BigDecimal overtime = worked.subtract(before.max(threshold)).max(BigDecimal.ZERO);
                    if (overtime.signum() == 0 || day.getKey().isBefore(from) || !day.getKey().isBefore(to)) {
                        continue;
                    }
                    BigDecimal rate = book.rateFor(employee.getKey(), day.getKey()).hourly();
                    BigDecimal dayCost = overtime.multiply(rate).multiply(multiplier);
                    hours = hours.add(overtime);
                    cost = cost.add(dayCost);
                    plainCost = plainCost.add(overtime.multiply(rate));
                    over = true;
                    BigDecimal[] weekTotals = weeks.computeIfAbsent(week.getKey(), w -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                    weekTotals[0] = weekTotals[0].add(overtime);
                    weekTotals[1] = weekTotals[1].add(dayCost);
                }
                weeksOver += over ? 1 : 0;
            }
            if (hours.signum() > 0) {
                var person = dir.employees().get(employee.getKey());
                employees.add(new EmployeeOvertime(employee.getKey(), person == null ? null : person.name(), Amounts.hours(hours),
                        amounts.money(cost), weeksOver));
                totalHours = totalHours.add(hours);
                totalCost = totalCost.add(cost);
            }
        }
        employees.sort(Comparator.comparing(EmployeeOvertime::overtimeHours).reversed());

        BigDecimal periodWeeks = BigDecimal.valueOf(ChronoUnit.DAYS.between(from, to)).divide(DAYS_PER_WEEK, Amounts.EXACT, RoundingMode.HALF_UP);
        BigDecimal hoursPerWeek = totalHours.divide(periodWeeks, Amounts.EXACT, RoundingMode.HALF_UP);
        BigDecimal costPerWeek = totalCost.divide(periodWeeks, Amounts.EXACT, RoundingMode.HALF_UP);
        BigDecimal costPerYear = costPerWeek.multiply(WEEKS_PER_YEAR);
        // Saved hours are worth what they cost: the rate the overtime was paid at, else the tenant's rate today.
        BigDecimal rate = totalHours.signum() > 0 ? plainCost.divide(totalHours, Amounts.EXACT, RoundingMode.HALF_UP)
                : book.rateFor(null, to.minusDays(1)).hourly();

        List<FixComparison> fixes = new ArrayList<>();
        for (ProcessFixOption option : local.options()) {
            BigDecimal avoided = option.hoursSavedPerWeek.min(hoursPerWeek);
            BigDecimal plain = option.hoursSavedPerWeek.subtract(avoided);
            BigDecimal valuePerYear = avoided.multiply(rate).multiply(multiplier).add(plain.multiply(rate)).multiply(WEEKS_PER_YEAR);
            BigDecimal optionCost = option.costPerYear();
            BigDecimal net = valuePerYear.subtract(optionCost);
            BigDecimal payback = net.signum() <= 0 ? null
                    : option.setupCost.multiply(MONTHS_PER_YEAR).divide(net, 1, RoundingMode.UP);
            fixes.add(new FixComparison(option.name, option.functionCode, amounts.money(optionCost), amounts.money(option.setupCost),
                    option.hoursSavedPerWeek, Amounts.hours(avoided), amounts.money(valuePerYear), amounts.money(net), payback,
                    optionCost.compareTo(costPerYear) < 0));
        }
        List<Week> weekLines = weeks.entrySet().stream()
                .map(w -> new Week(w.getKey(), Amounts.hours(w.getValue()[0]), amounts.money(w.getValue()[1]))).toList();
        return new OvertimeReport(from, to, dir.tenant().currency(), threshold, multiplier, Amounts.hours(totalHours),
                amounts.money(totalCost), Amounts.hours(hoursPerWeek), amounts.money(costPerWeek), amounts.money(costPerYear),
                weekLines, employees, fixes);
    }
}
