package dev.backlight.time.service;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;

import dev.backlight.support.problem.ApiException;

/** Checks of values whose validity Bean Validation cannot express, answered as 400s naming the field. */
final class Validation {

    private Validation() {
    }

    static ZoneId zone(String field, String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException | NullPointerException e) {
            throw ApiException.invalidField(field, "is not a known time zone (use an IANA id such as Europe/Paris)");
        }
    }

    static String currency(String field, String value) {
        try {
            return Currency.getInstance(value).getCurrencyCode();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.invalidField(field, "is not an ISO 4217 currency code");
        }
    }
}
