package dev.backlight.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a user does, against the whole suite as the README's run command starts it (real Keycloak, PostgreSQL, the
 * three services, the gateway, demo data): log in through Keycloak, then through the gateway only capture time,
 * record output, read the baseline and a client's margin, and see that another tenant's user sees none of it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** A past Sunday: the demo tenants log no time on weekends, so whatever shows up that day was made by this test. */
    private static final LocalDate DAY = LocalDate.now().minusWeeks(8).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
    private static final LocalDate NEXT_DAY = DAY.plusDays(1);

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final DataDirectory DATA = DataDirectory.of(Path.of("target/e2e-data"));

    private static LocalSuite suite;
    private static URI gateway;
    private static KeycloakLogins logins;

    @BeforeAll
    static void startTheSuite() throws Exception {
        DATA.delete();
        suite = new LocalSuite();
        suite.start(ROOT, DATA, false);
        gateway = suite.gatewayUri();
        logins = suite.logins();
    }

    @AfterAll
    static void stopTheSuite() throws IOException {
        if (suite != null) {
            suite.close();
        }
        DATA.delete();
    }

    private record Answer(int status, JsonNode body) {
    }

    private static Answer call(String method, String path, String token, Object body) throws IOException, InterruptedException {
        return call(gateway, method, path, token, body);
    }

    private static Answer call(URI at, String method, String path, String token, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(at.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isBlank() ? null : JSON.readTree(response.body()));
    }

    @Test
    void aUserCapturesTimeRecordsOutputAndReadsTheBaselineThroughTheGateway() throws Exception {
        String admin = logins.token(DemoData.CALL_CENTER, "tenant-admin");
        String manager = logins.token(DemoData.CALL_CENTER, "manager");
        String subject = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        Answer employee = call("POST", "/api/time/employees", admin, Map.of("name", "End To End", "email", subject + "@northwind-cc.example",
                "subject", subject, "team", "Reporting"));
        assertEquals(201, employee.status(), String.valueOf(employee.body()));
        long employeeId = employee.body().get("id").asLong();

        Answer entry = call("POST", "/api/time/entries", manager, Map.of("employeeId", employeeId, "functionCode", "INVOICING",
                "workDate", DAY.toString(), "durationMinutes", 90));
        assertEquals(201, entry.status(), String.valueOf(entry.body()));
        Answer output = call("POST", "/api/metrics/outputs", manager, Map.of("functionCode", "INVOICING", "employeeId", employeeId,
                "periodStart", DAY.toString(), "units", 1));
        assertEquals(201, output.status(), String.valueOf(output.body()));

        Answer baseline = call("GET", "/api/metrics/baseline?from=" + DAY + "&to=" + NEXT_DAY, manager, null);
        assertEquals(200, baseline.status(), String.valueOf(baseline.body()));
        JsonNode invoicing = baseline.body().get("functions").get(0);
        assertEquals("INVOICING", invoicing.get("functionCode").asText());
        assertEquals(0, new BigDecimal("1.5").compareTo(invoicing.get("hoursPerUnit").decimalValue()));
        assertEquals("REASONABLE", invoicing.get("benchmark").get("band").asText());

        // Another tenant's manager sees none of it: the entry is not found and the same day has no output.
        String otherManager = logins.token(DemoData.BPO, "manager");
        assertEquals(404, call("GET", "/api/time/entries/" + entry.body().get("id").asLong(), otherManager, null).status());
        Answer theirOutputs = call("GET", "/api/metrics/outputs?from=" + DAY + "&to=" + NEXT_DAY, otherManager, null);
        assertEquals(200, theirOutputs.status());
        assertEquals(0, theirOutputs.body().get("total").asLong(), theirOutputs.body().toString());
        Answer theirBaseline = call("GET", "/api/metrics/baseline?from=" + DAY + "&to=" + NEXT_DAY, otherManager, null);
        assertEquals(0, theirBaseline.body().get("functions").size());
    }

    @Test
    void theBposDemoClientsShowTheSeedsMargins() throws Exception {
        YearMonth lastMonth = YearMonth.now().minusMonths(1);
        Answer report = call("GET", "/api/costing/profitability?from=" + lastMonth + "&to=" + lastMonth,
                logins.token(DemoData.BPO, "manager"), null);
        assertEquals(200, report.status(), String.valueOf(report.body()));
        JsonNode clientB = null;
        for (JsonNode client : report.body().get("clients")) {
            if (client.get("clientCode").asText().equals("CLIENT-B")) {
                clientB = client;
            }
        }
        assertTrue(clientB != null, String.valueOf(report.body()));
        assertEquals(0, new BigDecimal("200").compareTo(clientB.get("directHours").decimalValue()));
        assertEquals(0, new BigDecimal("10000").compareTo(clientB.get("grossMargin").decimalValue()));
        assertEquals(0, new BigDecimal("20").compareTo(clientB.get("marginPercent").decimalValue()));

        Answer fromTheCallCenter = call("GET", "/api/costing/profitability?from=" + lastMonth + "&to=" + lastMonth,
                logins.token(DemoData.CALL_CENTER, "manager"), null);
        assertEquals(0, fromTheCallCenter.body().get("clients").size());
    }

    @Test
    void staffSeeOnlyThemselvesAndTokensAreRequired() throws Exception {
        Answer me = call("GET", "/api/time/employees/me", logins.token(DemoData.CALL_CENTER, "staff"), null);
        assertEquals(200, me.status(), String.valueOf(me.body()));
        assertEquals("Dana Whitfield", me.body().get("name").asText());
        assertEquals(403, call("GET", "/api/time/employees", logins.token(DemoData.CALL_CENTER, "staff"), null).status());
        assertEquals(401, call("GET", "/api/time/tenant", "not-a-token", null).status());
    }

    @Test
    void aLoginsFirstCallLinksItToTheEmployeeWithItsVerifiedEmail() throws Exception {
        String admin = logins.token(DemoData.CALL_CENTER, "tenant-admin");
        // Keycloak's cc-analyst has the verified email cc-analyst@northwind-cc.example and no employee yet.
        Answer added = call("POST", "/api/time/employees", admin, Map.of("name", "Casey Analyst",
                "email", "cc-analyst@northwind-cc.example", "team", "Reporting"));
        assertEquals(201, added.status(), String.valueOf(added.body()));
        long id = added.body().get("id").asLong();
        Answer me = call("GET", "/api/time/employees/me", logins.token(DemoData.CALL_CENTER, "analyst"), null);
        assertEquals(200, me.status(), String.valueOf(me.body()));
        assertEquals(id, me.body().get("id").asLong());
        Answer history = call("GET", "/api/time/employees/" + id + "/logins", admin, null);
        assertEquals(200, history.status(), String.valueOf(history.body()));
        assertTrue(history.body().at("/items/0/linkedBy").asText().contains("verified email cc-analyst@northwind-cc.example"),
                String.valueOf(history.body()));
    }

    @Test
    void aTokenTheRealmIssuedToAnotherClientIsRefused() throws Exception {
        // admin-cli is in every realm; its tokens are real and signed by the realm, but not for the Backlight API.
        String notForTheApi = logins.tokenOf("admin-cli", "cc-manager", KeycloakLogins.PASSWORD);
        Answer refused = call("GET", "/api/time/tenant", notForTheApi, null);
        assertEquals(401, refused.status(), String.valueOf(refused.body()));
        assertEquals(200, call("GET", "/api/time/tenant", logins.token(DemoData.CALL_CENTER, "manager"), null).status());
    }

    @Test
    void eachServiceLogsInAsARoleThatReachesOnlyItsOwnSchema() throws Exception {
        try (Connection metrics = suite.databaseRoles().connectAs("metrics-service");
                Statement statement = metrics.createStatement()) {
            statement.executeQuery("select count(*) from metrics.output_record").close();
            SQLException refused = assertThrows(SQLException.class,
                    () -> statement.executeQuery("select count(*) from timekeeping.time_entry"));
            assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
            assertThrows(SQLException.class, () -> statement.execute("create schema intruder"));
        }
        try (Connection time = suite.databaseRoles().connectAs("time-service"); Statement statement = time.createStatement()) {
            statement.executeQuery("select count(*) from timekeeping.time_entry").close();
            assertThrows(SQLException.class, () -> statement.executeQuery("select count(*) from costing.labour_rate"));
        }
    }

    @Test
    void aUsersRateLimitHoldsAcrossTwoGatewayReplicas() throws Exception {
        Properties limits = new Properties();
        try (var in = Files.newInputStream(ROOT.resolve("gateway/src/main/resources/application.properties"))) {
            limits.load(in);
        }
        int cost = Integer.parseInt(limits.getProperty("backlight.gateway.rate-limit.costs.\"/api/time/reports\""));
        int userBurst = Integer.parseInt(limits.getProperty("backlight.gateway.rate-limit.user.burst"));
        int perMinute = Integer.parseInt(limits.getProperty("backlight.gateway.rate-limit.user.requests-per-minute"));
        URI replica = suite.startGatewayReplica(ROOT);
        String analyst = logins.token(DemoData.BPO, "analyst");
        String hours = "/api/time/reports/hours?from=" + DAY.minusMonths(1) + "&to=" + DAY + "&groupBy=client";
        int perGateway = userBurst / cost; // what each gateway would let through if it kept its own buckets
        Map<URI, Integer> passed = new HashMap<>(Map.of(gateway, 0, replica, 0));
        Map<URI, Integer> refused = new HashMap<>(Map.of(gateway, 0, replica, 0));
        long started = System.nanoTime();
        for (int i = 0; i < 2 * perGateway; i++) {
            URI at = i % 2 == 0 ? gateway : replica;
            int status = call(at, "GET", hours, analyst, null).status();
            assertTrue(status == 200 || status == 429, "status " + status);
            (status == 200 ? passed : refused).merge(at, 1, Integer::sum);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int allowed = perGateway + (int) Math.ceil(seconds * perMinute / 60 / cost) + 1;
        int total = passed.get(gateway) + passed.get(replica);
        assertTrue(total <= allowed, total + " passed in " + seconds + " s, at most " + allowed + " allowed: " + passed);
        assertTrue(refused.get(gateway) > 0 && refused.get(replica) > 0, "both replicas refuse: " + refused);
    }

    /**
     * The web console in Debian's Chromium (deploy/src/test/console, node's test runner with playwright-core): each kind
     * of user signs in on Keycloak's page and sees what the seeds promise. First, so that no other test has spent the
     * demo users' rate-limit budgets. Screenshots of each page are kept in deploy/target/console-screenshots.
     */
    @Test
    @Order(1)
    void eachKindOfUserSeesTheirPagesOfTheWebConsoleInARealBrowser() throws Exception {
        ProcessBuilder browserTests = new ProcessBuilder("node", "--test", "--test-reporter=spec", "console.test.mjs")
                .directory(ROOT.resolve("deploy/src/test/console").toFile())
                .redirectErrorStream(true);
        browserTests.environment().put("CONSOLE_URL", gateway.toString());
        browserTests.environment().put("CHROMIUM", chromium().toString());
        browserTests.environment().put("SCREENSHOTS", ROOT.resolve("deploy/target/console-screenshots").toString());
        Process run = browserTests.start();
        run.getOutputStream().close();
        // node's report goes to the test's output line by line (surefire's channel takes no bytes written past it).
        Thread report = new Thread(() -> new java.io.BufferedReader(new java.io.InputStreamReader(run.getInputStream(),
                StandardCharsets.UTF_8)).lines().forEach(System.out::println), "browser-test-report");
        report.start();
        if (!run.waitFor(5, TimeUnit.MINUTES)) {
            run.destroyForcibly();
        }
        report.join(10_000);
        assertEquals(0, run.exitValue(), "every browser test passes (node's report is above)");
    }

    /** Debian's Chromium (the binary itself, not the wrapper script, which prints shell warnings on start). */
    private static Path chromium() {
        return Stream.of(System.getenv("BACKLIGHT_CHROMIUM"), "/usr/lib/chromium/chromium", "/usr/bin/chromium")
                .filter(Objects::nonNull).map(Path::of).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError("No Chromium: apt-get install chromium (or set BACKLIGHT_CHROMIUM)"));
    }

    @Test
    void swaggerUiSignsInWithTheWebClientThroughKeycloak() throws Exception {
        HttpResponse<String> swaggerUi = HTTP.send(HttpRequest.newBuilder(gateway.resolve("/q/swagger-ui/index.html")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(swaggerUi.body().contains("backlight-web"), "Swagger UI is set up for the web client");
        JsonNode document = JSON.readTree(HTTP.send(HttpRequest.newBuilder(gateway.resolve("/openapi")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String authorize = document.at("/components/securitySchemes/keycloak/flows/authorizationCode/authorizationUrl").asText();
        assertEquals(logins.realmUrl() + "/protocol/openid-connect/auth", authorize);
        // Keycloak shows its sign-in page for Swagger UI's redirect with a PKCE challenge, and refuses anyone else's.
        String challenge = "?client_id=backlight-web&response_type=code&scope=openid&code_challenge_method=S256"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&redirect_uri=";
        String swaggerRedirect = gateway.resolve("/q/swagger-ui/oauth2-redirect.html").toString();
        assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(authorize + challenge
                + URLEncoder.encode(swaggerRedirect, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(400, HTTP.send(HttpRequest.newBuilder(URI.create(authorize + challenge
                + URLEncoder.encode("http://evil.example/cb", StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    /** Next to last, since it deletes the BPO demo tenant. */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void aTenantIsDownloadedByItsAdminThenDeletedEverywhereByThePlatformAdmin() throws Exception {
        HttpResponse<byte[]> archive = HTTP.send(HttpRequest.newBuilder(gateway.resolve("/api/tenant-export"))
                .header("Authorization", "Bearer " + logins.token(DemoData.BPO, "tenant-admin")).timeout(Duration.ofSeconds(60))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, archive.statusCode());
        Map<String, Long> lines = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive.body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                lines.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8).lines().count());
            }
        }
        assertEquals(Set.of("time-service.jsonl", "metrics-service.jsonl", "client-costing-service.jsonl", "manifest.json"),
                lines.keySet());
        assertTrue(lines.get("time-service.jsonl") > 10 && lines.get("metrics-service.jsonl") > 0, "the BPO's records: " + lines);

        String platform = logins.token(null, "platform-admin");
        Answer request = call("POST", "/api/platform/tenants/" + DemoData.BPO + "/deletion", platform, null);
        assertEquals(201, request.status(), String.valueOf(request.body()));
        Answer deleted = call("DELETE", "/api/platform/tenants/" + DemoData.BPO + "?confirmation="
                + request.body().get("confirmation").asText(), platform, null);
        assertEquals(200, deleted.status(), String.valueOf(deleted.body()));
        assertEquals(request.body().get("totalRows").asLong(), deleted.body().get("totalRows").asLong());
        Answer after = call("POST", "/api/platform/tenants/" + DemoData.BPO + "/deletion", platform, null);
        assertEquals(0, after.body().get("totalRows").asLong(), String.valueOf(after.body()));
        assertEquals(404, call("GET", "/api/time/tenant", logins.token(DemoData.BPO, "manager"), null).status());
    }

    /** Last, since it restarts the suite: a second start finds the first one's data, and loads no demo data again. */
    @Test
    @Order(Integer.MAX_VALUE)
    void timeCapturedAndAUserMadeAtRunTimeAreThereAfterARestart() throws Exception {
        String manager = logins.token(DemoData.CALL_CENTER, "manager");
        long employees = call("GET", "/api/time/employees?size=1", manager, null).body().get("total").asLong();
        long dana = call("GET", "/api/time/employees/me", logins.token(DemoData.CALL_CENTER, "staff"), null).body().get("id").asLong();
        Answer entry = call("POST", "/api/time/entries", manager, Map.of("employeeId", dana, "functionCode", "REPORTING",
                "workDate", DAY.minusDays(1).toString(), "durationMinutes", 35));
        assertEquals(201, entry.status(), String.valueOf(entry.body()));
        String username = "kept-" + UUID.randomUUID().toString().substring(0, 8);
        logins.createUser(DATA.keycloakAdminPassword(), username, "kept-password");

        suite.close();
        suite = new LocalSuite();
        suite.start(ROOT, DATA, false);

        manager = logins.token(DemoData.CALL_CENTER, "manager");
        Answer kept = call("GET", "/api/time/entries/" + entry.body().get("id").asLong(), manager, null);
        assertEquals(200, kept.status(), String.valueOf(kept.body()));
        assertEquals(35, kept.body().get("durationMinutes").asInt());
        assertEquals(employees, call("GET", "/api/time/employees?size=1", manager, null).body().get("total").asLong(),
                "the demo data was not loaded a second time");
        assertTrue(!logins.tokenOf(username, "kept-password").isBlank(), "the user made at run time signs in");
    }
}
