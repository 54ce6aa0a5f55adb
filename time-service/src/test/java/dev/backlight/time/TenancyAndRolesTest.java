package dev.backlight.time;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
class TenancyAndRolesTest {

    Fixture a;
    Fixture b;
    long alex;
    long entryOfA;

    @BeforeEach
    void setUp() {
        a = Fixture.tenant("Europe/Paris");
        b = Fixture.tenant("Europe/Paris");
        alex = a.employee("alex");
        a.asAdmin().body(Map.of("code", "ACME", "name", "Acme")).post("/api/time/clients").then().statusCode(201);
        entryOfA = a.asManager().body(Map.of("employeeId", alex, "functionCode", "INVOICING", "clientCode", "ACME",
                        "workDate", "2026-03-04", "durationMinutes", 120))
                .post("/api/time/entries").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void anotherTenantsObjectsAnswer404() {
        b.asManager().get("/api/time/entries/" + entryOfA).then().statusCode(404).contentType("application/problem+json");
        b.asManager().body(Map.of("functionCode", "OTHER", "workDate", "2026-03-04", "durationMinutes", 10))
                .put("/api/time/entries/" + entryOfA).then().statusCode(404);
        b.asManager().delete("/api/time/entries/" + entryOfA).then().statusCode(404);
        b.asAdmin().get("/api/time/employees/" + alex).then().statusCode(404);
        b.asAdmin().get("/api/time/clients/ACME").then().statusCode(404);
        b.asManager().get("/api/time/timesheets/" + alex + "/2026-03-02").then().statusCode(404);
        b.asManager().body(Map.of("employeeId", alex, "functionCode", "OTHER", "workDate", "2026-03-04", "durationMinutes", 10))
                .post("/api/time/entries").then().statusCode(400).body("errors.field", hasItem("employeeId"));
        a.asManager().get("/api/time/entries/" + entryOfA).then().statusCode(200);
    }

    @Test
    void anotherTenantsDataNeverAppearsInListsAggregatesOrExports() {
        b.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").get("/api/time/entries")
                .then().statusCode(200).body("total", equalTo(0));
        b.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").queryParam("groupBy", "client")
                .get("/api/time/reports/hours").then().statusCode(200).body("rows", hasSize(0)).body("totalSeconds", equalTo(0));
        String csv = b.as(b.analystToken).accept("text/csv").queryParam("from", "2026-03-01").queryParam("to", "2026-04-01")
                .get("/api/time/entries/export").then().statusCode(200).extract().asString();
        assertEquals(1, csv.lines().count(), csv);
        b.asAdmin().get("/api/time/employees").then().statusCode(200).body("items.id", not(hasItem((int) alex)));
        b.asAdmin().get("/api/time/clients").then().statusCode(200).body("items", hasSize(0));
        a.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").queryParam("groupBy", "client")
                .get("/api/time/reports/hours").then().statusCode(200).body("rows[0].clientCode", equalTo("ACME"))
                .body("rows[0].seconds", equalTo(7200));
    }

    @Test
    void staffSeeOnlyTheirOwnTime() {
        long blake = a.employee("blake");
        String blakeToken = a.staffToken("blake");
        a.as(blakeToken).get("/api/time/entries/" + entryOfA).then().statusCode(404);
        a.as(blakeToken).queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").get("/api/time/entries")
                .then().statusCode(200).body("total", equalTo(0));
        a.as(blakeToken).queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").queryParam("employeeId", alex)
                .get("/api/time/entries").then().statusCode(403);
        a.as(blakeToken).body(Map.of("employeeId", alex, "functionCode", "OTHER", "workDate", "2026-03-04", "durationMinutes", 10))
                .post("/api/time/entries").then().statusCode(403);
        a.as(blakeToken).body(Map.of("functionCode", "OTHER", "workDate", "2026-03-04", "durationMinutes", 10))
                .post("/api/time/entries").then().statusCode(201).body("employeeId", equalTo((int) blake));
        a.as(blakeToken).get("/api/time/employees").then().statusCode(403);
        a.as(blakeToken).get("/api/time/employees/me").then().statusCode(200).body("id", equalTo((int) blake));
    }

    @Test
    void rolesLimitWhatEachCallerMayDo() {
        a.as(a.analystToken).body(Map.of("employeeId", alex, "functionCode", "OTHER", "workDate", "2026-03-04", "durationMinutes", 10))
                .post("/api/time/entries").then().statusCode(403).contentType("application/problem+json");
        a.as(a.analystToken).queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").get("/api/time/entries")
                .then().statusCode(200).body("total", equalTo(1));
        a.asManager().body(Map.of("code", "NEW", "name", "New")).post("/api/time/clients").then().statusCode(403);
        given().get("/api/time/entries/" + entryOfA).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"));
        given().auth().oauth2("not-a-jwt").get("/api/time/tenant").then().statusCode(401)
                .contentType("application/problem+json");
        String root = TestTokens.token(null, "root", "platform-admin");
        given().auth().oauth2(root).get("/api/time/tenant").then().statusCode(403);
        given().auth().oauth2(root).get("/api/time/tenants").then().statusCode(200).body("items.id", hasItem(a.tenant));
        a.asAdmin().get("/api/time/tenants").then().statusCode(403);
        String lost = TestTokens.token(a.tenant, "nobody", "staff");
        a.as(lost).get("/api/time/employees/me").then().statusCode(403).body("detail", containsString("No employee"));
    }

    @Test
    void aTokenIssuedForAnotherAudienceIsRefused() {
        String accountConsole = TestTokens.tokenForAudience("account", a.tenant, "manager-" + a.tenant, "manager");
        a.as(accountConsole).get("/api/time/tenant").then().statusCode(401).contentType("application/problem+json");
        a.asManager().get("/api/time/tenant").then().statusCode(200);
    }

    @Test
    void aDeactivatedEmployeeCapturesNoMoreTime() {
        String alexToken = a.staffToken("alex");
        a.as(alexToken).body(Map.of("functionCode", "REPORTING", "workDate", "2026-03-05", "durationMinutes", 30))
                .post("/api/time/entries").then().statusCode(201);
        a.asAdmin().body(Map.of("name", "Employee alex", "email", "alex@" + a.tenant + ".example", "subject", "alex",
                "team", "WFM", "active", false)).put("/api/time/employees/" + alex).then().statusCode(200);

        a.as(alexToken).body(Map.of("functionCode", "REPORTING", "workDate", "2026-03-06", "durationMinutes", 30))
                .post("/api/time/entries").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("deactivated"));
        a.as(alexToken).body(Map.of("functionCode", "REPORTING")).post("/api/time/timers/start").then().statusCode(403);
        a.as(alexToken).body(Map.of("kind", "AGENT_QUESTION", "minutes", 3)).post("/api/time/interruptions").then().statusCode(403);
        a.as(alexToken).post("/api/time/timesheets/" + alex + "/2026-03-02/submit").then().statusCode(403);
        // Reading their past time is still possible.
        a.as(alexToken).queryParam("from", "2026-03-01").queryParam("to", "2026-03-31").get("/api/time/entries")
                .then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void analystsReadHoursByEmployeeButNotTheExactTimeline() {
        a.as(a.analystToken).queryParam("from", "2026-03-01").queryParam("to", "2026-03-31").queryParam("groupBy", "employee")
                .get("/api/time/reports/hours").then().statusCode(200);
        a.as(a.analystToken).queryParam("from", "2026-03-01").queryParam("to", "2026-03-31")
                .get("/api/time/reports/timeline").then().statusCode(403).contentType("application/problem+json");
        a.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-03-31")
                .get("/api/time/reports/timeline").then().statusCode(200);
    }
}
