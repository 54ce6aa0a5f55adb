package dev.backlight.time.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.backlight.support.problem.ApiException;
import dev.backlight.time.entries.TimeRules;

/**
 * Turns the rows of a tool's export into import lines, through the tenant's mapping: the function from the row's
 * project, task or tag, the client account from its client, the employee from its email (or its person, mapped), and
 * its times from local dates and times in the source's zone (a time the clocks skipped is rejected; in the hour a
 * fall-back repeats, the earlier one counts). A row that cannot be turned into a line is rejected with the tool's
 * column named. Every row gets an externalRef made from its values, so a re-run import skips what it wrote before and a
 * row repeated in the file is rejected as a duplicate.
 */
final class ToolRows {

    /** A row as an import line, or the reason it cannot be one. */
    sealed interface Converted permits Line, Rejected {
    }

    record Line(ImportLine line) implements Converted {
    }

    record Rejected(String externalRef, String employeeEmail, String field, String reason) implements Converted {
    }

    private static final Duration LONGEST = Duration.ofHours(24);
    private static final DateTimeFormatter SLASHED_MONTH_FIRST = DateTimeFormatter.ofPattern("M/d/uuuu");
    private static final DateTimeFormatter SLASHED_DAY_FIRST = DateTimeFormatter.ofPattern("d/M/uuuu");
    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("d.M.uuuu");
    private static final DateTimeFormatter CLOCK_24 = DateTimeFormatter.ofPattern("H:mm[:ss]");
    private static final DateTimeFormatter CLOCK_12 = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("h:mm[:ss] a").toFormatter(Locale.US);

    private final SourceTool tool;
    private final SourceTool.Columns columns;
    private final ToolMapping mapping;
    private final ZoneId zone;
    private final Map<String, String> functions = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, String> clients = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, String> employees = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final MappedValues mapped;
    /** Each column read, by its header in the tool's spelling, to the header as this file spells it. */
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    ToolRows(SourceTool tool, ToolMapping mapping, ZoneId zone, MappedValues mapped) {
        this.tool = tool;
        this.columns = tool.columns();
        this.mapping = mapping;
        this.zone = zone;
        this.mapped = mapped;
        functions.putAll(mapping.functions());
        clients.putAll(mapping.clients());
        employees.putAll(mapping.employees());
    }

    /** Takes the file's header line; a 400 naming what is missing when it is not the tool's export. */
    void header(Collection<String> names) {
        names.forEach(name -> headers.put(name.strip(), name));
        List<String> required = new ArrayList<>(tool.timed()
                ? Arrays.asList(columns.startDate(), columns.startTime(), columns.endTime())
                : Arrays.asList(columns.startDate(), columns.hours()));
        required.add(columns.project());
        if (columns.email() == null) {
            required.add(columns.firstName());
            required.add(columns.lastName());
        } else if (!headers.containsKey(columns.email()) && !headers.containsKey(columns.user())) {
            required.add(columns.email());
        }
        List<String> missing = required.stream().filter(column -> !headers.containsKey(column)).toList();
        if (!missing.isEmpty()) {
            throw ApiException.invalidField("file", "has no " + String.join(", ", missing) + (missing.size() > 1 ? " columns" : " column")
                    + ": is it a " + tool.title()
                    + " detailed export in CSV, with its header line?");
        }
    }

    Converted convert(Map<String, String> row) {
        String email = cell(row, columns.email());
        String person = columns.user() != null ? cell(row, columns.user()) : name(row);
        String client = cell(row, columns.client());
        String notes = cell(row, columns.description());
        String externalRef = fingerprint(Stream.of(email, person, client, cell(row, columns.project()), cell(row, columns.task()),
                notes, cell(row, columns.startDate()), cell(row, columns.startTime()), cell(row, columns.endDate()),
                cell(row, columns.endTime()), cell(row, columns.hours())));
        try {
            String employeeEmail = employee(email, person);
            String function = function(row);
            String clientCode = client(client);
            return new Line(tool.timed() ? timed(row, externalRef, employeeEmail, function, clientCode, notes)
                    : daily(row, externalRef, employeeEmail, function, clientCode, notes));
        } catch (ApiException rejected) {
            var error = rejected.problem().errors().get(0);
            return new Rejected(externalRef, email, error.field(), error.message());
        }
    }

    private String employee(String email, String person) {
        if (email != null) {
            return email;
        }
        String personColumn = columns.user() != null ? columns.user() : columns.firstName();
        if (person == null) {
            throw ApiException.invalidField(personColumn, "is empty, and the row has no email");
        }
        String mappedEmail = employees.get(person);
        mapped.count(MappedValue.Kind.EMPLOYEE, person, mappedEmail);
        if (mappedEmail == null || mappedEmail.isBlank()) {
            throw ApiException.invalidField(personColumn, "'" + person + "' has no email in the file: map them to an "
                    + "employee's email in the mapping's employees");
        }
        return mappedEmail;
    }

    private String function(Map<String, String> row) {
        String column = switch (mapping.functionFrom()) {
            case PROJECT -> columns.project();
            case TASK -> columns.task();
            case TAG -> columns.tags();
        };
        if (column == null) {
            throw ApiException.invalidField("mapping.functionFrom", tool.title() + " exports have no " + mapping.functionFrom()
                    .name().toLowerCase(Locale.ROOT) + " column");
        }
        String value = cell(row, column);
        String code = null;
        if (value != null && mapping.functionFrom() == ToolMapping.FunctionSource.TAG) {
            String mappedTag = Arrays.stream(value.split(",")).map(String::strip).filter(functions::containsKey).findFirst()
                    .orElse(null);
            code = mappedTag == null ? null : functions.get(mappedTag);
            value = mappedTag == null ? value : mappedTag;
        } else if (value != null) {
            code = functions.get(value);
        }
        if (code == null) {
            code = mapping.defaultFunction();
        }
        mapped.count(MappedValue.Kind.FUNCTION, value == null ? "" : value, code);
        if (code == null) {
            throw ApiException.invalidField(column, value == null ? "is empty, and the mapping has no defaultFunction"
                    : "'" + value + "' is not in the mapping's functions, and it has no defaultFunction");
        }
        return code;
    }

