package dev.backlight.time;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.backlight.testing.PostgresTestResource;
import dev.backlight.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestTokens.class)
class ImportExportTest {

    Fixture fx;

    @BeforeEach
    void setUp() {
        fx = Fixture.tenant("Asia/Manila");
        fx.employee("rio");
    }

    @Test
    void reRunningAnImportDuplicatesNothing() {
        List<Map<String, Object>> rows = List.of(
                row("ext-1", "PAYROLL", "2026-03-02T01:00:00Z", "2026-03-02T03:00:00Z"),
                row("ext-2", "REPORTING", "2026-03-02T03:00:00Z", "2026-03-02T04:00:00Z"));
        fx.asManager().body(rows).post("/api/time/entries/import").then().statusCode(200)
                .body("imported", equalTo(2)).body("alreadyPresent", equalTo(0));
        fx.asManager().body(rows).post("/api/time/entries/import").then().statusCode(200)
                .body("imported", equalTo(0)).body("alreadyPresent", equalTo(2));
        fx.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").queryParam("source", "IMPORT")
                .get("/api/time/entries").then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void oneBadRowFailsTheWholeBatchNamingTheRow() {
        List<Map<String, Object>> rows = List.of(
                row("ok-1", "PAYROLL", "2026-03-03T01:00:00Z", "2026-03-03T03:00:00Z"),
                row("bad-2", "PAYROLL", "2026-03-03T05:00:00Z", "2026-03-03T04:00:00Z"));
        fx.asManager().body(rows).post("/api/time/entries/import").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("rows[1].endedAt"));
        List<Map<String, Object>> overlapping = List.of(
                row("ok-3", "PAYROLL", "2026-03-03T01:00:00Z", "2026-03-03T03:00:00Z"),
                row("ok-4", "PAYROLL", "2026-03-03T02:00:00Z", "2026-03-03T04:00:00Z"));
        fx.asManager().body(overlapping).post("/api/time/entries/import").then().statusCode(409)
                .body("detail", containsString("rows[1]"));
        fx.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").get("/api/time/entries")
                .then().statusCode(200).body("total", equalTo(0));
        fx.as(fx.staffToken("rio")).body(rows.subList(0, 1)).post("/api/time/entries/import").then().statusCode(403);
    }

    @Test
    void csvImportReadsColumnsByName() {
        String csv = """
                employeeEmail,functionCode,externalRef,workDate,durationMinutes,notes
                rio@%s.example,LEAVE_MANAGEMENT,csv-1,2026-03-05,45,"Batch, morning"
                rio@%s.example,LEAVE_MANAGEMENT,csv-2,2026-03-05,30,
                """.formatted(fx.tenant, fx.tenant);
        fx.asManager().contentType("text/csv").body(csv).post("/api/time/entries/import").then().statusCode(200)
                .body("imported", equalTo(2));
        fx.asManager().queryParam("from", "2026-03-05").queryParam("to", "2026-03-06").get("/api/time/entries")
                .then().statusCode(200).body("items.notes", hasItem("Batch, morning"));
    }

    @Test
    void exportStreamsEveryEntryAcrossPages() {
        List<Map<String, Object>> rows = new ArrayList<>();
        LocalDate day = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < 1203; i++) {
            Map<String, Object> r = new HashMap<>();
            r.put("externalRef", "bulk-" + i);
            r.put("employeeEmail", "rio@" + fx.tenant + ".example");
            r.put("functionCode", "OTHER");
            r.put("workDate", day.plusDays(i % 60).toString());
            r.put("durationMinutes", 1);
            rows.add(r);
        }
        fx.asManager().body(rows).post("/api/time/entries/import").then().statusCode(200).body("imported", equalTo(1203));
        String csv = fx.as(fx.analystToken).accept("text/csv").queryParam("from", "2026-01-01").queryParam("to", "2026-04-01")
                .get("/api/time/entries/export").then().statusCode(200).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(1204, lines.size());
        assertTrue(lines.get(0).startsWith("id,employeeId,functionCode"), lines.get(0));
        assertEquals(1203, lines.stream().skip(1).map(l -> l.split(",")[0]).distinct().count());
    }

    private Map<String, Object> row(String ref, String function, String start, String end) {
        return Map.of("externalRef", ref, "employeeEmail", "rio@" + fx.tenant + ".example", "functionCode", function,
                "startedAt", start, "endedAt", end);
    }
}
