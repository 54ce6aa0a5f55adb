package dev.backlight.time;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.backlight.testing.PostgresTestResource;
import dev.backlight.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Imports of the exports other time trackers write, each in its own columns and formats, through a mapping the
 * tenant gives once: the DST day, entries over midnight and over 24 hours, duplicate rows, a dry run, a re-run.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestTokens.class)
class ToolImportsTest {

    private static final String TOGGL_HEADER = "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,"
            + "End date,End time,Duration,Tags,Amount (USD)\n";

    Fixture fx;
    String rio;
    String ana;

    @BeforeEach
    void setUp() {
        fx = Fixture.tenant("America/New_York");
        fx.employee("rio");
        fx.employee("ana");
        rio = "rio@" + fx.tenant + ".example";
        ana = "ana@" + fx.tenant + ".example";
        fx.asAdmin().body(Map.of("code", "CLIENT-A", "name", "Acme")).post("/api/time/clients").then().statusCode(201);
    }

    @Test
    void aTogglExportIsDryRunThenImportedWithTheRememberedMappingAndARerunSkipsIt() {
        String csv = TOGGL_HEADER
                + "Rio," + rio + ",Acme Corp,Payroll run,,March payroll,Yes,2026-03-02,09:00:00,2026-03-02,11:00:00,02:00:00,,\n"
                // The night New York springs forward: 01:30 EST to 03:30 EDT is one hour.
                + "Rio," + rio + ",,Weekly schedule,,,No,2026-03-08,01:30:00,2026-03-08,03:30:00,01:00:00,,\n"
                + "Rio," + rio + ",,Weekly schedule,,,No,2026-03-08,02:30:00,2026-03-08,02:45:00,00:15:00,,\n"
                + "Ana," + ana + ",,Night review,,,No,2026-03-03,22:00:00,2026-03-05,01:00:00,27:00:00,,\n"
                + "Ana," + ana + ",,weekly schedule,,,No,2026-03-03,22:00:00,2026-03-04,01:00:00,03:00:00,,\n"
                + "Ana," + ana + ",,weekly schedule,,,No,2026-03-03,22:00:00,2026-03-04,01:00:00,03:00:00,,\n"
                + "Ana," + ana + ",Globex,Payroll run,,,No,2026-03-06,09:00:00,2026-03-06,10:00:00,01:00:00,,\n";
        Map<String, Object> mapping = Map.of("functionFrom", "PROJECT",
                "functions", Map.of("Payroll run", "PAYROLL", "Weekly schedule", "SCHEDULING", "Night review", "TIMESHEET_REVIEW"),
                "clients", Map.of("acme corp", "CLIENT-A"));

        Response dryRun = importFrom("toggl", csv, mapping, "DRY_RUN");
        JsonPath planned = fx.finishedImport(dryRun);
        assertEquals("DONE", planned.getString("state"), planned.prettify());
        assertEquals("TOGGL", planned.getString("sourceTool"));
        assertEquals(0, planned.getLong("rowsWritten"));
        assertEquals(3, planned.getLong("rowsWritable"));
        assertEquals(4, planned.getLong("rowsRejected"));
        assertTrue(planned.getString("message").startsWith("Dry run, nothing was written: 3 entries would be written"),
                planned.getString("message"));
        List<Map<String, Object>> mapped = planned.getList("mapped");
        assertTrue(mapped.contains(Map.of("kind", "FUNCTION", "value", "Payroll run", "mappedTo", "PAYROLL", "rows", 2)), mapped.toString());
        assertTrue(mapped.contains(Map.of("kind", "CLIENT", "value", "Acme Corp", "mappedTo", "CLIENT-A", "rows", 1)), mapped.toString());
        assertTrue(mapped.stream().anyMatch(v -> v.get("value").equals("Globex") && v.get("mappedTo") == null), mapped.toString());
        List<String> report = rejections(dryRun);
        assertEquals(5, report.size(), report.toString());
        assertTrue(report.get(1).matches("3,toggl-\\w+,Start time,2026-03-08T02:30 does not exist in America/New_York: .*"), report.get(1));
        assertTrue(report.get(2).matches("4,toggl-\\w+,End date,the entry runs from 2026-03-03T22:00 to 2026-03-05T01:00, more "
                + "than 24 hours: split it into days in Toggl Track and export again"), report.get(2));
        assertTrue(report.get(3).matches("6,toggl-\\w+,externalRef,duplicates line 5 \\(the same externalRef\\)"), report.get(3));
        assertTrue(report.get(4).matches("7,toggl-\\w+,Client,'Globex' is not in the mapping's clients: .*"), report.get(4));
        entries("2026-03-01", "2026-04-01").body("total", equalTo(0));

        fx.asManager().get("/api/time/entries/tool-imports/toggl/mapping").then().statusCode(200)
                .header("ETag", "\"1\"").body("mapping.functions.'Payroll run'", equalTo("PAYROLL"));
        JsonPath written = fx.finishedImport(importFrom("toggl", csv, null, "VALID_ROWS"));
        assertEquals(3, written.getLong("rowsWritten"), written.prettify());
        entries("2026-03-08", "2026-03-09").body("items[0].durationMinutes", equalTo(60.0f))
                .body("items[0].startedAt", equalTo("2026-03-08T06:30:00Z"));
        // Over midnight but under 24 hours: one entry, on the day it began.
        entries("2026-03-03", "2026-03-04").body("items[0].durationMinutes", equalTo(180.0f))
                .body("items[0].functionCode", equalTo("SCHEDULING"));
        entries("2026-03-02", "2026-03-03").body("items[0].clientCode", equalTo("CLIENT-A"))
                .body("items[0].notes", equalTo("March payroll"));

        JsonPath again = fx.finishedImport(importFrom("toggl", csv, null, "VALID_ROWS"));
        assertEquals(0, again.getLong("rowsWritten"));
        assertEquals(3, again.getLong("rowsAlreadyPresent"));
    }

