package dev.backlight.metrics.productivity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import dev.backlight.metrics.upstream.TimeServiceClient.Headcount;

/** The operation's average size over a period, each headcount weighted by the days it was in force. */
record OperationSize(BigDecimal agents, BigDecimal employees) {

    static OperationSize over(List<Headcount> history, LocalDate from, LocalDate to) {
        List<Headcount> sorted = history.stream().sorted(Comparator.comparing(Headcount::effectiveFrom)).toList();
        long agentDays = 0;
        long employeeDays = 0;
        long days = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Headcount h = sorted.get(i);
            LocalDate start = h.effectiveFrom().isAfter(from) ? h.effectiveFrom() : from;
            LocalDate end = i + 1 < sorted.size() && sorted.get(i + 1).effectiveFrom().isBefore(to) ? sorted.get(i + 1).effectiveFrom() : to;
            if (end.isAfter(start)) {
                long span = ChronoUnit.DAYS.between(start, end);
                agentDays += span * h.agents();
                employeeDays += span * h.employees();
                days += span;
            }
        }
        if (days == 0) {
            // The period lies before the first recorded headcount: the earliest one is the best estimate there is.
            return sorted.isEmpty() ? new OperationSize(null, null)
                    : new OperationSize(BigDecimal.valueOf(sorted.get(0).agents()), BigDecimal.valueOf(sorted.get(0).employees()));
        }
        BigDecimal total = BigDecimal.valueOf(days);
        return new OperationSize(BigDecimal.valueOf(agentDays).divide(total, 2, RoundingMode.HALF_UP),
                BigDecimal.valueOf(employeeDays).divide(total, 2, RoundingMode.HALF_UP));
    }
}
