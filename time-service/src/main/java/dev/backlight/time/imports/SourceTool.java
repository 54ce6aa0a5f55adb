package dev.backlight.time.imports;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.backlight.support.problem.ApiException;

/**
 * The time trackers whose standard detailed export (CSV) Backlight takes, with the header of each column it reads
 * there, matched without regard to case. Columns it does not read (billable, rates, amounts) may be present or not.
 * A null column is one the tool's export does not have.
 */
public enum SourceTool {
    /** Toggl Track, Reports, Detailed, Export as CSV. */
    TOGGL("Toggl Track", new Columns("Email", "User", null, null, "Client", "Project", "Task", "Description", "Tags",
            "Start date", "Start time", "End date", "End time", null)),
    /** Clockify, Reports, Detailed, Export, Save as CSV. */
    CLOCKIFY("Clockify", new Columns("Email", "User", null, null, "Client", "Project", "Task", "Description", "Tags",
            "Start Date", "Start Time", "End Date", "End Time", null)),
    /** Kimai, Export (CSV); an entry's end is its "To" time, on the next day when earlier than "From". */
    KIMAI("Kimai", new Columns("E-mail", "User", null, null, "Customer", "Project", "Activity", "Description", "Tags",
            "Date", "From", null, "To", null)),
    /** Harvest, Reports, Detailed time, Export (CSV): a duration per day, no start and end. */
    HARVEST("Harvest", new Columns(null, null, "First Name", "Last Name", "Client", "Project", "Task", "Notes", null,
            "Date", null, null, null, "Hours"));

    /** The headers of the columns read; {@code hours} marks a tool that gives a duration per day instead of times. */
    record Columns(String email, String user, String firstName, String lastName, String client, String project,
            String task, String description, String tags, String startDate, String startTime, String endDate,
            String endTime, String hours) {
    }

    private final String title;
    private final Columns columns;

    SourceTool(String title, Columns columns) {
        this.title = title;
        this.columns = columns;
    }

    String title() {
        return title;
    }

    Columns columns() {
        return columns;
    }

    boolean timed() {
        return columns.hours() == null;
    }

    /** The tool named in a path, in any case; 404 naming the ones there are otherwise. */
    static SourceTool of(String name) {
        return Arrays.stream(values()).filter(tool -> tool.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> ApiException.notFound("import source", name + " (there are "
                        + Arrays.stream(values()).map(t -> t.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ")"));
    }
}
