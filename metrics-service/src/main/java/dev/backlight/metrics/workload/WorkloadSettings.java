package dev.backlight.metrics.workload;

import dev.backlight.support.rest.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The tenant's workload thresholds as every workload analysis reads them (the seed's values until set). */
@Schema(name = "WorkloadSettings")
public record WorkloadSettings(
        @Schema(description = "Context-switch cost of one interruption, low end", example = "10") int contextSwitchMinutesLow,
        @Schema(description = "High end", example = "15") int contextSwitchMinutesHigh,
        @Schema(description = "Uninterrupted stretches shorter than this count as fragments", example = "30") int shortBlockMinutes,
        @Schema(description = "A week is over the threshold above this percent of the contracted hours", example = "110") int overContractPercent,
        @Schema(description = "After-hours minutes a week above which the week is flagged", example = "120") int afterHoursMinutesPerWeek,
        @Schema(description = "Weeks over the threshold in a row that make a sustained overload", example = "3") int overloadStreakWeeks,
        @Schema(description = "0 until the tenant sets its own, then changes with every change; its ETag goes in If-Match",
                example = "1") long version) implements Versioned {
    static WorkloadSettings of(WorkloadSetting s) {
        return new WorkloadSettings(s.contextSwitchMinutesLow, s.contextSwitchMinutesHigh, s.shortBlockMinutes, s.overContractPercent,
                s.afterHoursMinutesPerWeek, s.overloadStreakWeeks, s.revision());
    }
}
