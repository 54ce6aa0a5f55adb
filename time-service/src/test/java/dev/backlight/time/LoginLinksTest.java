package dev.backlight.time;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.backlight.testing.PostgresTestResource;
import dev.backlight.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Logins link to their employees on their first call, by verified email or by a user name an administrator gave. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestTokens.class)
class LoginLinksTest {

    Fixture fx;

    @BeforeEach
    void setUp() {
        fx = Fixture.tenant("Europe/Paris");
    }

    /** An employee with no login yet; returns their id. */
    private long employeeWithoutLogin(String name) {
        return fx.asAdmin().body(Map.of("name", name, "email", name + "@" + fx.tenant + ".example"))
                .post("/api/time/employees").then().statusCode(201).body("subject", nullValue())
                .extract().jsonPath().getLong("id");
    }

    private String email(String name) {
        return name + "@" + fx.tenant + ".example";
    }

    @Test
    void aLoginsFirstCallLinksItToTheEmployeeOfItsVerifiedEmail() {
        long ana = employeeWithoutLogin("ana");
        String token = TestTokens.tokenWithEmail(fx.tenant, "sub-ana", "ana.k", email("ANA"), true, "staff");
        // The first call is a read (a session without a transaction): it links all the same.
        fx.as(token).queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").get("/api/time/entries").then()
                .statusCode(200).body("total", equalTo(0));
        fx.as(token).get("/api/time/employees/me").then().statusCode(200)
                .body("id", equalTo((int) ana)).body("subject", equalTo("sub-ana"));
        fx.as(token).get("/api/time/employees/me").then().statusCode(200).body("id", equalTo((int) ana));
        fx.asAdmin().get("/api/time/employees/" + ana + "/logins").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].subject", equalTo("sub-ana"))
                .body("items[0].linkedBy", containsString("verified email " + email("ANA")));
    }

    @Test
    void anUnverifiedEmailOrAnotherTenantsEmployeeLinksNothingAndTheRefusalSaysWhatToAsk() {
        employeeWithoutLogin("bo");
        fx.as(TestTokens.tokenWithEmail(fx.tenant, "sub-bo", "bo.user", email("bo"), false, "staff"))
                .get("/api/time/employees/me").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("Ask your tenant administrator"))
                .body("detail", containsString("bo.user"));
        Fixture other = Fixture.tenant("Europe/Paris");
        other.as(TestTokens.tokenWithEmail(other.tenant, "sub-bo-2", "bo.user", email("bo"), true, "staff"))
                .body(Map.of("functionCode", "REPORTING")).post("/api/time/timers/start").then().statusCode(403);
        fx.asAdmin().get("/api/time/employees?includeInactive=true").then().statusCode(200)
                .body("items.find { it.name == 'bo' }.subject", nullValue());
    }

    @Test
    void anAdministratorLinksAUserNameThatItsFirstCaptureCompletesAndCanUnlinkIt() throws InterruptedException {
        long cy = employeeWithoutLogin("cy");
        String etag = fx.asAdmin().get("/api/time/employees/" + cy).then().statusCode(200).extract().header("ETag");
        fx.asAdmin().header("If-Match", etag).body(Map.of("username", "cy.r")).put("/api/time/employees/" + cy + "/login")
                .then().statusCode(200).body("loginUsername", equalTo("cy.r"));
        long other = employeeWithoutLogin("dee");
        fx.asAdmin().body(Map.of("username", "CY.R")).put("/api/time/employees/" + other + "/login").then().statusCode(409)
                .body("employeeId", equalTo((int) cy));

        String token = TestTokens.tokenWithEmail(fx.tenant, "sub-cy", "cy.r", "not-the-directorys@example.com", false, "staff");
        fx.as(token).body(Map.of("functionCode", "REPORTING")).post("/api/time/timers/start").then().statusCode(200)
                .body("started.employeeId", equalTo((int) cy));
        fx.asAdmin().get("/api/time/employees/" + cy).then().statusCode(200)
                .body("subject", equalTo("sub-cy")).body("loginUsername", nullValue());
        fx.asAdmin().body(Map.of("username", "cy.other")).put("/api/time/employees/" + cy + "/login").then().statusCode(409);

        Thread.sleep(1100); // a timer stopped within its first second leaves no entry
        fx.as(token).body("{}").post("/api/time/timers/stop").then().statusCode(200);
        fx.asAdmin().delete("/api/time/employees/" + cy + "/login").then().statusCode(204);
        fx.asAdmin().get("/api/time/employees/" + cy).then().statusCode(200).body("subject", nullValue());
        fx.as(token).get("/api/time/employees/me").then().statusCode(403);
        fx.asAdmin().get("/api/time/employees/" + cy + "/logins").then().statusCode(200)
                .body("items[0].linkedBy", containsString("user name cy.r"))
                .body("items[0].unlinkedAt", notNullValue());
        fx.as(fx.staffToken("someone")).get("/api/time/employees/" + cy + "/logins").then().statusCode(403);
    }

    @Test
    void manyFirstCallsAtOnceLinkOnce() throws Exception {
        long eve = employeeWithoutLogin("eve");
        String token = TestTokens.tokenWithEmail(fx.tenant, "sub-eve", "eve", email("eve"), true, "staff");
        ExecutorService callers = Executors.newFixedThreadPool(6);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                answers.add(callers.submit(() -> fx.as(token).get("/api/time/employees/me").then().extract().statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            callers.shutdown();
        }
        fx.asAdmin().get("/api/time/employees/" + eve + "/logins").then().statusCode(200).body("items", hasSize(1));
    }
}
