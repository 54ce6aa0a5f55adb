package dev.backlight.time;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.backlight.testing.PostgresTestResource;
import dev.backlight.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestTokens.class)
class StreamedImportTest {

    private static final String HEADER = "externalRef,employeeEmail,functionCode,clientCode,startedAt,endedAt,zone,workDate,durationMinutes,notes\n";

    Fixture fx;
    String rio;
    String ana;

    @TestHTTPResource("/api/time/clients")
    URI service;

    @BeforeEach
    void setUp() {
        fx = Fixture.tenant("Europe/Paris");
        fx.employee("rio");
        fx.employee("ana");
        rio = "rio@" + fx.tenant + ".example";
        ana = "ana@" + fx.tenant + ".example";
    }

    @Test
    void aCsvFileIsImportedAsAJobAndARerunDuplicatesNothing() {
        String csv = HEADER
                // Emails match in any case, as people type them.
                + "a-1," + rio.toUpperCase(Locale.ROOT) + ",PAYROLL,,2026-03-02T08:00:00Z,2026-03-02T10:00:00Z,,,,\"Run, part 1\"\n"
                // The spring-forward night in Paris: 01:30 UTC to 03:30 UTC is two hours on 29 March.
                + "a-2," + rio + ",PAYROLL,,2026-03-29T00:30:00Z,2026-03-29T02:30:00Z,,,,\n"
                + "a-3," + ana + ",REPORTING,,,,,2026-03-03,45,manual\n";
        JsonPath done = fx.finishedImport(start("text/csv", csv, "ALL_OR_NOTHING"));
        assertEquals("DONE", done.getString("state"));
        assertEquals(3, done.getLong("rowsRead"));
        assertEquals(3, done.getLong("rowsWritten"));
        assertEquals(100, done.getInt("percent"));
        fx.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").queryParam("source", "IMPORT")
                .get("/api/time/entries").then().statusCode(200).body("total", equalTo(3));
        fx.asManager().queryParam("from", "2026-03-29").queryParam("to", "2026-03-30").get("/api/time/entries")
                .then().statusCode(200).body("items[0].durationMinutes", equalTo(120.0f))
                .body("items[0].zone", equalTo("Europe/Paris"));

        JsonPath again = fx.finishedImport(start("text/csv", csv, "ALL_OR_NOTHING"));
        assertEquals("DONE", again.getString("state"));
        assertEquals(0, again.getLong("rowsWritten"));
        assertEquals(3, again.getLong("rowsAlreadyPresent"));
    }

    @Test
    void wallClockTimesInTheRowsZoneAreReadWithTheDaylightSavingChangeDecidedByTheServer() {
        String csv = "externalRef,employeeEmail,functionCode,zone,localStart,localEnd,localStartOffset,localEndOffset\n"
                // New York springs forward on 8 March: 01:30 EST to 03:30 EDT is one hour.
                + "l-1," + rio + ",PAYROLL,America/New_York,2026-03-08T01:30:00,2026-03-08T03:30:00,,\n"
                + "l-2," + rio + ",PAYROLL,America/New_York,2026-03-08T02:30:00,2026-03-08T04:00:00,,\n"
                // and falls back on 1 November: 01:30 happens twice, the offset says which.
                + "l-3," + ana + ",PAYROLL,America/New_York,2026-11-01T01:30:00,2026-11-01T02:30:00,-05:00,\n"
                + "l-4," + ana + ",PAYROLL,,2026-03-09T09:00:00,2026-03-09T10:00:00,,\n";
        Response accepted = start("text/csv", csv, "VALID_ROWS");
        JsonPath job = fx.finishedImport(accepted);
        assertEquals(2, job.getLong("rowsWritten"), job.prettify());
        fx.asManager().queryParam("from", "2026-03-08").queryParam("to", "2026-03-09").get("/api/time/entries").then()
                .statusCode(200).body("items[0].startedAt", equalTo("2026-03-08T06:30:00Z")).body("items[0].durationMinutes", equalTo(60.0f));
        fx.asManager().queryParam("from", "2026-11-01").queryParam("to", "2026-11-02").get("/api/time/entries").then()
                .statusCode(200).body("items[0].startedAt", equalTo("2026-11-01T06:30:00Z")).body("items[0].durationMinutes", equalTo(60.0f));
        List<String> report = fx.asManager().accept("text/csv").get(accepted.header("Location") + "/rejections").then()
                .statusCode(200).extract().asString().lines().toList();
        assertTrue(report.get(1).startsWith("2,l-2,localStart,"), report.toString());
        assertTrue(report.get(2).startsWith("4,l-4,zone,"), report.toString());
    }