    @Test
    void aClockifyExportWithUsDatesAndTwelveHourTimesTakesItsFunctionFromTags() {
        String csv = "Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,End Date,End Time,"
                + "Duration (h),Duration (decimal),Billable Rate (USD),Billable Amount (USD)\n"
                + "Back office,,QA batch,,Rio,,," + "\"urgent, QA\",No,03/04/2026,01:15:00 PM,03/04/2026,02:45:00 PM,01:30:00,1.50,0,0\n"
                + "Back office,Acme Corp,Invoices,,Ana,," + ana + ",Invoicing,Yes,03/05/2026,09:00:00 AM,03/05/2026,09:30:00 AM,00:30:00,0.50,0,0\n";
        Map<String, Object> mapping = Map.of("functionFrom", "TAG", "functions", Map.of("qa", "QA_EVALUATION", "Invoicing", "INVOICING"),
                "clients", Map.of("Acme Corp", "CLIENT-A"), "employees", Map.of("Rio", rio));
        JsonPath job = fx.finishedImport(importFrom("clockify", csv, mapping, "ALL_OR_NOTHING"));
        assertEquals("DONE", job.getString("state"), job.prettify());
        assertEquals(2, job.getLong("rowsWritten"));
        entries("2026-03-04", "2026-03-05").body("items[0].startedAt", equalTo("2026-03-04T18:15:00Z"))
                .body("items[0].functionCode", equalTo("QA_EVALUATION"));
        entries("2026-03-05", "2026-03-06").body("items[0].functionCode", equalTo("INVOICING"))
                .body("items[0].clientCode", equalTo("CLIENT-A"));
    }

