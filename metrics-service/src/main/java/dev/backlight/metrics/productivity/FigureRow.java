package dev.backlight.metrics.productivity;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One function's figures flattened into a CSV line for BI tools. */
@JsonPropertyOrder({"from", "to", "functionCode", "slice", "hours", "units", "hoursPerUnit", "minutesPerUnit", "productivityMetric",
        "productivityValue", "defects", "defectsPerUnit", "interRaterReliability", "averageTurnaroundHours",
        "qualityAdjustedHoursPerUnit", "band", "benchmarkValue", "reasonableFrom", "reasonableTo", "hoursAboveReasonable"})
record FigureRow(LocalDate from, LocalDate to, String functionCode, String slice, BigDecimal hours, long units,
        BigDecimal hoursPerUnit, BigDecimal minutesPerUnit, String productivityMetric, BigDecimal productivityValue, long defects,
        BigDecimal defectsPerUnit, BigDecimal interRaterReliability, BigDecimal averageTurnaroundHours,
        BigDecimal qualityAdjustedHoursPerUnit, Band band, BigDecimal benchmarkValue, BigDecimal reasonableFrom,
        BigDecimal reasonableTo, BigDecimal hoursAboveReasonable) {

    static FigureRow of(LocalDate from, LocalDate to, FunctionFigures f) {
        var b = f.benchmark();
        return new FigureRow(from, to, f.functionCode(), f.slice(), f.hours(), f.units(), f.hoursPerUnit(), f.minutesPerUnit(),
                f.productivity().metric(), f.productivity().value(), f.quality().defects(), f.quality().defectsPerUnit(),
                f.quality().interRaterReliability(), f.quality().averageTurnaroundHours(), f.qualityAdjustedHoursPerUnit(),
                b == null ? null : b.band(), b == null ? null : b.value(), b == null ? null : b.reasonableFrom(),
                b == null ? null : b.reasonableTo(), f.hoursAboveReasonable());
    }
}
