package dev.backlight.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.backlight.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import dev.backlight.testing.UpstreamServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = UpstreamServices.class, initArgs = {
        @ResourceArg(name = "time-service", value = "../time-service/target/quarkus-app/quarkus-run.jar"),
        @ResourceArg(name = "metrics-service", value = "../metrics-service/target/quarkus-app/quarkus-run.jar"),
        @ResourceArg(name = "client-costing-service", value = "../client-costing-service/target/quarkus-app/quarkus-run.jar")})
@WithTestResource(TestTokens.class)
@WithTestResource(EchoUpstreams.class)
class GatewayTest {

    @Inject
    AgroalDataSource database;

    private static String newTenant() {
        String tenant = "g-" + UUID.randomUUID().toString().substring(0, 12);
        given().auth().oauth2(TestTokens.token(null, "root", "platform-admin")).contentType(ContentType.JSON)
                .body(Map.of("id", tenant, "name", "Gateway " + tenant, "timeZone", "Europe/Paris", "currency", "EUR",
                        "agents", 50, "employees", 60))
                .post("/api/time/tenants").then().statusCode(201);
        return tenant;
    }

    @Test
    void eachServicesPathsReachItWithTheCallersToken() {
        String manager = TestTokens.token(newTenant(), "m", "manager");
        given().auth().oauth2(manager).get("/api/time/tenant").then().statusCode(200).body("currency", equalTo("EUR"));
        given().auth().oauth2(manager).get("/api/metrics/benchmarks").then().statusCode(200)
                .body("items.find { it.functionCode == 'SCHEDULING' }.bands.standard", equalTo(true));
        given().auth().oauth2(manager).get("/api/costing/policy").then().statusCode(200).body("allocation", equalTo("NONE"));
        // The services' own answers pass through untouched, problems included.
        given().auth().oauth2(manager).queryParam("from", "2026-03-10").queryParam("to", "2026-03-01").get("/api/time/entries")
                .then().statusCode(400).contentType(containsString("application/problem+json"));
    }

    @Test
    void tokensAreCheckedAtTheEdge() {
        given().get("/api/time/tenant").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().auth().oauth2("not-a-token").get("/api/echo/anything").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
        String anotherClients = TestTokens.tokenForAudience("account", "t-any", "m", "manager");
        given().auth().oauth2(anotherClients).get("/api/time/tenant").then().statusCode(401)
                .contentType("application/problem+json");
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void anOverLongUriIsAProblemAndAnythingShorterReachesTheService() {
        String token = TestTokens.token(newTenant(), "m", "manager");
        int limit = ConfigProvider.getConfig().getValue("backlight.gateway.max-uri-length", Integer.class);
        String path = "/api/time/tenant?pad=";
        given().auth().oauth2(token).get(path + "y".repeat(limit + 1 - path.length())).then().statusCode(414)
                .contentType("application/problem+json").body("errors[0].field", equalTo("uri"));
        // The services' own HTTP codec takes whatever the gateway lets through.
        given().auth().oauth2(token).get(path + "y".repeat(limit - path.length())).then().statusCode(200);
    }

    @Test
    void aPathNoServiceServesIsAProblemNamingThoseThatAre() {
        String token = TestTokens.token(newTenant(), "m", "manager");
        given().auth().oauth2(token).get("/api/nowhere/at-all").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("/api/time"));
    }

    @Test
    void requestIdsAreAddedOrPassedOnAndBodiesStreamThrough() {
        String token = TestTokens.token(newTenant(), "m", "manager");
        given().auth().oauth2(token).get("/api/echo/hello?x=1").then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("requestId", matchesPattern("[0-9a-f-]{36}"))
                .body("authorization", equalTo(true))
                .body("path", equalTo("/api/echo/hello?x=1"));
        given().auth().oauth2(token).header("X-Request-Id", "from-the-web-app-42").contentType(ContentType.BINARY)
                .body(new byte[3_000_000]).post("/api/echo/upload").then().statusCode(200)
                .header("X-Request-Id", equalTo("from-the-web-app-42"))
                .body("requestId", equalTo("from-the-web-app-42"))
                .body("bodyBytes", equalTo(3_000_000));
    }

