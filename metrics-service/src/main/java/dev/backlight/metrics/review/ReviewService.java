package dev.backlight.metrics.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.metrics.productivity.Band;
import dev.backlight.metrics.productivity.FunctionFigures;
import dev.backlight.metrics.productivity.MetricsService.Period;
import dev.backlight.metrics.productivity.MetricsService.PeriodFigures;
import dev.backlight.metrics.productivity.MetricsService.Slice;
import dev.backlight.metrics.productivity.MetricsService;
import dev.backlight.metrics.review.process.ProcessRegisterService;
import dev.backlight.support.csv.CsvExportable;
import dev.backlight.support.csv.CsvTable;
import dev.backlight.support.time.Quarter;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The seed's monthly (30-minute) and quarterly (60-minute) reviews, computed rather than held as meetings. */
@ApplicationScoped
public class ReviewService {

    public enum Cause {
        /** More units, time per unit steady or better. */
        VOLUME_SPIKE,
        /** Time per unit went up. */
        EFFICIENCY_DECLINE,
        /** No output in one of the months, so the change cannot be split. */
        NO_COMPARABLE_OUTPUT,
        /** Hours did not go up. */
        HOURS_NOT_UP
    }

    @Schema(name = "FunctionChange", description = "One function this month against the previous one. volumeEffect + "
            + "rateEffect = hoursChange: volumeEffect = (units now - units before) x hours per unit before; rateEffect = "
            + "hours now - units now x hours per unit before.")
    public record FunctionChange(
            @Schema(example = "ONBOARDING") String functionCode,
            @Schema(example = "Onboarding") String functionName,
            @Schema(example = "20.00") BigDecimal hoursBefore,
            @Schema(example = "36.00") BigDecimal hoursNow,
            @Schema(example = "8") long unitsBefore,
            @Schema(example = "16") long unitsNow,
            @Schema(example = "2.5000") BigDecimal hoursPerUnitBefore,
            @Schema(example = "2.2500") BigDecimal hoursPerUnitNow,
            @Schema(example = "16.00") BigDecimal hoursChange,
            @Schema(example = "20.00") BigDecimal volumeEffect,
            @Schema(example = "-4.00") BigDecimal rateEffect,
            @Schema(example = "VOLUME_SPIKE") Cause cause,
            @Schema(example = "REASONABLE") Band bandNow) {
    }

    @Schema(name = "ImproveNext", description = "The function with the largest gap to its reasonable band, by hours closing it would free")
    public record ImproveNext(
            @Schema(example = "SCHEDULING") String functionCode,
            @Schema(example = "Schedule building") String functionName,
            @Schema(example = "SLOW") Band band,
            @Schema(description = "The figure in the benchmark's basis", example = "7.0000") BigDecimal value,
            @Schema(example = "4.00") BigDecimal reasonableTo,
            @Schema(example = "12.00") BigDecimal hoursFreed,
            @Schema(example = "Building from scratch in spreadsheets each week") String likelyProblem,
            @Schema(example = "Use templates and scheduling software") String suggestedFix) {
    }

    @Schema(name = "MonthlyReview")
    public record MonthlyReview(
            @Schema(example = "2026-03") YearMonth month,
            List<FunctionChange> functions,
            @Schema(description = "Null when every benchmarked function is at or better than reasonable") ImproveNext improveNext,
            PeriodFigures figures) implements CsvExportable {
        @Override
        public CsvTable csvTable() {
            return CsvTable.of(FunctionChange.class, functions);
        }
    }

    public enum Trend {
        DECLINING, STEADY, RISING, NO_HISTORY
    }

    public enum Focus {
        PROCESS_IMPROVEMENT, CAPACITY_ADJUSTMENT
    }

