package dev.backlight.support.csv;

/**
 * A report that is also served as CSV (to {@code Accept: text/csv}) by {@link CsvBodyWriter}: the rows BI tools want,
 * all of one flat type whose properties are the columns.
 */
public interface CsvExportable {

    CsvTable csvTable();
}