    @Test
    void aServiceThatIsDownOrSilentIsNamedInAProblem() {
        String token = TestTokens.token(newTenant(), "m", "manager");
        given().auth().oauth2(token).get("/api/down/anything").then().statusCode(503)
                .contentType(containsString("application/problem+json"))
                .header("Retry-After", equalTo("10"))
                .body("service", equalTo("down-service"));
        given().auth().oauth2(token).get("/api/echo/slow").then().statusCode(504)
                .contentType(containsString("application/problem+json"))
                .body("service", equalTo("echo-service"));
    }

    private static List<Integer> statusesOf(int requests, String token, String path) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(given().auth().oauth2(token).get(path).then().extract().statusCode());
        }
        return statuses;
    }

    @Test
    void oneUserCannotSpendTheirColleaguesBudget() {
        String tenant = newTenant();
        String script = TestTokens.token(tenant, "bi-script", "analyst");
        List<Integer> statuses = statusesOf(30, script, "/api/echo/ping");
        assertTrue(statuses.subList(0, 15).stream().allMatch(s -> s == 200), statuses.toString());
        assertTrue(statuses.stream().filter(s -> s == 429).count() >= 5, statuses.toString());
        given().auth().oauth2(script).get("/api/echo/ping").then().statusCode(429)
                .contentType(containsString("application/problem+json")).header("Retry-After", notNullValue())
                .body("type", equalTo("https://backlight.dev/problems/rate-limited"));
        // A colleague in the same tenant, and another tenant, are not slowed down by the script.
        given().auth().oauth2(TestTokens.token(tenant, "colleague", "manager")).get("/api/echo/ping").then().statusCode(200);
        given().auth().oauth2(TestTokens.token(newTenant(), "m", "manager")).get("/api/echo/ping").then().statusCode(200);
    }

    @Test
    void aTenantsUsersTogetherStayWithinTheTenantsBudget() {
        String tenant = newTenant();
        List<Integer> statuses = new ArrayList<>();
        for (String user : List.of("ana", "ben", "cy", "dan")) {
            statuses.addAll(statusesOf(15, TestTokens.token(tenant, user, "staff"), "/api/echo/ping"));
        }
        assertTrue(statuses.stream().filter(s -> s == 429).count() >= 3, statuses.toString());
        given().auth().oauth2(TestTokens.token(tenant, "eve", "staff")).get("/api/echo/ping").then().statusCode(429);
        given().auth().oauth2(TestTokens.token(newTenant(), "eve", "staff")).get("/api/echo/ping").then().statusCode(200);
    }

    @Test
    void expensiveRequestsSpendMoreOfTheBudget() {
        String tenant = newTenant();
        String reader = TestTokens.token(tenant, "reader", "analyst");
        assertEquals(List.of(200, 200, 429), statusesOf(3, reader, "/api/echo/heavy"));
        given().auth().oauth2(reader).get("/api/echo/heavy").then().statusCode(429)
                .body("detail", containsString("costs 10"));
        // The same budget holds twenty simple reads.
        assertTrue(statusesOf(20, TestTokens.token(tenant, "browser", "analyst"), "/api/echo/ping").stream()
                .allMatch(s -> s == 200));
    }

    @Test
    void theBudgetsAreRowsEveryReplicaShares() throws Exception {
        String tenant = newTenant();
        given().auth().oauth2(TestTokens.token(tenant, "m", "manager")).get("/api/echo/ping").then().statusCode(200);
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT id FROM gateway.rate_limit_bucket WHERE id IN (?, ?) AND state IS NOT NULL")) {
            query.setString(1, "tenant:" + tenant);
            query.setString(2, "user:" + tenant + ":m");
            try (ResultSet rows = query.executeQuery()) {
                int found = 0;
                while (rows.next()) {
                    found++;
                }
                assertEquals(2, found, "one bucket for the tenant and one for the user");
            }
        }
    }

    @Test
    void webFrontEndsGetCors() {
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/time/entries").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:3000"));
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/time/entries").then().header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void oneOpenApiDocumentDescribesTheWholeApi() throws Exception {
        String document = given().get("/openapi").then().statusCode(200)
                .body("info.title", equalTo("Backlight API"))
                .body("paths", hasKey("/api/time/entries"))
                .body("paths", hasKey("/api/metrics/baseline"))
                .body("paths", hasKey("/api/costing/profitability"))
                .body("components.schemas", hasKey("Problem"))
                .body("x-services-unavailable", hasItem("down-service"))
                .extract().asString();
        given().get("/q/swagger-ui/").then().statusCode(200);
        // Swagger UI signs in with Keycloak: the public web client, authorization code with PKCE, on every operation.
        JsonPath gathered = JsonPath.from(document);
        assertEquals("https://auth.backlight.test/realms/backlight/protocol/openid-connect/auth",
                gathered.getString("components.securitySchemes.keycloak.flows.authorizationCode.authorizationUrl"));
        assertEquals(List.of(), gathered.getList("paths.'/api/time/entries'.post.security.find { it.keycloak != null }.keycloak"));
        String swaggerUi = given().get("/q/swagger-ui/index.html").then().statusCode(200).extract().asString();
        assertTrue(swaggerUi.contains("backlight-web") && swaggerUi.contains("usePkceWithAuthorizationCodeGrant"), swaggerUi);
        // Every operation of the whole API has a name of its own, which generated clients use.
        List<String> operationIds = new ArrayList<>();
        Map<String, Map<String, Map<String, Object>>> paths = JsonPath.from(document).getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) ->
                operationIds.add(String.valueOf(operation.get("operationId")))));
        assertTrue(operationIds.size() > 90, operationIds.toString());
        assertEquals(operationIds.size(), new HashSet<>(operationIds).size(), "operationIds repeat: " + operationIds);
        assertTrue(operationIds.stream().noneMatch("null"::equals), "operations without an operationId");
        // The document as served, for CI's contract checks (linting, a generated client that must compile).
        Files.writeString(Path.of("target", "openapi.json"), document);
    }

    @Test
    void healthReportsEachServiceBehindTheGateway() {
        given().get("/q/health/group/downstream").then().statusCode(503)
                .body("checks[0].data.time-service", equalTo("UP"))
                .body("checks[0].data.metrics-service", equalTo("UP"))
                .body("checks[0].data.client-costing-service", equalTo("UP"))
                .body("checks[0].data.down-service", equalTo("DOWN"));
    }

    @Test
    void aBodyOverTheServicesLimitIsRefusedHereBeforeItIsForwarded() throws Exception {
        String token = TestTokens.token(newTenant(), "admin", "tenant-admin");
        String head = "POST /api/time/entries/import HTTP/1.1\r\n"
                + "Host: localhost:" + RestAssured.port + "\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + "Content-Type: text/csv\r\n"
                + "Content-Length: " + 6 * 1024 * 1024 + "\r\n\r\n";
        String answer = exchange(head);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), answer);
        assertTrue(answer.contains("\"field\":\"body\"") && answer.contains("time-service"), answer);
    }

    @Test
    void aStreamedImportLargerThanOrdinaryBodiesPassesThrough() {
        String tenant = newTenant();
        StringBuilder csv = new StringBuilder("externalRef,employeeEmail,functionCode,workDate,durationMinutes,notes\n");
        while (csv.length() < 6 * 1024 * 1024) {
            csv.append("ref-").append(csv.length()).append(",nobody@example.com,OTHER,2026-03-02,5,").append("n".repeat(60)).append('\n');
        }
        given().auth().oauth2(TestTokens.token(tenant, "admin", "tenant-admin")).contentType("text/csv")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8)).post("/api/time/entries/imports")
                .then().statusCode(202).header("Location", startsWith("/api/time/entries/imports/"));
    }

    /** Sends {@code head} as it is, bytes a well-behaved client would refuse to send, and reads the whole answer. */
    private static String exchange(String head) {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theBodyLimitsCheckedHereAreTheServicesOwn() throws Exception {
        for (String service : List.of("time-service", "metrics-service", "client-costing-service")) {
            Properties own = new Properties();
            try (var in = Files.newInputStream(Path.of("..", service, "src/main/resources/application.properties"))) {
                own.load(in);
            }
            var gateway = ConfigProvider.getConfig();
            String prefix = "backlight.gateway.services." + service + ".";
            String streamedPaths = own.getProperty("backlight.http.streamed-body-paths");
            assertEquals(own.getProperty("backlight.http.max-body-size", own.getProperty("quarkus.http.limits.max-body-size")),
                    gateway.getValue(prefix + "max-body-size", String.class), service);
            assertEquals(streamedPaths, gateway.getOptionalValue(prefix + "streamed-body-paths", String.class).orElse(null), service);
            if (streamedPaths != null) {
                assertEquals(own.getProperty("quarkus.http.limits.max-body-size"),
                        gateway.getValue(prefix + "streamed-max-body-size", String.class), service);
            }
        }
    }
}
