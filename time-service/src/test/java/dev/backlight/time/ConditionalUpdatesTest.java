package dev.backlight.time;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.backlight.testing.PostgresTestResource;
import dev.backlight.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Reads carry the object's version as an ETag; a change or deletion sent with If-Match applies only to that
 * version, so two people editing the same object never silently overwrite each other (412 for the later one).
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestTokens.class)
class ConditionalUpdatesTest {

    Fixture fx;
    long dana;

    @BeforeEach
    void setUp() {
        fx = Fixture.tenant("Europe/London");
        dana = fx.employee("dana");
    }

    @Test
    void aChangeBasedOnAnOldVersionOfAnEntryIsRefused() {
        Map<String, Object> entry = Map.of("employeeId", dana, "functionCode", "REPORTING", "workDate", "2026-03-02",
                "durationMinutes", 60);
        long id = fx.asManager().body(entry).post("/api/time/entries").then().statusCode(201)
                .header("ETag", "\"0\"").extract().jsonPath().getLong("id");
        String read = fx.asManager().get("/api/time/entries/" + id).then().statusCode(200).extract().header("ETag");

        Map<String, Object> longer = Map.of("employeeId", dana, "functionCode", "REPORTING", "workDate", "2026-03-02",
                "durationMinutes", 90);
        String afterFirst = fx.asManager().header("If-Match", read).body(longer).put("/api/time/entries/" + id).then()
                .statusCode(200).body("durationMinutes", equalTo(90.0f)).extract().header("ETag");
        // A colleague who read the entry before that change is refused, and the first change stands.
        fx.asManager().header("If-Match", read).body(entry).put("/api/time/entries/" + id).then().statusCode(412)
                .contentType("application/problem+json").body("errors.field", hasItem("If-Match"))
                .body("currentETag", equalTo(afterFirst));
        fx.asManager().header("If-Match", read).delete("/api/time/entries/" + id).then().statusCode(412);
        fx.asManager().get("/api/time/entries/" + id).then().body("durationMinutes", equalTo(90.0f));
        fx.asManager().header("If-Match", afterFirst).delete("/api/time/entries/" + id).then().statusCode(204);
    }

    @Test
    void employeesAndTheTenantProfileHonourIfMatch() {
        String read = fx.asAdmin().get("/api/time/employees/" + dana).then().statusCode(200).extract().header("ETag");
        Map<String, Object> renamed = Map.of("name", "Dana W.", "email", "dana@" + fx.tenant + ".example", "subject", "dana");
        fx.asAdmin().header("If-Match", read).body(renamed).put("/api/time/employees/" + dana).then().statusCode(200);
        fx.asAdmin().header("If-Match", read).body(renamed).put("/api/time/employees/" + dana).then().statusCode(412);

        String profile = fx.asAdmin().get("/api/time/tenant").then().statusCode(200).extract().header("ETag");
        Map<String, Object> settings = Map.of("name", "Renamed", "timeZone", "Europe/London", "currency", "GBP");
        fx.asAdmin().header("If-Match", profile).body(settings).put("/api/time/tenant").then().statusCode(200)
                .body("currency", equalTo("GBP"));
        fx.asAdmin().header("If-Match", profile).body(settings).put("/api/time/tenant").then().statusCode(412);
        // Without If-Match the change applies to whatever is current.
        fx.asAdmin().body(settings).put("/api/time/tenant").then().statusCode(200);
    }

    @Test
    void functionsAndClientsHonourIfMatch() {
        String function = fx.asAdmin().get("/api/time/functions/REPORTING").then().statusCode(200).extract().header("ETag");
        fx.asAdmin().header("If-Match", function).body(Map.of("name", "Reporting and BI")).put("/api/time/functions/REPORTING")
                .then().statusCode(200);
        fx.asAdmin().header("If-Match", function).body(Map.of("name", "Reports")).put("/api/time/functions/REPORTING")
                .then().statusCode(412);

        fx.asAdmin().body(Map.of("code", "ACME", "name", "Acme")).post("/api/time/clients").then().statusCode(201);
        String client = fx.asAdmin().get("/api/time/clients/ACME").then().statusCode(200).extract().header("ETag");
        fx.asAdmin().header("If-Match", client).body(Map.of("name", "Acme Ltd", "active", true)).put("/api/time/clients/ACME")
                .then().statusCode(200);
        fx.asAdmin().header("If-Match", client).body(Map.of("name", "Acme", "active", false)).put("/api/time/clients/ACME")
                .then().statusCode(412);
        fx.asAdmin().get("/api/time/clients/ACME").then().body("active", equalTo(true));
    }
}