    @Test
    void allOrNothingWritesNothingAndReportsEveryRejectedRowWithItsReason() {
        fx.asManager().body(Map.of("externalRef", "recorded", "employeeId", employeeId("rio"), "functionCode", "PAYROLL",
                "startedAt", "2026-03-04T08:00:00Z", "endedAt", "2026-03-04T09:00:00Z"))
                .post("/api/time/entries").then().statusCode(201);
        fx.asAdmin().body(Map.of("firstDay", "2026-03-10", "lastDay", "2026-03-11", "reason", "payroll"))
                .post("/api/time/period-locks").then().statusCode(201);
        String csv = HEADER
                + "ok-1," + rio + ",PAYROLL,,2026-03-05T08:00:00Z,2026-03-05T09:00:00Z,,,,\n"
                + "r-2,nobody@" + fx.tenant + ".example,PAYROLL,,2026-03-05T08:00:00Z,2026-03-05T09:00:00Z,,,,\n"
                + "r-3," + rio + ",PAYROLL,,2026-03-05T11:00:00Z,2026-03-05T10:00:00Z,,,,\n"
                + "r-4," + rio + ",PAYROLL,,2026-03-05T08:30:00Z,2026-03-05T09:30:00Z,,,,\n"
                + "r-5," + rio + ",PAYROLL,,2026-03-04T08:30:00Z,2026-03-04T08:45:00Z,,,,\n"
                + "ok-1," + ana + ",PAYROLL,,2026-03-06T08:00:00Z,2026-03-06T09:00:00Z,,,,\n"
                + "r-7," + ana + ",PAYROLL,,,,,2026-03-10,30,\n"
                + "r-8," + ana + ",NO_SUCH,,,,,2026-03-12,30,\n"
                + "r-9," + ana + ",PAYROLL,,,,,2026-03-13,1000,\n"
                + "r-10," + ana + ",PAYROLL,,,,,2026-03-13,1000,\n"
                + "recorded," + rio + ",PAYROLL,,2026-03-04T08:00:00Z,2026-03-04T10:00:00Z,,,,\n";
        Response accepted = start("text/csv", csv, "ALL_OR_NOTHING");
        JsonPath job = fx.finishedImport(accepted);
        assertEquals("REJECTED", job.getString("state"));
        assertEquals(11, job.getLong("rowsChecked"));
        assertEquals(0, job.getLong("rowsWritten"));
        assertEquals(10, job.getLong("rowsRejected"));
        fx.asManager().queryParam("from", "2026-03-05").queryParam("to", "2026-04-01").get("/api/time/entries")
                .then().statusCode(200).body("total", equalTo(0));

        List<String> report = fx.asManager().accept("text/csv").get(accepted.header("Location") + "/rejections")
                .then().statusCode(200).extract().asString().lines().toList();
        assertEquals("line,externalRef,field,reason", report.get(0));
        assertEquals(List.of(
                "2,r-2,employeeEmail,\"no employee has this email\"",
                "3,r-3,endedAt,\"must be after startedAt\"",
                "4,r-4,startedAt,\"overlaps an earlier row of this file for the same employee\"",
                "5,r-5,startedAt,\"overlaps entry " + entryId("recorded") + "\"",
                "6,ok-1,externalRef,\"duplicates line 1 (the same externalRef)\"",
                "7,r-7,workDate,\"falls in the locked period 2026-03-10 to 2026-03-11\"",
                "8,r-8,functionCode,\"does not exist or is retired\"",
                "9,r-9,workDate,\"the day 2026-03-13 would hold 2000 minutes, more than 24 h\"",
                "10,r-10,workDate,\"the day 2026-03-13 would hold 2000 minutes, more than 24 h\""), report.subList(1, 10));
        assertTrue(report.get(10).startsWith("11,recorded,externalRef,\"is already recorded, as entry"), report.get(10));
        assertEquals(11, report.size());
    }

