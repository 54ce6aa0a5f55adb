package dev.backlight.support.time;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter, written like 2026-Q1. */
public record Quarter(int year, int number) {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})-Q([1-4])");

    public Quarter {
        if (number < 1 || number > 4) {
            throw new IllegalArgumentException("A quarter is numbered 1 to 4, not " + number);
        }
    }

    /** Reads 2026-Q1; anything else is an {@link IllegalArgumentException}. */
    public static Quarter parse(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a quarter like 2026-Q1: " + text);
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public YearMonth firstMonth() {
        return YearMonth.of(year, (number - 1) * 3 + 1);
    }

    /** The first day of the quarter. */
    public LocalDate start() {
        return firstMonth().atDay(1);
    }

    /** The first day after the quarter. */
    public LocalDate end() {
        return firstMonth().plusMonths(3).atDay(1);
    }

    public Quarter previous() {
        return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
