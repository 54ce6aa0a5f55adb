package dev.backlight.time.imports;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.backlight.support.csv.Csv;
import dev.backlight.support.problem.ApiException;
import dev.backlight.support.problem.FieldChecks;
import dev.backlight.support.problem.Problem;
import dev.backlight.time.entries.TimeRules;
import dev.backlight.time.tenants.TenantProfile;

/**
 * Reads an import line by line as it arrives and interprets each line with the rules every entry obeys
 * ({@link TimeRules#interpret}): a line that breaks one becomes a rejected row naming the field, and the file goes on.
 * Only a file that cannot be read at all (no header, broken CSV quoting or JSON) is refused as a whole (400).
 */
final class ImportReader {

    /** Columns without which no row could ever be accepted; a CSV header must name them. */
    static final List<String> REQUIRED_COLUMNS = List.of("externalRef", "employeeEmail", "functionCode");

    private final TimeRules rules;
    private final TenantProfile tenant;
    private final UUID jobId;
    private final long maxRows;

    ImportReader(TimeRules rules, TenantProfile tenant, UUID jobId, long maxRows) {
        this.rules = rules;
        this.tenant = tenant;
        this.jobId = jobId;
        this.maxRows = maxRows;
    }

    /** Hands every line to {@code rows} in file order and answers how many there were. */
    long read(ImportFormat format, Reader body, ObjectMapper json, Consumer<StagedRow> rows) throws IOException {
        long line = 0;
        try (MappingIterator<ImportLine> lines = format == ImportFormat.CSV
                ? Csv.iterate(ImportLine.class, body)
                : json.readerFor(ImportLine.class).readValues(body)) {
            while (lines.hasNextValue()) {
                ImportLine read = lines.nextValue();
                if (line == 0 && format == ImportFormat.CSV) {
                    checkHeader((CsvSchema) lines.getParserSchema());
                }
                line++;
                if (line > maxRows) {
                    throw ApiException.invalidField("body", "has more than " + maxRows + " rows; split the file");
                }
                rows.accept(stage(line, read));
            }
        } catch (JsonProcessingException | RuntimeJsonMappingException unreadable) {
            throw ApiException.invalidField("body", "cannot be read after row " + line + ": "
                    + firstLine(unreadable.getMessage()));
        }
        if (line == 0) {
            throw ApiException.invalidField("body", "has no rows");
        }
        return line;
    }

    /**
     * Hands every row of a tool's CSV export to {@code rows} in file order, as {@code tool} turns it into a line (or
     * rejects it), and answers how many there were. A byte order mark before the header is skipped.
     */
    long readTool(Reader body, ToolRows tool, Consumer<StagedRow> rows) throws IOException {
        long line = 0;
        try (MappingIterator<Map<String, String>> lines = Csv.iterateMaps(withoutByteOrderMark(body))) {
            while (lines.hasNextValue()) {
                Map<String, String> read = lines.nextValue();
                if (line == 0) {
                    List<String> header = new ArrayList<>();
                    ((CsvSchema) lines.getParserSchema()).forEach(column -> header.add(column.getName()));
                    tool.header(header);
                }
                line++;
                if (line > maxRows) {
                    throw ApiException.invalidField("file", "has more than " + maxRows + " rows; split the file");
                }
                ToolRows.Converted converted = tool.convert(read);
                rows.accept(converted instanceof ToolRows.Line accepted ? stage(line, accepted.line())
                        : rejected(line, (ToolRows.Rejected) converted));
            }
        } catch (JsonProcessingException | RuntimeJsonMappingException unreadable) {
            throw ApiException.invalidField("file", "cannot be read after row " + line + ": " + firstLine(unreadable.getMessage()));
        }
        if (line == 0) {
            throw ApiException.invalidField("file", "has no rows");
        }
        return line;
    }

    private StagedRow rejected(long line, ToolRows.Rejected rejected) {
        return new StagedRow(jobId, line, tenant.id(), rejected.externalRef(), rejected.employeeEmail(), null, null, null,
                null, null, null, null, null, rejected.field(), rejected.reason());
    }

    /** Spreadsheet programs and some exports start a UTF-8 file with U+FEFF, which is not part of the first header. */
    private static Reader withoutByteOrderMark(Reader body) throws IOException {
        PushbackReader reader = new PushbackReader(body, 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    private static void checkHeader(CsvSchema header) {
        for (String column : REQUIRED_COLUMNS) {
            if (header.column(column) == null) {
                throw ApiException.invalidField("body", "has no " + column + " column in its header line");
            }
        }
    }

    /** One line as a row for import_row: interpreted, or rejected with the field and the reason. */
    StagedRow stage(long line, ImportLine read) {
        String externalRef = text(read.externalRef());
        String email = text(read.employeeEmail());
        String function = text(read.functionCode());
        String client = text(read.clientCode());
        String zone = text(read.zone());
        String notes = text(read.notes());
        try {
            required("externalRef", externalRef, "so that a re-run import does not duplicate");
            required("employeeEmail", email, "");
            required("functionCode", function, "");
            // The employee's zone is known only once the rows are resolved; the tenant's stands in for the checks.
            TimeRules.EntryTimes times = rules.interpret(new TimeRules.TimeInput(
                    instant("startedAt", read.startedAt()), instant("endedAt", read.endedAt()), zone,
                    date("workDate", read.workDate()), minutes("durationMinutes", read.durationMinutes()),
                    localTimes(read, zone)), tenant, tenant.timeZone());
            return new StagedRow(jobId, line, tenant.id(), externalRef, email, function, client, times.startedAt(),
                    times.endedAt(), zone, times.workDate(), times.durationSeconds(), notes, null, null);
        } catch (ApiException rejected) {
            Problem.FieldError error = rejected.problem().errors().get(0);
            return new StagedRow(jobId, line, tenant.id(), externalRef, email, function, client, null, null, zone, null,
                    null, notes, error.field(), error.message());
        }
    }

    /** The wall-clock times of a line, if it gives any; they need the line's zone, as its employee is not known yet. */
    private static TimeRules.LocalTimes localTimes(ImportLine read, String zone) {
        String start = text(read.localStart());
        String end = text(read.localEnd());
        String startOffset = text(read.localStartOffset());
        String endOffset = text(read.localEndOffset());
        if (start == null && end == null && startOffset == null && endOffset == null) {
            return null;
        }
        required("zone", zone, "with localStart and localEnd in an import");
        return new TimeRules.LocalTimes(local("localStart", start), FieldChecks.offset("localStartOffset", startOffset),
                local("localEnd", end), FieldChecks.offset("localEndOffset", endOffset));
    }

    private static LocalDateTime local(String field, String value) {
        try {
            return value == null ? null : LocalDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, "must be a local date-time without offset, such as 2026-03-08T01:30:00");
        }
    }

    private static void required(String field, String value, String why) {
        if (value == null) {
            throw ApiException.invalidField(field, ("is required " + why).trim());
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant instant(String field, String value) {
        String text = text(value);
        try {
            return text == null ? null : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, "must be a date-time with an offset, such as 2026-03-02T14:00:00Z");
        }
    }

    private static LocalDate date(String field, String value) {
        String text = text(value);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, "must be a date, such as 2026-03-02");
        }
    }

    private static Integer minutes(String field, String value) {
        String text = text(value);
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(field, "must be a whole number of minutes");
        }
    }

    private static String firstLine(String message) {
        return message == null ? "malformed" : message.lines().findFirst().orElse("malformed");
    }
}
