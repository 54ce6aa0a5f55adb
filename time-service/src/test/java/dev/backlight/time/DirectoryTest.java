package dev.backlight.time;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestTokens.class)
class DirectoryTest {

    Fixture fx;

    @BeforeEach
    void setUp() {
        fx = Fixture.tenant("America/Los_Angeles");
    }

    @Test
    void newTenantStartsWithTheSeedsFunctionsCatalog() {
        fx.asManager().get("/api/time/functions").then().statusCode(200).body("items", hasSize(10))
                .body("items.code", equalTo(List.of("SCHEDULING", "TIMESHEET_REVIEW", "PAYROLL", "QA_EVALUATION",
                        "REPORTING", "ONBOARDING", "LEAVE_MANAGEMENT", "INVOICING", "COMPLIANCE", "OTHER")))
                .body("items.find { it.code == 'PAYROLL' }.productivityMetric", equalTo("Hours per pay cycle per 100 employees"))
                .body("items.find { it.code == 'QA_EVALUATION' }.qualityCheck", equalTo("Inter-rater reliability score"));
    }

    @Test
    void adminsAddRenameAndRetireFunctions() {
        fx.asAdmin().body(Map.of("code", "CLIENT_ONBOARDING", "details", Map.of("name", "Client onboarding", "outputUnit", "Launches")))
                .post("/api/time/functions").then().statusCode(201).body("builtIn", equalTo(false));
        fx.asAdmin().body(Map.of("code", "CLIENT_ONBOARDING", "details", Map.of("name", "Again")))
                .post("/api/time/functions").then().statusCode(409);
        fx.asAdmin().body(Map.of("name", "Schedules (WFM)", "outputUnit", "Schedules published"))
                .put("/api/time/functions/SCHEDULING").then().statusCode(200).body("name", equalTo("Schedules (WFM)"));
        fx.asAdmin().post("/api/time/functions/ONBOARDING/retire").then().statusCode(200);
        fx.asManager().get("/api/time/functions").then().body("items.code", not(hasItem("ONBOARDING")));
        fx.asManager().queryParam("includeRetired", true).get("/api/time/functions").then().body("items.code", hasItem("ONBOARDING"));
        fx.asAdmin().post("/api/time/functions/ONBOARDING/reinstate").then().statusCode(200);
        fx.asAdmin().body(Map.of("code", "lower", "details", Map.of("name", "x"))).post("/api/time/functions")
                .then().statusCode(400).body("errors.field", hasItem("code"));
        fx.asAdmin().post("/api/time/functions/NOPE/retire").then().statusCode(404);
    }

    @Test
    void employeesAreValidatedAndUniqueByEmailAndLogin() {
        long id = fx.employee("eve");
        fx.asAdmin().body(Map.of("name", "Eve Two", "email", "eve@" + fx.tenant + ".example"))
                .post("/api/time/employees").then().statusCode(409).body("field", equalTo("email"));
        fx.asAdmin().body(Map.of("name", "No mail", "email", "not-an-email")).post("/api/time/employees")
                .then().statusCode(400).body("errors.field", hasItem("email"));
        fx.asAdmin().body(Map.of("name", "Zone", "email", "z@x.example", "timeZone", "Mars/Olympus"))
                .post("/api/time/employees").then().statusCode(400).body("errors.field", hasItem("timeZone"));
        fx.asAdmin().body(Map.of("name", "Hours", "email", "h@x.example", "workStart", "17:00:00", "workEnd", "09:00:00"))
                .post("/api/time/employees").then().statusCode(400).body("errors.field", hasItem("workEnd"));
        fx.asAdmin().body(Map.of("name", "Eve", "email", "eve@" + fx.tenant + ".example", "subject", "eve", "active", false))
                .put("/api/time/employees/" + id).then().statusCode(200).body("active", equalTo(false))
                .body("timeZone", equalTo("America/Los_Angeles")).body("weeklyContractHours", equalTo(40));
        fx.asAdmin().get("/api/time/employees").then().body("items.id", not(hasItem((int) id)));
        fx.asAdmin().queryParam("includeInactive", true).get("/api/time/employees").then().body("items.id", hasItem((int) id));
    }

    @Test
    void tenantProfileAndHeadcountAreEffectiveDated() {
        fx.asAdmin().body(Map.of("effectiveFrom", "2030-01-01", "agents", 100, "employees", 120))
                .put("/api/time/tenant/headcount").then().statusCode(200);
        fx.asAdmin().body(Map.of("effectiveFrom", "2030-01-01", "agents", 100, "employees", 120))
                .put("/api/time/tenant/headcount").then().statusCode(200);
        fx.asManager().queryParam("date", "2030-02-01").get("/api/time/tenant/headcount/effective").then().statusCode(200)
                .body("agents", equalTo(100));
        fx.asManager().queryParam("date", "2029-12-31").get("/api/time/tenant/headcount/effective").then().statusCode(200)
                .body("agents", equalTo(50));
        fx.asManager().get("/api/time/tenant/headcount").then().body("items", hasSize(2));
        fx.asAdmin().body(Map.of("name", "X", "timeZone", "America/Los_Angeles", "currency", "XYZ"))
                .put("/api/time/tenant").then().statusCode(400).body("errors.field", hasItem("currency"));
        fx.asAdmin().body(Map.of("effectiveFrom", "2030-01-01", "agents", -1, "employees", 1))
                .put("/api/time/tenant/headcount").then().statusCode(400).body("errors.field", hasItem("agents"));
    }

    @Test
    void provisioningValidatesAndRefusesATakenId() {
        String root = TestTokens.token(null, "root", "platform-admin");
        given().auth().oauth2(root).contentType(ContentType.JSON)
                .body(Map.of("id", fx.tenant, "name", "dup", "timeZone", "UTC", "currency", "USD", "agents", 1, "employees", 1))
                .post("/api/time/tenants").then().statusCode(409);
        given().auth().oauth2(root).contentType(ContentType.JSON)
                .body(Map.of("id", "Bad Id!", "name", "x", "timeZone", "Nowhere/City", "currency", "USD", "agents", 1, "employees", 1))
                .post("/api/time/tenants").then().statusCode(400).body("errors.field", hasItem("id"));
    }

    @TestHTTPResource("/api/time/clients")
    URI clients;

    /**
     * Sends only the headers of a 6 MB upload, as curl does for large bodies ({@code Expect: 100-continue}), and reads
     * what the server answers before any of the body is sent.
     */
    @Test
    void oversizedBodyIsRefusedWithAProblemBeforeItIsRead() throws Exception {
        String head = "POST " + clients.getPath() + " HTTP/1.1\r\n"
                + "Host: " + clients.getHost() + ":" + clients.getPort() + "\r\n"
                + "Authorization: Bearer " + fx.adminToken + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + 6 * 1024 * 1024 + "\r\n"
                + "Expect: 100-continue\r\n\r\n";
        String answer;
        try (Socket socket = new Socket(clients.getHost(), clients.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), answer);
        assertTrue(answer.contains("\"field\":\"body\""), answer);
        fx.asAdmin().get("/api/time/clients").then().statusCode(200).body("items", hasSize(0));
    }
}
