package dev.backlight.metrics.workload;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** New workload thresholds; an absent optional one keeps its current value. */
@Schema(name = "WorkloadSettingsChange")
public record WorkloadSettingsChange(
        @NotNull @Min(0) @Max(120) @Schema(description = "Context-switch cost of one interruption, low end", example = "10") Integer contextSwitchMinutesLow,
        @NotNull @Min(0) @Max(120) @Schema(description = "High end", example = "15") Integer contextSwitchMinutesHigh,
        @Min(1) @Max(480) @Schema(description = "Uninterrupted stretches shorter than this count as fragments; unchanged when absent", example = "30") Integer shortBlockMinutes,
        @Min(100) @Max(200) @Schema(description = "A week is over the threshold above this percent of the contracted hours", example = "110") Integer overContractPercent,
        @Min(0) @Max(3000) @Schema(description = "After-hours minutes a week above which the week is flagged", example = "120") Integer afterHoursMinutesPerWeek,
        @Min(1) @Max(26) @Schema(description = "Weeks over the threshold in a row that make a sustained overload", example = "3") Integer overloadStreakWeeks) {
}
