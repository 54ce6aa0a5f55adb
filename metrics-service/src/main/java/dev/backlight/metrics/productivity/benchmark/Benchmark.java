package dev.backlight.metrics.productivity.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;

import dev.backlight.metrics.productivity.Band;

/**
 * A function's benchmark bands at a reference operation size: efficient below {@code efficientBelow}, reasonable
 * within [{@code reasonableFrom}, {@code reasonableTo}], slow above {@code slowAbove}, all in {@code basis} units.
 * Bands for work that grows with the operation (schedules for 50 agents, payroll for 100 employees) scale linearly
 * with the tenant's size.
 */
public record Benchmark(String functionCode, Basis basis, Scale scale, Integer referenceSize, BigDecimal efficientBelow,
        BigDecimal reasonableFrom, BigDecimal reasonableTo, BigDecimal slowAbove, boolean standard) {

    /** Thresholds are kept to hundredths of their unit, whether standard, the tenant's own or scaled. */
    public Benchmark {
        efficientBelow = hundredths(efficientBelow);
        reasonableFrom = hundredths(reasonableFrom);
        reasonableTo = hundredths(reasonableTo);
        slowAbove = hundredths(slowAbove);
    }

    private static BigDecimal hundredths(BigDecimal threshold) {
        return threshold == null ? null : threshold.setScale(2, RoundingMode.HALF_UP);
    }

    /** What the thresholds measure. */
    public enum Basis {
        /** Hours of the function per output unit. */
        HOURS_PER_UNIT,
        /** Minutes of the function per output unit. */
        MINUTES_PER_UNIT,
        /** Hours of the function per week of the period. */
        HOURS_PER_WEEK
    }

    /** Which size of the operation the thresholds grow with. */
    public enum Scale {
        NONE, AGENTS, EMPLOYEES
    }

    /** The thresholds for an operation of {@code size} (agents or employees, as {@link #scale()} says). */
    public Benchmark scaledTo(BigDecimal size) {
        if (scale == Scale.NONE || size == null || size.signum() <= 0) {
            return this;
        }
        BigDecimal factor = size.divide(BigDecimal.valueOf(referenceSize), 6, RoundingMode.HALF_UP);
        return new Benchmark(functionCode, basis, scale, referenceSize, times(efficientBelow, factor), times(reasonableFrom, factor),
                times(reasonableTo, factor), times(slowAbove, factor), standard);
    }

    public Band band(BigDecimal value) {
        if (value == null) {
            return Band.NO_OUTPUT;
        }
        if (value.compareTo(efficientBelow) < 0) {
            return Band.EFFICIENT;
        }
        if (value.compareTo(reasonableFrom) < 0) {
            return Band.GOOD;
        }
        if (value.compareTo(reasonableTo) <= 0) {
            return Band.REASONABLE;
        }
        return value.compareTo(slowAbove) <= 0 ? Band.NEEDS_ATTENTION : Band.SLOW;
    }

    private static BigDecimal times(BigDecimal threshold, BigDecimal factor) {
        return threshold.multiply(factor);
    }
}