    @Schema(name = "WorkloadRatio", description = "Back-office hours against the operation's size, this quarter and the previous one")
    public record WorkloadRatio(
            @Schema(example = "1200.00") BigDecimal hoursNow,
            @Schema(example = "1300.00") BigDecimal hoursBefore,
            @Schema(example = "100.00") BigDecimal agentsNow,
            @Schema(example = "100.00") BigDecimal agentsBefore,
            @Schema(example = "12.00") BigDecimal hoursPerAgentNow,
            @Schema(example = "13.00") BigDecimal hoursPerAgentBefore,
            @Schema(example = "1200.00") BigDecimal hoursPer100AgentsNow,
            @Schema(example = "1300.00") BigDecimal hoursPer100AgentsBefore,
            @Schema(description = "Change of hours per agent, percent", example = "-7.69") BigDecimal changePercent,
            @Schema(example = "DECLINING") Trend trend) {
    }

    @Schema(name = "ErrorRateChange")
    public record ErrorRateChange(
            @Schema(example = "PAYROLL") String functionCode,
            @Schema(example = "Error rate (corrections per cycle)") String qualityCheck,
            @Schema(example = "0.5000") BigDecimal defectsPerUnitNow,
            @Schema(example = "0.2500") BigDecimal defectsPerUnitBefore,
            @Schema(example = "88.00") BigDecimal interRaterReliabilityNow,
            @Schema(example = "91.00") BigDecimal interRaterReliabilityBefore,
            @Schema(description = "Whether quality got worse, better or stayed the same", example = "WORSE") String direction) {
    }

    @Schema(name = "UnsimplifiedProcess", description = "A process added in the quarter that replaces or simplifies nothing")
    public record UnsimplifiedProcess(@Schema(example = "COMPLIANCE") String functionCode,
            @Schema(example = "Weekly client compliance attestation") String name,
            @Schema(example = "2026-02-01") LocalDate effectiveOn,
            @Schema(example = "6.00") BigDecimal hoursPerMonth) {
    }

    @Schema(name = "Recommendation")
    public record Recommendation(@Schema(example = "PROCESS_IMPROVEMENT") Focus focus,
            @Schema(description = "The findings that produced it") List<String> reasons) {
    }

    @Schema(name = "QuarterlyReview")
    public record QuarterlyReview(
            @Schema(example = "2026-Q1") String quarter,
            @Schema(example = "2026-01-01") LocalDate from,
            @Schema(example = "2026-04-01") LocalDate to,
            WorkloadRatio workload,
            List<ErrorRateChange> errorRates,
            List<UnsimplifiedProcess> processesAddedWithoutSimplification,
            Recommendation recommendation,
            PeriodFigures figures) implements CsvExportable {
        @Override
        public CsvTable csvTable() {
            return CsvTable.of(ErrorRateChange.class, errorRates);
        }
    }

    private final MetricsService metrics;
    private final ProcessRegisterService processes;
    private final BigDecimal steadyTolerance;

    ReviewService(MetricsService metrics, ProcessRegisterService processes,
            @ConfigProperty(name = "backlight.metrics.steady-tolerance", defaultValue = "0.05") BigDecimal steadyTolerance) {
        this.metrics = metrics;
        this.processes = processes;
        this.steadyTolerance = steadyTolerance;
    }

