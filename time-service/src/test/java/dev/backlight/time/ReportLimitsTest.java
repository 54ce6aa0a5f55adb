package dev.backlight.time;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.backlight.testing.PostgresTestResource;
import dev.backlight.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** No report holds an unbounded result: beyond its row limit (small here) it is refused with what to ask instead. */
@QuarkusTest
@TestProfile(ReportLimitsTest.TwentyRows.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestTokens.class)
class ReportLimitsTest {

    public static class TwentyRows implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("backlight.reports.max-rows", "20");
        }
    }

    @Test
    void aReportOfMoreRowsThanTheLimitIsRefusedNamingTheRange() {
        Fixture fixture = Fixture.tenant("Europe/Paris");
        long employee = fixture.employee("ana");
        LocalDate first = LocalDate.of(2026, 3, 2);
        for (int day = 0; day < 21; day++) {
            fixture.asAdmin().contentType(ContentType.JSON).body(Map.of("employeeId", employee, "functionCode", "REPORTING",
                    "workDate", first.plusDays(day).toString(), "durationMinutes", 60)).post("/api/time/entries").then().statusCode(201);
        }

        fixture.asManager().queryParam("from", first.toString()).queryParam("to", first.plusDays(21).toString())
                .queryParam("bucket", "day").queryParam("groupBy", "employee")
                .get("/api/time/reports/hours").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("to"));
        fixture.asManager().queryParam("from", first.toString()).queryParam("to", first.plusDays(20).toString())
                .queryParam("bucket", "day").queryParam("groupBy", "employee")
                .get("/api/time/reports/hours").then().statusCode(200).body("rows", hasSize(20));
        // The same hours by week fit easily.
        fixture.asManager().queryParam("from", first.toString()).queryParam("to", first.plusDays(21).toString())
                .queryParam("bucket", "week").queryParam("groupBy", "employee")
                .get("/api/time/reports/hours").then().statusCode(200).body("totalHours", equalTo(21.0f));
    }
}
