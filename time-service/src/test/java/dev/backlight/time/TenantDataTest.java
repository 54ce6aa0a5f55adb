package dev.backlight.time;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backlight.testing.PostgresTestResource;
import dev.backlight.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A tenant's records in time-service: exported by its admin, counted and deleted by a platform admin, no one else's touched. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestTokens.class)
class TenantDataTest {

    private static final String PLATFORM = TestTokens.token(null, "platform-root", "platform-admin");

    @Test
    void aTenantIsExportedWholeThenDeletedFromEveryTableAndOthersKeepTheirs() {
        Fixture doomed = Fixture.tenant("UTC");
        Fixture kept = Fixture.tenant("UTC");
        for (Fixture fx : List.of(doomed, kept)) {
            long id = fx.employee("eve");
            fx.asManager().body(Fixture.timed(id, "PAYROLL", "2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z"))
                    .post("/api/time/entries").then().statusCode(201);
        }

        List<String> lines = doomed.asAdmin().accept("application/x-ndjson").get("/api/time/tenant-data").then().statusCode(200)
                .extract().asString().lines().toList();
        List<String> tables = lines.stream().map(TenantDataTest::table).distinct().toList();
        assertTrue(tables.containsAll(List.of("tenant", "employee", "time_entry", "daily_hours", "work_function")), tables.toString());
        assertTrue(lines.stream().noneMatch(line -> line.contains(kept.tenant)), "nothing of another tenant");

        Map<String, Integer> before = given().auth().oauth2(PLATFORM).get("/api/time/tenant-data/" + doomed.tenant)
                .then().statusCode(200).extract().jsonPath().getMap("");
        assertEquals(1, before.get("time_entry"));
        doomed.asAdmin().delete("/api/time/tenant-data/" + doomed.tenant).then().statusCode(403);
        Map<String, Integer> deleted = given().auth().oauth2(PLATFORM).delete("/api/time/tenant-data/" + doomed.tenant)
                .then().statusCode(200).extract().jsonPath().getMap("");
        assertEquals(before, deleted);

        Map<String, Integer> after = given().auth().oauth2(PLATFORM).get("/api/time/tenant-data/" + doomed.tenant)
                .then().statusCode(200).extract().jsonPath().getMap("");
        assertTrue(after.values().stream().allMatch(n -> n == 0), after.toString());
        given().auth().oauth2(PLATFORM).get("/api/time/tenant-data/" + kept.tenant).then().statusCode(200)
                .body("time_entry", equalTo(1)).body("daily_hours", equalTo(1)).body("tenant", equalTo(1));
    }

    private static String table(String line) {
        try {
            JsonNode table = new ObjectMapper().readTree(line).get("table");
            if (table == null) {
                throw new AssertionError("a line without its table: " + line);
            }
            return table.asText();
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
