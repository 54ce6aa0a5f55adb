package dev.backlight.time;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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
class TimesheetAndLockTest {

    /** A Monday: the tenant's weeks start on Monday. */
    static final String WEEK = "2026-03-02";

    Fixture fx;
    long kim;
    String kimToken;

    @BeforeEach
    void setUp() {
        fx = Fixture.tenant("America/Chicago");
        kim = fx.employee("kim");
        kimToken = fx.staffToken("kim");
        fx.as(kimToken).body(Map.of("functionCode", "PAYROLL", "startedAt", "2026-03-03T15:00:00Z", "endedAt", "2026-03-03T19:00:00Z"))
                .post("/api/time/entries").then().statusCode(201);
    }

    @Test
    void weekIsDerivedFromEntries() {
        fx.as(kimToken).get("/api/time/timesheets/" + kim + "/" + WEEK).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("totalMinutes", equalTo(240.0f))
                .body("minutesByFunction.PAYROLL", equalTo(240.0f)).body("minutesByDay.'2026-03-03'", equalTo(240.0f));
        fx.as(kimToken).get("/api/time/timesheets/" + kim + "/2026-03-03").then().statusCode(400)
                .body("errors.field", hasItem("weekStart"));
    }

    @Test
    void submittedAndApprovedWeeksRefuseChangesUntilRejectedOrReopened() {
        fx.as(kimToken).post("/api/time/timesheets/" + kim + "/" + WEEK + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        fx.as(kimToken).body(Map.of("functionCode", "PAYROLL", "workDate", "2026-03-04", "durationMinutes", 30))
                .post("/api/time/entries").then().statusCode(409).body("type", containsString("timesheet-submitted"));

        fx.asManager().body(Map.of()).post("/api/time/timesheets/" + kim + "/" + WEEK + "/reject").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        fx.asManager().body(Map.of("reason", "Missing Friday")).post("/api/time/timesheets/" + kim + "/" + WEEK + "/reject")
                .then().statusCode(200).body("status", equalTo("REJECTED")).body("rejectionReason", equalTo("Missing Friday"));
        fx.as(kimToken).body(Map.of("functionCode", "PAYROLL", "workDate", "2026-03-06", "durationMinutes", 30))
                .post("/api/time/entries").then().statusCode(201);

        fx.as(kimToken).post("/api/time/timesheets/" + kim + "/" + WEEK + "/submit").then().statusCode(200);
        fx.asManager().post("/api/time/timesheets/" + kim + "/" + WEEK + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        fx.as(kimToken).body(Map.of("functionCode", "PAYROLL", "workDate", "2026-03-05", "durationMinutes", 30))
                .post("/api/time/entries").then().statusCode(409).body("type", containsString("timesheet-approved"));
        fx.asManager().queryParam("weekStart", WEEK).queryParam("status", "APPROVED").get("/api/time/timesheets")
                .then().statusCode(200).body("items.employeeId", hasItem((int) kim));

        fx.asManager().post("/api/time/timesheets/" + kim + "/" + WEEK + "/reopen").then().statusCode(200)
                .body("status", equalTo("OPEN"));
        fx.as(kimToken).body(Map.of("functionCode", "PAYROLL", "workDate", "2026-03-05", "durationMinutes", 30))
                .post("/api/time/entries").then().statusCode(201);
    }

    @Test
    void staffCannotApproveAndNobodyApprovesTheirOwnWeek() {
        fx.as(kimToken).post("/api/time/timesheets/" + kim + "/" + WEEK + "/submit").then().statusCode(200);
        fx.as(kimToken).post("/api/time/timesheets/" + kim + "/" + WEEK + "/approve").then().statusCode(403);
        String kimAsManager = TestTokens.token(fx.tenant, "kim", "manager");
        fx.as(kimAsManager).post("/api/time/timesheets/" + kim + "/" + WEEK + "/approve").then().statusCode(403)
                .body("detail", containsString("own"));

        // Clearing kim's login for a moment does not make the week someone else's.
        Map<String, Object> kimWithoutLogin = Map.of("name", "Employee kim", "email", "kim@" + fx.tenant + ".example", "team", "WFM");
        fx.asAdmin().body(kimWithoutLogin).put("/api/time/employees/" + kim).then().statusCode(200);
        fx.as(kimAsManager).post("/api/time/timesheets/" + kim + "/" + WEEK + "/approve").then().statusCode(403)
                .body("detail", containsString("own"));
        fx.asManager().post("/api/time/timesheets/" + kim + "/" + WEEK + "/approve").then().statusCode(200);
    }

    @Test
    void lockedPeriodRefusesEveryChangeToItsTime() {
        long entryId = fx.as(kimToken).body(Map.of("functionCode", "OTHER", "workDate", "2026-03-10", "durationMinutes", 60))
                .post("/api/time/entries").then().statusCode(201).extract().jsonPath().getLong("id");
        fx.asManager().body(Map.of("firstDay", "2026-03-01", "lastDay", "2026-03-15", "reason", "Payroll"))
                .post("/api/time/period-locks").then().statusCode(403);
        long lockId = fx.asAdmin().body(Map.of("firstDay", "2026-03-01", "lastDay", "2026-03-15", "reason", "Payroll"))
                .post("/api/time/period-locks").then().statusCode(201).extract().jsonPath().getLong("id");
        fx.asAdmin().body(Map.of("firstDay", "2026-03-15", "lastDay", "2026-03-20", "reason", "Overlap"))
                .post("/api/time/period-locks").then().statusCode(409);

        fx.as(kimToken).body(Map.of("functionCode", "OTHER", "workDate", "2026-03-11", "durationMinutes", 60))
                .post("/api/time/entries").then().statusCode(409).body("type", containsString("period-locked"))
                .body("lockId", equalTo((int) lockId));
        fx.as(kimToken).delete("/api/time/entries/" + entryId).then().statusCode(409);
        fx.as(kimToken).body(Map.of("functionCode", "OTHER", "workDate", "2026-03-10", "durationMinutes", 30))
                .put("/api/time/entries/" + entryId).then().statusCode(409);
        fx.as(kimToken).body(Map.of("functionCode", "OTHER", "workDate", "2026-03-16", "durationMinutes", 60))
                .post("/api/time/entries").then().statusCode(201);

        fx.asAdmin().delete("/api/time/period-locks/" + lockId).then().statusCode(204);
        fx.as(kimToken).delete("/api/time/entries/" + entryId).then().statusCode(204);
    }

    @Test
    void theWeekStartCannotChangeWhileAWeekIsFrozen() {
        Map<String, Object> sundayWeeks = Map.of("name", "Tenant " + fx.tenant, "timeZone", "America/Chicago",
                "currency", "USD", "weekStart", "SUNDAY");
        fx.as(kimToken).post("/api/time/timesheets/" + kim + "/" + WEEK + "/submit").then().statusCode(200);
        fx.asManager().post("/api/time/timesheets/" + kim + "/" + WEEK + "/approve").then().statusCode(200);
        // With Sunday weeks the approved Monday week would no longer be found, and its entries would open up again.
        fx.asAdmin().body(sundayWeeks).put("/api/time/tenant").then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("weeks-frozen"));
        fx.as(kimToken).body(Map.of("functionCode", "PAYROLL", "workDate", "2026-03-04", "durationMinutes", 30))
                .post("/api/time/entries").then().statusCode(409);
        fx.asManager().post("/api/time/timesheets/" + kim + "/" + WEEK + "/reopen").then().statusCode(200);
        fx.asAdmin().body(sundayWeeks).put("/api/time/tenant").then().statusCode(200).body("weekStart", equalTo("SUNDAY"));
    }
}
