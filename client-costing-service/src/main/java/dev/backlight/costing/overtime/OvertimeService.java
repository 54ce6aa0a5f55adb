package dev.backlight.costing.overtime;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.costing.policy.PolicyTerms;
import dev.backlight.costing.policy.PolicyService;
import dev.backlight.costing.rates.RateBook;
import dev.backlight.costing.rates.RateService;
import dev.backlight.costing.upstream.DirectoryService;
import dev.backlight.costing.upstream.TimeService;
import dev.backlight.support.csv.CsvExportable;
import dev.backlight.support.csv.CsvTable;
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
            List<FixComparison> fixes) implements CsvExportable {
        @Override
        public CsvTable csvTable() {
            return CsvTable.of(Week.class, weeks);
        }

        /** The same report without anyone's own overtime, for readers who see aggregates only. */
        public OvertimeReport withoutEmployees() {
            return new OvertimeReport(from, to, currency, weeklyThresholdHours, multiplier, overtimeHours, overtimeCost,
                    overtimeHoursPerWeek, costPerWeek, costPerYear, weeks, List.of(), fixes);
        }
    }

    private record Local(RateBook rates, PolicyTerms policy, List<ProcessFixOption> options) {
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
                    .map(report -> OvertimeCalculator.compute(from, to, week, dir, local.rates(), local.policy(), local.options(), report.rows()));
        }));
    }

    /** The rates, the policy and the fix options, each read in its own short session. */
    private Uni<Local> local() {
        return rates.book().chain(book -> policies.terms()
                .chain(policy -> options.all().map(optionList -> new Local(book, policy, optionList))));
    }
}
