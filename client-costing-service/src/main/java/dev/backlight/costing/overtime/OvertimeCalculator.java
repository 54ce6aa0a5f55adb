package dev.backlight.costing.overtime;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.backlight.costing.money.Amounts;
import dev.backlight.costing.overtime.OvertimeService.EmployeeOvertime;
import dev.backlight.costing.overtime.OvertimeService.FixComparison;
import dev.backlight.costing.overtime.OvertimeService.OvertimeReport;
import dev.backlight.costing.overtime.OvertimeService.Week;
import dev.backlight.costing.policy.PolicyTerms;
import dev.backlight.costing.rates.RateBook;
import dev.backlight.costing.upstream.Directory;
import dev.backlight.costing.upstream.TimeServiceClient.HoursRow;
import dev.backlight.support.time.WorkWeek;

/** Overtime and its cost against the process fixes: pure arithmetic over hours already read, no I/O. */
final class OvertimeCalculator {

    private static final BigDecimal WEEKS_PER_YEAR = BigDecimal.valueOf(52);
    private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(12);
    private static final BigDecimal DAYS_PER_WEEK = BigDecimal.valueOf(7);

    private OvertimeCalculator() {
    }

    /**
     * The overtime of [from, to) from daily hours per employee (read in whole weeks so that hours before the period count
     * towards a week's threshold), costed at each day's rate times the policy's multiplier, and each fix option weighed
     * against it.
     */
    static OvertimeReport compute(LocalDate from, LocalDate to, WorkWeek workWeek, Directory dir, RateBook rates,
            PolicyTerms policy, List<ProcessFixOption> options, List<HoursRow> rows) {
        RateBook book = rates.withTeams(dir.teams());
        BigDecimal threshold = policy.overtimeWeeklyThreshold();
        BigDecimal multiplier = policy.overtimeMultiplier();

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
        for (ProcessFixOption option : options) {
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
