package dev.backlight.costing.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Presentation of exact figures: money to the currency's minor unit, hours and percentages to hundredths. Only
 * results are rounded, never the figures they are computed from.
 */
final class Amounts {

    static final int EXACT = 10;
    static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final int minorDigits;

    Amounts(Currency currency) {
        this.minorDigits = Math.max(currency.getDefaultFractionDigits(), 0);
    }

    BigDecimal money(BigDecimal exact) {
        return exact == null ? null : exact.setScale(minorDigits, RoundingMode.HALF_UP);
    }

    static BigDecimal hours(BigDecimal exact) {
        return exact == null ? null : exact.setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal hoursOf(long seconds) {
        return BigDecimal.valueOf(seconds).divide(SECONDS_PER_HOUR, EXACT, RoundingMode.HALF_UP);
    }

    /** part / whole as a percentage, or null when the whole is zero. */
    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole == null || whole.signum() == 0 ? null
                : part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
    }
}
