package dev.backlight.metrics.productivity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import dev.backlight.metrics.capture.CapturedWork.FindingsRow;
import dev.backlight.metrics.productivity.benchmark.Benchmark;
import dev.backlight.support.time.Hours;

/** Turns one function's hours, units and findings in a period into its figures. Pure arithmetic, no I/O. */
final class FigureCalculator {

    static final int SCALE = 4;
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Everything known about one function (or one slice of it) in the period. {@code workerDays} counts the
     * person-days with time on the function; {@code agents} and {@code employees} are the operation's average size;
     * {@code paidPerCycleTimesCycles} over {@code cyclesWithHeadcount} is the payroll's size per pay cycle, where the
     * outputs say it.
     */
    record Inputs(String functionCode, String functionName, String outputUnit, String qualityCheck, String slice, long seconds,
            long units, long paidPerCycleTimesCycles, long cyclesWithHeadcount, long workerDays, List<FindingsRow> findings, BigDecimal weeks,
            Benchmark benchmark, BigDecimal agents, BigDecimal employees) {
    }

    private FigureCalculator() {
    }

    static BigDecimal hours(long seconds) {
        return Hours.of(seconds, 2);
    }

    static FunctionFigures compute(Inputs in) {
        BigDecimal exactHours = Hours.of(in.seconds(), 8);
        boolean hasOutput = in.units() > 0;
        BigDecimal units = BigDecimal.valueOf(in.units());
        BigDecimal hoursPerUnit = hasOutput ? exactHours.divide(units, SCALE, RoundingMode.HALF_UP) : null;
        BigDecimal minutesPerUnit = hasOutput ? exactHours.multiply(SIXTY).divide(units, 2, RoundingMode.HALF_UP) : null;
        // Employees paid per cycle, weighted by cycles: one record of two cycles and two records of one say the same.
        BigDecimal payrollSize = in.cyclesWithHeadcount() > 0
                ? BigDecimal.valueOf(in.paidPerCycleTimesCycles()).divide(BigDecimal.valueOf(in.cyclesWithHeadcount()), 2, RoundingMode.HALF_UP)
                : in.employees();

        FunctionFigures.Quality quality = quality(in);
        BigDecimal adjusted = hoursPerUnit;
        if (hasOutput && quality.defects() > 0) {
            adjusted = adjusted.multiply(BigDecimal.ONE.add(quality.defectsPerUnit()));
        }
        if (hasOutput && quality.interRaterReliability() != null && quality.interRaterReliability().signum() > 0) {
            adjusted = adjusted.multiply(HUNDRED).divide(quality.interRaterReliability(), SCALE, RoundingMode.HALF_UP);
        }
        if (adjusted != null) {
            adjusted = adjusted.setScale(SCALE, RoundingMode.HALF_UP);
        }

        Position position = position(in, exactHours, payrollSize);
        return new FunctionFigures(in.functionCode(), in.functionName(), in.outputUnit(), in.slice(),
                exactHours.setScale(2, RoundingMode.HALF_UP), in.units(), hoursPerUnit, minutesPerUnit,
                productivity(in, exactHours, hoursPerUnit, payrollSize), quality, adjusted, position.benchmark(),
                position.hoursAboveReasonable());
    }

    private static FunctionFigures.Productivity productivity(Inputs in, BigDecimal hours, BigDecimal hoursPerUnit,
            BigDecimal payrollSize) {
        ProductivityMetric metric = ProductivityMetric.of(in.functionCode());
        BigDecimal value = switch (metric.formula()) {
            case HOURS_PER_UNIT -> hoursPerUnit;
            case UNITS_PER_HOUR -> hours.signum() > 0 && in.units() > 0
                    ? BigDecimal.valueOf(in.units()).divide(hours, SCALE, RoundingMode.HALF_UP) : null;
            case HOURS_PER_UNIT_PER_100_EMPLOYEES -> hoursPerUnit != null && payrollSize != null && payrollSize.signum() > 0
                    ? hoursPerUnit.multiply(HUNDRED).divide(payrollSize, SCALE, RoundingMode.HALF_UP) : null;
            case UNITS_PER_WORKER_DAY -> in.workerDays() > 0 && in.units() > 0
                    ? BigDecimal.valueOf(in.units()).divide(BigDecimal.valueOf(in.workerDays()), SCALE, RoundingMode.HALF_UP) : null;
        };
        return new FunctionFigures.Productivity(metric.label(), value);
    }

    private static FunctionFigures.Quality quality(Inputs in) {
        long defects = 0;
        BigDecimal irr = null;
        BigDecimal turnaround = null;
        for (FindingsRow row : in.findings()) {
            switch (row.kind().nature()) {
                case DEFECT -> defects += row.defects();
                case SCORE -> irr = row.averageMeasured();
                case DURATION -> turnaround = row.averageMeasured();
            }
        }
        BigDecimal perUnit = in.units() > 0
                ? BigDecimal.valueOf(defects).divide(BigDecimal.valueOf(in.units()), SCALE, RoundingMode.HALF_UP)
                : null;
        return new FunctionFigures.Quality(in.qualityCheck(), defects, perUnit,
                irr == null ? null : irr.setScale(2, RoundingMode.HALF_UP),
                turnaround == null ? null : turnaround.setScale(2, RoundingMode.HALF_UP));
    }

    private record Position(FunctionFigures.BenchmarkPosition benchmark, BigDecimal hoursAboveReasonable) {
    }

    private static Position position(Inputs in, BigDecimal hours, BigDecimal payrollSize) {
        Benchmark standard = in.benchmark();
        if (standard == null) {
            return new Position(null, BigDecimal.ZERO.setScale(2));
        }
        BigDecimal size = switch (standard.scale()) {
            case NONE -> null;
            case AGENTS -> in.agents();
            case EMPLOYEES -> "PAYROLL".equals(in.functionCode()) ? payrollSize : in.employees();
        };
        Benchmark bands = standard.scaledTo(size);
        BigDecimal units = BigDecimal.valueOf(in.units());
        BigDecimal value = switch (bands.basis()) {
            case HOURS_PER_UNIT -> in.units() > 0 ? hours.divide(units, SCALE, RoundingMode.HALF_UP) : null;
            case MINUTES_PER_UNIT -> in.units() > 0 ? hours.multiply(SIXTY).divide(units, SCALE, RoundingMode.HALF_UP) : null;
            case HOURS_PER_WEEK -> in.units() > 0 ? hours.divide(in.weeks(), SCALE, RoundingMode.HALF_UP) : null;
        };
        Band band = bands.band(value);
        BigDecimal above = BigDecimal.ZERO;
        if (value != null && value.compareTo(bands.reasonableTo()) > 0) {
            BigDecimal excess = value.subtract(bands.reasonableTo());
            above = switch (bands.basis()) {
                case HOURS_PER_UNIT -> excess.multiply(units);
                case MINUTES_PER_UNIT -> excess.multiply(units).divide(SIXTY, SCALE, RoundingMode.HALF_UP);
                case HOURS_PER_WEEK -> excess.multiply(in.weeks());
            };
        }
        return new Position(new FunctionFigures.BenchmarkPosition(band, bands.basis(), value, bands.efficientBelow(),
                bands.reasonableFrom(), bands.reasonableTo(), bands.slowAbove(), bands.scale(),
                size == null ? null : size.setScale(2, RoundingMode.HALF_UP), bands.standard()),
                above.setScale(2, RoundingMode.HALF_UP));
    }
}
