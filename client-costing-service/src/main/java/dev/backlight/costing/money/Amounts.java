package dev.backlight.costing.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import dev.backlight.support.time.Hours;

/**
 * Presentation of exact figures: money to the currency's minor unit, hours and percentages to hundredths. Only
 * results are rounded, never the figures they are computed from.
 */
public final class Amounts {

    public static final int EXACT = 10;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final int minorDigits;

    public Amounts(Currency currency) {
        this.minorDigits = Math.max(currency.getDefaultFractionDigits(), 0);
    }

    public BigDecimal money(BigDecimal exact) {
        return exact == null ? null : exact.setScale(minorDigits, RoundingMode.HALF_UP);
    }

    public static BigDecimal hours(BigDecimal exact) {
        return exact == null ? null : exact.setScale(2, RoundingMode.HALF_UP);
    }

    public static BigDecimal hoursOf(long seconds) {
        return Hours.of(seconds, EXACT);
    }

    /** part / whole as a percentage, or null when the whole is zero. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole == null || whole.signum() == 0 ? null
                : part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
    }
}
