package dev.backlight.metrics.productivity;

import java.math.BigDecimal;

import dev.backlight.metrics.productivity.benchmark.Benchmark;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One function's productivity over a period (for the whole operation, or one employee, team or client of it). */
@Schema(name = "FunctionFigures")
public record FunctionFigures(
        @Schema(example = "SCHEDULING") String functionCode,
        @Schema(example = "Schedule building") String functionName,
        @Schema(example = "Schedules published") String outputUnit,
        @Schema(description = "The employee id, team or client code the figures are for; null for the whole operation "
                + "(and for shared time when grouped by client)", example = "CLIENT-A") String slice,
        @Schema(example = "14.00") BigDecimal hours,
        @Schema(example = "2") long units,
        @Schema(description = "Null when no output was recorded", example = "7.0000") BigDecimal hoursPerUnit,
        @Schema(example = "420.00") BigDecimal minutesPerUnit,
        Productivity productivity,
        Quality quality,
        @Schema(description = "Hours per unit with rework charged to the function: hoursPerUnit x (1 + defects/units), "
                + "and / (IRR/100) where an inter-rater reliability score exists", example = "7.8750") BigDecimal qualityAdjustedHoursPerUnit,
        BenchmarkPosition benchmark,
        @Schema(description = "Hours that bringing the function to the top of the reasonable band would have freed in "
                + "the period; 0 when it is already there", example = "6.00") BigDecimal hoursAboveReasonable) {

    @Schema(name = "Productivity", description = "The function's own metric from the seed's table")
    public record Productivity(@Schema(example = "hours to build a complete weekly schedule") String metric,
            @Schema(example = "7.0000") BigDecimal value) {
    }

    @Schema(name = "Quality", description = "The quality counterpart of the time figures")
    public record Quality(@Schema(example = "Coverage gaps per schedule, overtime triggered") String check,
            @Schema(description = "Defects found (rework)", example = "1") long defects,
            @Schema(description = "Defects per output unit", example = "0.5000") BigDecimal defectsPerUnit,
            @Schema(description = "Average inter-rater reliability score, percent", example = "92.50") BigDecimal interRaterReliability,
            @Schema(description = "Average request turnaround, hours", example = "20.00") BigDecimal averageTurnaroundHours) {
    }

    @Schema(name = "BenchmarkPosition", description = "Where the figure falls against the function's bands at this operation's size")
    public record BenchmarkPosition(
            @Schema(example = "SLOW") Band band,
            @Schema(example = "HOURS_PER_UNIT") Benchmark.Basis basis,
            @Schema(description = "The figure in the basis's unit", example = "7.0000") BigDecimal value,
            @Schema(example = "2.00") BigDecimal efficientBelow,
            @Schema(example = "2.00") BigDecimal reasonableFrom,
            @Schema(example = "4.00") BigDecimal reasonableTo,
            @Schema(example = "6.00") BigDecimal slowAbove,
            @Schema(example = "AGENTS") Benchmark.Scale scale,
            @Schema(description = "Operation size the bands were scaled to (agents or employees)", example = "50") BigDecimal scaledToSize,
            @Schema(description = "The seed's standard bands rather than the tenant's own", example = "true") boolean standard) {
    }
}
