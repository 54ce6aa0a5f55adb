package dev.backlight.time;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.backlight.testing.PostgresTestResource;
import dev.backlight.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** An employee's personal data erased on request: who they were goes, their hours stay. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestTokens.class)
class ErasureTest {

    Fixture fx;
    long mia;

    @BeforeEach
    void setUp() {
        fx = Fixture.tenant("UTC");
        mia = fx.employee("mia");
        Map<String, Object> entry = new HashMap<>(Fixture.timed(mia, "PAYROLL", "2026-03-02T08:00:00Z", "2026-03-02T10:30:00Z"));
        entry.put("notes", "Called Mia's manager about her leave");
        fx.asManager().body(entry).post("/api/time/entries").then().statusCode(201);
        fx.asManager().body(Map.of("employeeId", mia, "occurredAt", "2026-03-02T09:00:00Z", "kind", "HR_QUESTION", "minutes", 5,
                "note", "Mia asked about her payslip")).post("/api/time/interruptions").then().statusCode(201);
    }

    @Test
    void erasureReplacesNameEmailAndLoginsAndKeepsEveryHour() {
        String etag = fx.asAdmin().get("/api/time/employees/" + mia).then().statusCode(200).extract().header("ETag");
        fx.asAdmin().header("If-Match", etag).post("/api/time/employees/" + mia + "/erasure").then().statusCode(200)
                .body("employeeId", equalTo((int) mia)).body("entryNotesRemoved", equalTo(1))
                .body("interruptionNotesRemoved", equalTo(1));

        fx.asAdmin().get("/api/time/employees/" + mia).then().statusCode(200)
                .body("name", equalTo("Erased employee " + mia)).body("email", equalTo("erased-" + mia + "@erased.invalid"))
                .body("subject", nullValue()).body("active", equalTo(false)).body("erasedAt", org.hamcrest.Matchers.notNullValue());
        fx.asAdmin().get("/api/time/employees/" + mia + "/logins").then().statusCode(200)
                .body("items[0].subject", equalTo("erased"));
        fx.asManager().queryParam("from", "2026-03-02").queryParam("to", "2026-03-03").get("/api/time/entries")
                .then().statusCode(200).body("items[0].durationMinutes", equalTo(150.0f)).body("items[0].notes", nullValue());
        fx.asManager().queryParam("from", "2026-03-02").queryParam("to", "2026-03-03").queryParam("groupBy", "employee")
                .get("/api/time/reports/hours").then().statusCode(200).body("totalSeconds", equalTo(9000));
        // The login that was theirs no longer reaches the record.
        fx.as(fx.staffToken("mia")).get("/api/time/employees/me").then().statusCode(403);
    }

    @Test
    void erasureIsForTheTenantsAdminOnlyAndHonoursIfMatch() {
        fx.asManager().post("/api/time/employees/" + mia + "/erasure").then().statusCode(403);
        Fixture.tenant("UTC").asAdmin().post("/api/time/employees/" + mia + "/erasure").then().statusCode(404);
        fx.asAdmin().header("If-Match", "\"99\"").post("/api/time/employees/" + mia + "/erasure").then().statusCode(412);
        fx.asAdmin().get("/api/time/employees/" + mia).then().statusCode(200).body("name", equalTo("Employee mia"));
    }
}