    @Test
    void validRowsModeWritesTheValidRowsAndJsonLinesAreReadToo() {
        String lines = """
                {"externalRef":"j-1","employeeEmail":"%s","functionCode":"PAYROLL","workDate":"2026-03-16","durationMinutes":900}
                {"externalRef":"j-2","employeeEmail":"%s","functionCode":"PAYROLL","workDate":"2026-03-16","durationMinutes":600}
                {"externalRef":"j-3","employeeEmail":"%s","functionCode":"REPORTING","startedAt":"2026-03-17T08:00:00+01:00","endedAt":"2026-03-17T09:00:00+01:00","zone":"Asia/Manila"}
                """.formatted(rio, rio, ana);
        JsonPath job = fx.finishedImport(start("application/x-ndjson", lines, "VALID_ROWS"));
        assertEquals("DONE", job.getString("state"));
        // Both rows of the 16th together would hold 25 h: both are rejected, the third is written.
        assertEquals(1, job.getLong("rowsWritten"));
        assertEquals(2, job.getLong("rowsRejected"));
        fx.asManager().queryParam("from", "2026-03-16").queryParam("to", "2026-03-18").get("/api/time/entries")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].zone", equalTo("Asia/Manila"))
                .body("items[0].startedAt", equalTo("2026-03-17T07:00:00Z"));
    }

    @Test
    void aFileThatCannotBeReadIsRefusedAsAWholeAndOnlyManagersImport() {
        fx.asManager().contentType("text/csv").body("employeeEmail,functionCode\n" + rio + ",PAYROLL\n")
                .post("/api/time/entries/imports").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        fx.asManager().contentType("application/x-ndjson").body("{\"externalRef\": \"x\", \n".getBytes(StandardCharsets.UTF_8))
                .post("/api/time/entries/imports").then().statusCode(400).body("errors[0].field", equalTo("body"));
        fx.asManager().get("/api/time/entries/imports").then().statusCode(200)
                .body("items.state", equalTo(List.of("FAILED", "FAILED")));
        fx.as(fx.staffToken("rio")).contentType("text/csv").body(HEADER).post("/api/time/entries/imports")
                .then().statusCode(403);
    }

    @Test
    void anotherTenantsImportIsNotFound() {
        Response accepted = start("text/csv", HEADER + "o-1," + rio + ",PAYROLL,,,,,2026-03-18,30,\n", "ALL_OR_NOTHING");
        fx.finishedImport(accepted);
        Fixture other = Fixture.tenant("Europe/Paris");
        other.asManager().get(accepted.header("Location")).then().statusCode(404);
        other.asManager().get(accepted.header("Location") + "/rejections").then().statusCode(404);
    }

    /** 60,000 rows, more than the 5 MB any other body may hold (DirectoryTest): taken, streamed and all written. */
    @Test
    void aLargeFileStreamsPastTheOrdinaryBodyLimit() {
        StringBuilder csv = new StringBuilder(HEADER);
        LocalDate first = LocalDate.of(2025, 1, 1);
        String padding = "x".repeat(40);
        for (int i = 0; i < 60_000; i++) {
            csv.append("big-").append(i).append(',').append(i % 2 == 0 ? rio : ana).append(",OTHER,,,,,")
                    .append(first.plusDays(i % 300)).append(",2,").append(padding).append('\n');
        }
        assertTrue(csv.length() > 5 * 1024 * 1024, "the file is " + csv.length() + " bytes");
        JsonPath job = fx.finishedImport(start("text/csv", csv.toString(), "ALL_OR_NOTHING"));
        assertEquals("DONE", job.getString("state"), job.prettify());
        assertEquals(60_000, job.getLong("rowsWritten"));
    }

    @Test
    void aBodyOfUndeclaredLengthIsRefusedOutsideImports() {
        String head = "POST " + service.getPath() + " HTTP/1.1\r\n"
                + "Host: " + service.getHost() + ":" + service.getPort() + "\r\n"
                + "Authorization: Bearer " + fx.adminToken + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n"
                + "2\r\n{}\r\n0\r\n\r\n";
        String answer;
        try (Socket socket = new Socket(service.getHost(), service.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(answer.startsWith("HTTP/1.1 411"), answer);
        assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), answer);
    }

    private Response start(String contentType, String body, String mode) {
        Response answer = fx.asManager().contentType(contentType).queryParam("mode", mode).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/time/entries/imports");
        answer.then().statusCode(202);
        assertTrue(answer.header("Location").startsWith("/api/time/entries/imports/"), answer.header("Location"));
        return answer;
    }

    private long employeeId(String subject) {
        return fx.as(fx.staffToken(subject)).get("/api/time/employees/me").then().statusCode(200).extract().jsonPath().getLong("id");
    }

    private long entryId(String externalRef) {
        return fx.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").get("/api/time/entries")
                .then().statusCode(200).extract().jsonPath().<Integer>getList("items.findAll { it.externalRef == '"
                        + externalRef + "' }.id").get(0);
    }
}
