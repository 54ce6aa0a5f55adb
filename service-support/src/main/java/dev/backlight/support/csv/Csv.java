package dev.backlight.support.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.smallrye.mutiny.Multi;

/**
 * RFC 4180 CSV through Jackson's CSV module. Columns and their order come from the row type's properties
 * ({@code @JsonPropertyOrder}); the first line is the header.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";

    /** Characters that make a spreadsheet read a cell as a formula (OWASP's CSV injection list). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .findAndAddModules()
            .addModule(new SimpleModule("backlight-csv-text").addSerializer(String.class, new FormulaSafeText()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Records without @JsonPropertyOrder keep their declared order: the order their JSON form has.
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private Csv() {
    }

    /**
     * One chunk per page of rows, so that an export is sent as it is read and never held whole in memory. An empty
     * result still gets its header line, so that BI tools see the columns.
     */
    public static <T> Multi<String> stream(Class<T> rowType, Multi<List<T>> pages) {
        CsvSchema schema = MAPPER.schemaFor(rowType);
        ObjectWriter withHeader = MAPPER.writer(schema.withHeader());
        ObjectWriter withoutHeader = MAPPER.writer(schema.withoutHeader());
        AtomicBoolean headerWritten = new AtomicBoolean();
        return pages.filter(page -> !page.isEmpty())
                .map(page -> write(headerWritten.compareAndSet(false, true) ? withHeader : withoutHeader, page))
                .onCompletion().ifEmpty().continueWith(header(schema));
    }

    /** A whole (bounded) list as one CSV document. */
    public static <T> String write(Class<T> rowType, List<T> rows) {
        return writeRows(rowType, rows);
    }

    static String writeRows(Class<?> rowType, List<?> rows) {
        CsvSchema schema = MAPPER.schemaFor(rowType);
        if (rows.isEmpty()) {
            return header(schema);
        }
        try {
            return MAPPER.writer(schema.withHeader()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Rows cannot be written as CSV: " + rowType.getName(), e);
        }
    }

    /**
     * Reads a CSV document with a header line into rows; columns are matched by name, so their order is free.
     * Malformed input surfaces as Jackson's own exceptions, which the problem mappers answer with a 400.
     */
    public static <T> List<T> read(Class<T> rowType, Reader csv) throws IOException {
        try (MappingIterator<T> iterator = iterate(rowType, csv)) {
            return iterator.readAll();
        }
    }

    /**
     * Reads a CSV document with a header line one row at a time, for inputs too large to hold: the caller closes the
     * iterator. Columns are matched by name; after the first row, {@code getParserSchema()} holds the header's columns.
     */
    public static <T> MappingIterator<T> iterate(Class<T> rowType, Reader csv) throws IOException {
        return MAPPER.readerFor(rowType).with(CsvSchema.emptySchema().withHeader()).readValues(csv);
    }

    /**
     * Reads a CSV document with a header line one row at a time as column-to-cell maps, for files whose columns are
     * another tool's: the caller closes the iterator; after the first row, {@code getParserSchema()} holds the header.
     */
    public static MappingIterator<Map<String, String>> iterateMaps(Reader csv) throws IOException {
        return MAPPER.readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader()).readValues(csv);
    }

    /**
     * Text as a spreadsheet shows it but never evaluates it: a cell that starts like a formula gets a leading
     * apostrophe, which spreadsheets take as "this is text".
     */
    static String neutralised(String cell) {
        return !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    /** Every text cell, whatever row type it comes from, is written through {@link #neutralised}. */
    private static final class FormulaSafeText extends StdSerializer<String> {

        FormulaSafeText() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(neutralised(value));
        }
    }

    private static String header(CsvSchema schema) {
        StringBuilder line = new StringBuilder();
        for (CsvSchema.Column column : schema) {
            if (line.length() > 0) {
                line.append(schema.getColumnSeparator());
            }
            line.append(column.getName());
        }
        return line.append(schema.getLineSeparator()).toString();
    }

    private static String write(ObjectWriter writer, List<?> rows) {
        try {
            return writer.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Rows cannot be written as CSV: " + rows.get(0).getClass().getName(), e);
        }
    }
}
