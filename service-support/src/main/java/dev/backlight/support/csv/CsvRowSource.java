package dev.backlight.support.csv;

/**
 * An item of a list that is written as one CSV row of type {@code R} when the list is served as CSV; the columns
 * come from {@code R} even when the list is empty.
 */
public interface CsvRowSource<R> {

    R csvRow();
}
