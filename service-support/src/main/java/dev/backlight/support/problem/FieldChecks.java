package dev.backlight.support.problem;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;

/** Checks of values whose validity Bean Validation cannot express, answered as 400s naming the field. */
public final class FieldChecks {

    private FieldChecks() {
    }

    /** An IANA time zone id. */
    public static ZoneId zone(String field, String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException | NullPointerException e) {
            throw ApiException.invalidField(field, "is not a known time zone (use an IANA id such as Europe/Paris)");
        }
    }

    /** An offset from UTC such as -05:00; null when absent. */
    public static ZoneOffset offset(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return ZoneOffset.of(value);
        } catch (DateTimeException e) {
            throw ApiException.invalidField(field, "must be an offset from UTC such as -05:00 or +01:00");
        }
    }

    /** An ISO 4217 currency code, returned in its canonical form. */
    public static String currency(String field, String value) {
        try {
            return Currency.getInstance(value).getCurrencyCode();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.invalidField(field, "is not an ISO 4217 currency code: " + value);
        }
    }
}