    @Test
    void aKimaiExportInItsOwnZoneEndsTheNextDayWhenToIsEarlierThanFrom() {
        String csv = "Date,From,To,Duration,Rate,User,Customer,Project,Activity,Description,Exported,Tags\n"
                + "03.03.2026,22:30,01:00,2:30,0,rio,Acme Corp,Back office,Lohnabrechnung,Payroll night,No,\n"
                + "04.03.2026,09:00,10:00,1:00,0,nobody,,Back office,Lohnabrechnung,,No,\n";
        Map<String, Object> mapping = Map.of("functionFrom", "TASK", "functions", Map.of("Lohnabrechnung", "PAYROLL"),
                "clients", Map.of("Acme Corp", ""), "employees", Map.of("rio", rio));
        Response accepted = fx.asManager().contentType("multipart/form-data")
                .multiPart("file", "kimai.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("mapping", "mapping.json", json(mapping), "application/json")
                .queryParam("zone", "Europe/Berlin").queryParam("mode", "VALID_ROWS")
                .post("/api/time/entries/tool-imports/kimai");
        accepted.then().statusCode(202);
        JsonPath job = fx.finishedImport(accepted);
        assertEquals(1, job.getLong("rowsWritten"), job.prettify());
        // 22:30 to 01:00 in Berlin (UTC+1): 21:30Z to 00:00Z; "" maps the customer to shared time.
        entries("2026-03-03", "2026-03-04").body("items[0].startedAt", equalTo("2026-03-03T21:30:00Z"))
                .body("items[0].endedAt", equalTo("2026-03-04T00:00:00Z")).body("items[0].zone", equalTo("Europe/Berlin"))
                .body("items[0].clientCode", equalTo(null));
        assertTrue(rejections(accepted).get(1).matches("2,kimai-\\w+,User,'nobody' has no email in the file: .*"));
    }

    @Test
    void aHarvestExportOfHoursPerDayMatchesPeopleByNameThroughTheMapping() {
        String csv = "Date,Client,Project,Project Code,Task,Notes,Hours,Hours Rounded,Billable?,Invoiced?,Approved?,"
                + "First Name,Last Name,Roles,Employee?,Billable Rate,Billable Amount,Cost Rate,Cost Amount,Currency,External Reference URL\n"
                + "2026-03-09,Acme Corp,Back office,,Scheduling,Week 11,7.25,7.25,No,No,No,Ana,Ng,,Yes,0,0,0,0,USD,\n"
                + "3/10/2026,,Back office,,Scheduling,,26,26,No,No,No,Ana,Ng,,Yes,0,0,0,0,USD,\n";
        Map<String, Object> mapping = Map.of("functionFrom", "TASK", "functions", Map.of("Scheduling", "SCHEDULING"),
                "clients", Map.of("Acme Corp", "CLIENT-A"), "employees", Map.of("Ana Ng", ana));
        Response accepted = importFrom("harvest", csv, mapping, "VALID_ROWS");
        JsonPath job = fx.finishedImport(accepted);
        assertEquals(1, job.getLong("rowsWritten"), job.prettify());
        entries("2026-03-09", "2026-03-10").body("items[0].durationMinutes", equalTo(435.0f))
                .body("items[0].notes", equalTo("Week 11"));
        assertTrue(rejections(accepted).get(1).matches("2,harvest-\\w+,Hours,26 hours is more than a day: .*"));
    }

    @Test
    void aFileThatIsNotTheToolsExportAnUnknownToolAndABadMappingAreRefusedWithTheirNames() {
        String harvest = "Date,Client,Project,Task,Notes,Hours,First Name,Last Name\n2026-03-09,,P,T,,1,Ana,Ng\n";
        fx.asManager().contentType("multipart/form-data").multiPart("file", "x.csv", harvest.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/time/entries/tool-imports/toggl").then().statusCode(400)
                .body("errors.field", hasItem("file"))
                .body("errors.message", hasItem("has no Start date, Start time, End time, Email columns: is it a Toggl Track detailed export in CSV, "
                        + "with its header line?"));
        fx.asManager().contentType("multipart/form-data").multiPart("file", "x.csv", harvest.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/time/entries/tool-imports/timesheet-pro").then().statusCode(404);
        fx.asManager().body(Map.of("functions", Map.of("Payroll", "payroll"))).put("/api/time/entries/tool-imports/toggl/mapping")
                .then().statusCode(400);
        fx.asManager().body(Map.of("functions", Map.of("Payroll", "PAYROLL"))).header("If-Match", "\"0\"")
                .put("/api/time/entries/tool-imports/toggl/mapping").then().statusCode(200).header("ETag", "\"1\"");
        fx.asManager().body(Map.of("functions", Map.of("Payroll", "OTHER"))).header("If-Match", "\"0\"")
                .put("/api/time/entries/tool-imports/toggl/mapping").then().statusCode(412);
        // Another tenant has its own mappings.
        Fixture other = Fixture.tenant("UTC");
        other.asManager().get("/api/time/entries/tool-imports/toggl/mapping").then().statusCode(200).body("version", equalTo(0));
    }

    private Response importFrom(String tool, String csv, Map<String, Object> mapping, String mode) {
        var request = fx.asManager().contentType("multipart/form-data")
                .multiPart("file", tool + ".csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv").queryParam("mode", mode);
        if (mapping != null) {
            request.multiPart("mapping", "mapping.json", json(mapping), "application/json");
        }
        Response answer = request.post("/api/time/entries/tool-imports/" + tool);
        answer.then().statusCode(202);
        return answer;
    }

    private static byte[] json(Map<String, Object> value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> rejections(Response accepted) {
        // Quotes are CSV's, not the values': left out, the lines read as the values.
        return fx.asManager().accept("text/csv").get(accepted.header("Location") + "/rejections").then().statusCode(200)
                .extract().asString().lines().map(line -> line.replace("\"", "")).toList();
    }

    private io.restassured.response.ValidatableResponse entries(String from, String to) {
        return fx.asManager().queryParam("from", from).queryParam("to", to).get("/api/time/entries").then().statusCode(200);
    }
}