    private String client(String client) {
        if (client == null) {
            return null;
        }
        String code = clients.get(client);
        mapped.count(MappedValue.Kind.CLIENT, client, code);
        if (code == null) {
            throw ApiException.invalidField(columns.client(), "'" + client + "' is not in the mapping's clients: map it to a "
                    + "client account code, or to \"\" for shared time");
        }
        return code.isBlank() ? null : code;
    }

    private ImportLine timed(Map<String, String> row, String externalRef, String email, String function, String client,
            String notes) {
        LocalDate startDate = date(row, columns.startDate());
        LocalTime startTime = time(row, columns.startTime());
        LocalTime endTime = time(row, columns.endTime());
        LocalDate endDate = columns.endDate() != null && cell(row, columns.endDate()) != null ? date(row, columns.endDate())
                // Only a time: the entry ends on the day it began, or on the next when the time is earlier.
                : endTime.isAfter(startTime) ? startDate : startDate.plusDays(1);
        LocalDateTime start = startDate.atTime(startTime);
        LocalDateTime end = endDate.atTime(endTime);
        Instant startedAt = TimeRules.onTheClock(columns.startTime(), start, null, null, zone);
        Instant endedAt = TimeRules.onTheClock(columns.endTime(), end, null, null, zone);
        if (Duration.between(startedAt, endedAt).compareTo(LONGEST) > 0) {
            throw ApiException.invalidField(columns.endDate() != null ? columns.endDate() : columns.endTime(), "the entry runs from "
                    + start + " to " + end + ", more than 24 hours: split it into days in " + tool.title() + " and export again");
        }
        return new ImportLine(externalRef, email, function, client, startedAt.toString(), endedAt.toString(), zone.getId(),
                null, null, notes);
    }

    private ImportLine daily(Map<String, String> row, String externalRef, String email, String function, String client,
            String notes) {
        LocalDate day = date(row, columns.startDate());
        String text = cell(row, columns.hours());
        BigDecimal hours = hours(text);
        if (hours.compareTo(BigDecimal.valueOf(24)) > 0) {
            throw ApiException.invalidField(columns.hours(), text + " hours is more than a day: split it into days in "
                    + tool.title() + " and export again");
        }
        int minutes = hours.multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP).intValueExact();
        return new ImportLine(externalRef, email, function, client, null, null, zone.getId(), day.toString(),
                String.valueOf(minutes), notes);
    }

    /** Decimal hours (7.5) or hours and minutes (7:30). */
    private BigDecimal hours(String text) {
        try {
            if (text != null && text.contains(":")) {
                String[] parts = text.split(":");
                return new BigDecimal(parts[0].strip()).add(new BigDecimal(parts[1].strip()).divide(BigDecimal.valueOf(60), 6,
                        RoundingMode.HALF_UP));
            }
            return new BigDecimal(Objects.requireNonNull(text).strip());
        } catch (RuntimeException e) {
            throw ApiException.invalidField(columns.hours(), "must be hours, such as 7.5 or 7:30");
        }
    }

    private LocalDate date(Map<String, String> row, String column) {
        String text = cell(row, column);
        if (text == null) {
            throw ApiException.invalidField(column, "is empty");
        }
        try {
            if (text.contains("/")) {
                return LocalDate.parse(text, mapping.dayFirst() ? SLASHED_DAY_FIRST : SLASHED_MONTH_FIRST);
            }
            return text.contains(".") ? LocalDate.parse(text, DOTTED) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(column, "'" + text + "' is not a date such as 2026-03-02, "
                    + (mapping.dayFirst() ? "02/03/2026" : "03/02/2026") + " or 02.03.2026");
        }
    }

    private LocalTime time(Map<String, String> row, String column) {
        String text = cell(row, column);
        if (text == null) {
            throw ApiException.invalidField(column, "is empty");
        }
        try {
            String upper = text.toUpperCase(Locale.ROOT);
            return LocalTime.parse(text, upper.endsWith("AM") || upper.endsWith("PM") ? CLOCK_12 : CLOCK_24);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(column, "'" + text + "' is not a time such as 14:30, 14:30:00 or 2:30 PM");
        }
    }

    private String name(Map<String, String> row) {
        return Stream.of(cell(row, columns.firstName()), cell(row, columns.lastName())).filter(Objects::nonNull)
                .reduce((first, last) -> first + " " + last).orElse(null);
    }

    /** The row's value in the column (null when the file has no such column or leaves it blank), stripped. */
    private String cell(Map<String, String> row, String column) {
        String value = column == null || !headers.containsKey(column) ? null : row.get(headers.get(column));
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The tool's name and a hash of the row's values: the same row gives the same reference in every export. */
    private String fingerprint(Stream<String> values) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            values.forEach(value -> sha.update((Objects.requireNonNullElse(value, "") + '\u001f').getBytes(StandardCharsets.UTF_8)));
            return tool.name().toLowerCase(Locale.ROOT) + "-" + HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