    public Uni<MonthlyReview> monthly(YearMonth month) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.plusMonths(1).atDay(1);
        return metrics.figures(List.of(new Period(from.minusMonths(1), from), new Period(from, to)), Slice.FUNCTION)
                .map(figures -> new MonthlyReview(month, changes(figures.get(0), figures.get(1)), improveNext(figures.get(1)),
                        figures.get(1)));
    }

    public Uni<QuarterlyReview> quarterly(Quarter quarter) {
        LocalDate from = quarter.start();
        LocalDate to = quarter.end();
        return metrics.figures(List.of(new Period(quarter.previous().start(), from), new Period(from, to)), Slice.FUNCTION)
                .chain(figures -> processes.addedWithoutSimplification(from, to).map(changes -> {
                    PeriodFigures before = figures.get(0);
                    PeriodFigures now = figures.get(1);
                    WorkloadRatio workload = workload(before, now);
                    List<ErrorRateChange> errors = errorRates(before, now);
                    List<UnsimplifiedProcess> added = changes.stream()
                            .map(c -> new UnsimplifiedProcess(c.functionCode(), c.name(), c.effectiveOn(), c.hoursPerMonth()))
                            .toList();
                    return new QuarterlyReview(quarter.toString(), from, to, workload, errors, added,
                            recommend(now, workload, errors, added), now);
                }));
    }

    private List<FunctionChange> changes(PeriodFigures before, PeriodFigures now) {
        Map<String, FunctionFigures> previous = byFunction(before);
        Map<String, FunctionFigures> current = byFunction(now);
        List<String> codes = new ArrayList<>(current.keySet());
        previous.keySet().stream().filter(code -> !current.containsKey(code)).forEach(codes::add);
        codes.sort(Comparator.naturalOrder());
        List<FunctionChange> result = new ArrayList<>();
        for (String code : codes) {
            FunctionFigures b = previous.get(code);
            FunctionFigures n = current.get(code);
            BigDecimal hoursBefore = b == null ? BigDecimal.ZERO.setScale(2) : b.hours();
            BigDecimal hoursNow = n == null ? BigDecimal.ZERO.setScale(2) : n.hours();
            long unitsBefore = b == null ? 0 : b.units();
            long unitsNow = n == null ? 0 : n.units();
            BigDecimal change = hoursNow.subtract(hoursBefore);
            BigDecimal volume = null;
            BigDecimal rate = null;
            Cause cause;
            if (unitsBefore > 0) {
                BigDecimal rateBefore = hoursBefore.divide(BigDecimal.valueOf(unitsBefore), 8, RoundingMode.HALF_UP);
                volume = BigDecimal.valueOf(unitsNow - unitsBefore).multiply(rateBefore).setScale(2, RoundingMode.HALF_UP);
                rate = change.subtract(volume);
            }
            if (change.signum() <= 0) {
                cause = Cause.HOURS_NOT_UP;
            } else if (unitsBefore == 0 || unitsNow == 0) {
                cause = Cause.NO_COMPARABLE_OUTPUT;
            } else {
                BigDecimal rateBefore = b.hoursPerUnit();
                BigDecimal steadyLimit = rateBefore.multiply(BigDecimal.ONE.add(steadyTolerance));
                cause = n.hoursPerUnit().compareTo(steadyLimit) > 0 ? Cause.EFFICIENCY_DECLINE : Cause.VOLUME_SPIKE;
            }
            result.add(new FunctionChange(code, n != null ? n.functionName() : b.functionName(), hoursBefore, hoursNow,
                    unitsBefore, unitsNow, b == null ? null : b.hoursPerUnit(), n == null ? null : n.hoursPerUnit(),
                    change, volume, rate, cause, n == null || n.benchmark() == null ? null : n.benchmark().band()));
        }
        return result;
    }

    private static ImproveNext improveNext(PeriodFigures now) {
        return now.functions().stream()
                .filter(f -> f.benchmark() != null && f.hoursAboveReasonable().signum() > 0)
                .max(Comparator.comparing(FunctionFigures::hoursAboveReasonable))
                .map(f -> {
                    Optional<ProcessFix> fix = ProcessFix.forFunction(f.functionCode());
                    return new ImproveNext(f.functionCode(), f.functionName(), f.benchmark().band(), f.benchmark().value(),
                            f.benchmark().reasonableTo(), f.hoursAboveReasonable(),
                            fix.map(ProcessFix::likelyProblem).orElse(null), fix.map(ProcessFix::fix).orElse(null));
                })
                .orElse(null);
    }

    private WorkloadRatio workload(PeriodFigures before, PeriodFigures now) {
        BigDecimal perAgentNow = perAgent(now);
        BigDecimal perAgentBefore = perAgent(before);
        BigDecimal changePercent = null;
        Trend trend = Trend.NO_HISTORY;
        if (perAgentNow != null && perAgentBefore != null && perAgentBefore.signum() > 0) {
            BigDecimal ratio = perAgentNow.subtract(perAgentBefore).divide(perAgentBefore, 6, RoundingMode.HALF_UP);
            changePercent = ratio.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP);
            trend = ratio.abs().compareTo(steadyTolerance) <= 0 ? Trend.STEADY : ratio.signum() > 0 ? Trend.RISING : Trend.DECLINING;
        }
        return new WorkloadRatio(now.totalHours(), before.totalHours(), now.agents(), before.agents(), perAgentNow, perAgentBefore,
                per100(perAgentNow), per100(perAgentBefore), changePercent, trend);
    }

    private static BigDecimal perAgent(PeriodFigures figures) {
        return figures.agents() == null || figures.agents().signum() == 0 || figures.totalHours().signum() == 0 ? null
                : figures.totalHours().divide(figures.agents(), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal per100(BigDecimal perAgent) {
        return perAgent == null ? null : perAgent.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP);
    }

    private static List<ErrorRateChange> errorRates(PeriodFigures before, PeriodFigures now) {
        Map<String, FunctionFigures> previous = byFunction(before);
        return now.functions().stream().filter(f -> f.units() > 0).map(n -> {
            FunctionFigures b = previous.get(n.functionCode());
            BigDecimal rateBefore = b == null ? null : b.quality().defectsPerUnit();
            BigDecimal irrBefore = b == null ? null : b.quality().interRaterReliability();
            BigDecimal rateNow = n.quality().defectsPerUnit();
            BigDecimal irrNow = n.quality().interRaterReliability();
            String direction;
            if (irrNow != null && irrBefore != null) {
                direction = compare(irrBefore, irrNow);
            } else if (rateBefore != null) {
                direction = compare(rateNow, rateBefore);
            } else {
                direction = "NO_HISTORY";
            }
            return new ErrorRateChange(n.functionCode(), n.quality().check(), rateNow, rateBefore, irrNow, irrBefore, direction);
        }).toList();
    }

    /** WORSE when {@code worse} exceeds {@code better}: for defect rates now vs before, for IRR before vs now. */
    private static String compare(BigDecimal worse, BigDecimal better) {
        int c = worse.compareTo(better);
        return c > 0 ? "WORSE" : c < 0 ? "BETTER" : "SAME";
    }

    private static Recommendation recommend(PeriodFigures now, WorkloadRatio workload, List<ErrorRateChange> errors,
            List<UnsimplifiedProcess> added) {
        List<String> processReasons = new ArrayList<>();
        for (FunctionFigures f : now.functions()) {
            if (f.benchmark() != null && (f.benchmark().band() == Band.SLOW || f.benchmark().band() == Band.NEEDS_ATTENTION)) {
                processReasons.add(f.functionName() + " is " + f.benchmark().band() + " against its benchmark ("
                        + f.hoursAboveReasonable() + " h above reasonable)");
            }
        }
        errors.stream().filter(e -> "WORSE".equals(e.direction()))
                .forEach(e -> processReasons.add("Quality of " + e.functionCode() + " got worse than last quarter"));
        if (!added.isEmpty()) {
            processReasons.add(added.size() + " process(es) added without removing or simplifying another");
        }
        if (!now.functionsWithoutOutput().isEmpty()) {
            processReasons.add("Hours without recorded output in " + String.join(", ", now.functionsWithoutOutput()));
        }
        if (!processReasons.isEmpty()) {
            return new Recommendation(Focus.PROCESS_IMPROVEMENT, processReasons);
        }
        List<String> capacityReasons = new ArrayList<>();
        capacityReasons.add("Every benchmarked function is reasonable or better and no quality rate got worse");
        capacityReasons.add(switch (workload.trend()) {
            case RISING -> "Back-office hours per agent are rising (" + workload.changePercent() + "%) with processes already "
                    + "in shape: the remaining workload needs capacity";
            case DECLINING -> "Back-office hours per agent are declining (" + workload.changePercent() + "%): capacity can be "
                    + "freed or moved";
            case STEADY -> "Back-office hours per agent are steady: check staffing against the workload";
            case NO_HISTORY -> "No previous quarter to compare against yet";
        });
        return new Recommendation(Focus.CAPACITY_ADJUSTMENT, capacityReasons);
    }

    private static Map<String, FunctionFigures> byFunction(PeriodFigures figures) {
        return figures.functions().stream().collect(Collectors.toMap(FunctionFigures::functionCode, Function.identity()));
    }
}
