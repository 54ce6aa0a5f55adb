package dev.backlight.support.time;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Durations stored as seconds, shown as decimal hours. */
public final class Hours {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private Hours() {
    }

    /** {@code seconds} as hours rounded half-up to {@code scale} decimals. */
    public static BigDecimal of(long seconds, int scale) {
        return BigDecimal.valueOf(seconds).divide(SECONDS_PER_HOUR, scale, RoundingMode.HALF_UP);
    }
}
