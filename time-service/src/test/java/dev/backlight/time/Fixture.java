package dev.backlight.time;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.backlight.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A fresh tenant per test, with people in each role, set up through the public API. */
final class Fixture {

    final String tenant;
    final String adminToken;
    final String managerToken;
    final String analystToken;

    private Fixture(String tenant) {
        this.tenant = tenant;
        this.adminToken = TestTokens.token(tenant, "admin-" + tenant, "tenant-admin");
        this.managerToken = TestTokens.token(tenant, "manager-" + tenant, "manager");
        this.analystToken = TestTokens.token(tenant, "analyst-" + tenant, "analyst");
    }

    static Fixture tenant(String timeZone) {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 12);
        given().auth().oauth2(TestTokens.token(null, "platform-root", "platform-admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Tenant " + id, "timeZone", timeZone, "currency", "USD",
                        "agents", 50, "employees", 65))
                .post("/api/time/tenants").then().statusCode(201);
        return new Fixture(id);
    }

    /** Adds an employee who logs in as {@code subject}; returns their id. */
    long employee(String subject) {
        return given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body(Map.of("name", "Employee " + subject, "email", subject + "@" + tenant + ".example",
                        "subject", subject, "team", "WFM"))
                .post("/api/time/employees").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    String staffToken(String subject) {
        return TestTokens.token(tenant, subject, "staff");
    }

    RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    RequestSpecification asAdmin() {
        return as(adminToken);
    }

    RequestSpecification asManager() {
        return as(managerToken);
    }

    /** Polls the import job that {@code accepted} (a 202) names until it has finished, and answers it. */
    JsonPath finishedImport(Response accepted) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonPath job = asManager().get(accepted.header("Location")).then().statusCode(200).extract().jsonPath();
            if (job.getString("finishedAt") != null) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the import did not finish within 60 s");
    }

    /** A timed entry body. */
    static Map<String, Object> timed(long employeeId, String function, String start, String end) {
        return Map.of("employeeId", employeeId, "functionCode", function, "startedAt", start, "endedAt", end);
    }
}
