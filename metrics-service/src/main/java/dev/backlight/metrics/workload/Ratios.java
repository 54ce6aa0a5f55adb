package dev.backlight.metrics.workload;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Shares of counted minutes, seconds or events: exact inputs, rounded once on the way out; null when there is no whole. */
public final class Ratios {

    private Ratios() {
    }

    public static BigDecimal ratio(long part, long whole, int scale) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), scale, RoundingMode.HALF_UP);
    }

    /** part / whole in percent, to two decimals. */
    public static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
