package dev.backlight.support.csv;

import java.util.List;
import java.util.function.Function;

/** Rows of one flat type, written as CSV with a header line from the type's properties. */
public record CsvTable(Class<?> rowType, List<?> rows) {

    public static <R> CsvTable of(Class<R> rowType, List<R> rows) {
        return new CsvTable(rowType, rows);
    }

    public static <T, R> CsvTable of(Class<R> rowType, List<T> items, Function<T, R> toRow) {
        return new CsvTable(rowType, items.stream().map(toRow).toList());
    }

    String write() {
        return Csv.writeRows(rowType, rows);
    }
}
