package dev.backlight.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import dev.backlight.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import dev.backlight.testing.UpstreamServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every operation of the gathered OpenAPI document, sent malformed and extreme values in each of its parameters and
 * body properties, as every role and with no token: no answer is a 5xx, and every refusal is problem details. The
 * requests go straight to the service behind each path prefix (the gateway passes answers on untouched, and its own
 * rate limit would otherwise answer most of them).
 */
@QuarkusTest
@WithTestResource(value = UpstreamServices.class, initArgs = {
        @ResourceArg(name = "time-service", value = "../time-service/target/quarkus-app/quarkus-run.jar"),
        @ResourceArg(name = "metrics-service", value = "../metrics-service/target/quarkus-app/quarkus-run.jar"),
        @ResourceArg(name = "client-costing-service", value = "../client-costing-service/target/quarkus-app/quarkus-run.jar")})
@WithTestResource(TestTokens.class)
@WithTestResource(EchoUpstreams.class)
class RobustnessTest {

    private static final Map<String, String> SERVICE_OF_PREFIX = Map.of(
            "/api/time", "time-service", "/api/metrics", "metrics-service", "/api/costing", "client-costing-service");
    private static final List<String> BAD_QUERY_VALUES = List.of("bad", "-1", "2147483648", "99999999999999999999",
            "+999999999-12-31", "-999999999-01-01", "2026-02-30", "2026-13", "a\u0000b", "", "1.5");
    private static final List<String> BAD_PATH_VALUES = List.of("abc", "0", "-1", "99999999999999999999", "a%00b",
            "+999999999-12-31", "2026-13");
    private static final List<String> ROLES = List.of("tenant-admin", "manager", "analyst", "staff", "platform-admin");
    private static final String ROLE_REFUSAL = "Your role does not allow this operation";
    /** The schema each service writes in, whose rows a refused request must leave as they were. */
    private static final Map<String, String> SCHEMA_OF_SERVICE = Map.of(
            "time-service", "timekeeping", "metrics-service", "metrics", "client-costing-service", "costing", "gateway", "gateway");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient PROBES = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static JsonNode document;
    private static String tenant;

    private static void readTheDocumentAndMakeATenant() throws Exception {
        lastWrittenSchema = null;
        document = JSON.readTree(given().get("/openapi").then().statusCode(200).extract().asString());
        tenant = "r-" + UUID.randomUUID().toString().substring(0, 12);
        service("time-service", TestTokens.token(null, "root", "platform-admin")).contentType(ContentType.JSON)
                .body(Map.of("id", tenant, "name", "Robust " + tenant, "timeZone", "Europe/Paris", "currency", "EUR",
                        "agents", 50, "employees", 60))
                .post("/api/time/tenants").then().statusCode(201);
        // A staff member with an employee record, so their requests get past "who are you".
        service("time-service", TestTokens.token(tenant, "admin", "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "Sam", "email", "sam@" + tenant + ".example", "subject", "sam"))
                .post("/api/time/employees").then().statusCode(201);
    }

    private static RequestSpecification service(String name, String token) {
        URI url = URI.create(serviceUrl(name));
        RequestSpecification request = given().baseUri(url.getScheme() + "://" + url.getHost()).port(url.getPort())
                .urlEncodingEnabled(false);
        return token == null ? request : request.auth().oauth2(token);
    }

    private static String serviceUrl(String name) {
        if (name.equals("gateway")) {
            return "http://localhost:" + RestAssured.port;
        }
        return ConfigProvider.getConfig().getValue("quarkus.rest-client." + name + ".url", String.class).replaceAll("/+$", "");
    }

    private static String tokenFor(String role) {
        if (role.equals("platform-admin")) {
            return TestTokens.token(null, "root", role);
        }
        return TestTokens.token(tenant, role.equals("staff") ? "sam" : role + "-" + tenant, role);
    }

    /** One request of the fuzz: what it was, how it was answered, and whether a refusal left a row changed. */
    private record Probe(String method, String path, String variant, int status, String contentType, String refusal,
            boolean wroteAnyway) {
        boolean acceptable() {
            return status < 500 && (status < 400 || contentType.startsWith("application/problem+json")) && !wroteAnyway;
        }
    }

    @Test
    void malformedAndExtremeInputsNeverCauseAServerErrorAndAreRefusedWithProblems() throws Exception {
        readTheDocumentAndMakeATenant();
        List<Probe> probes = new ArrayList<>();
        List<String> roleMismatches = new ArrayList<>();
        for (Operation operation : operations()) {
            // The fuzz runs as the first role the operation lets in, so that its inputs are read at all.
            String allowed = null;
            for (String role : ROLES) {
                Probe probe = send(operation, tokenFor(role), role, operation.samplePath(), Map.of(), operation.sampleBody());
                probes.add(probe);
                // The tenant x role x operation matrix: the roles the document lists get past the role check, no other.
                boolean listed = operation.roles().contains(role);
                if (listed ? probe.status() == 401 || isRoleRefusal(probe) : !isRoleRefusal(probe)) {
                    roleMismatches.add(probe + (listed ? " though the document lets " : " though the document does not let ")
                            + role + " in " + operation.roles());
                }
                if (allowed == null && listed) {
                    allowed = tokenFor(role);
                }
            }
            probes.add(send(operation, null, "no token", operation.samplePath(), Map.of(), operation.sampleBody()));
            String fuzzer = allowed != null ? allowed : tokenFor("tenant-admin");
            for (String parameter : operation.pathParameters()) {
                for (String value : BAD_PATH_VALUES) {
                    probes.add(send(operation, fuzzer, parameter + "=" + value,
                            operation.path().replace("{" + parameter + "}", value).replaceAll("\\{[^}]+}", "1"), Map.of(),
                            operation.sampleBody()));
                }
            }
            for (String parameter : operation.queryParameters()) {
                for (String value : BAD_QUERY_VALUES) {
                    probes.add(send(operation, fuzzer, parameter + "=" + value, operation.samplePath(),
                            Map.of(parameter, encode(value)), operation.sampleBody()));
                }
                // A BI tool asking for CSV gets its refusal as problem details too.
                probes.add(send(operation, fuzzer, parameter + "=bad as CSV", operation.samplePath(), Map.of(parameter, "bad"),
                        operation.sampleBody(), "text/csv"));
            }
            if (operation.hasBody()) {
                for (Map.Entry<String, String> body : operation.badBodies().entrySet()) {
                    probes.add(send(operation, fuzzer, body.getKey(), operation.samplePath(), Map.of(), body.getValue()));
                }
            }
        }
        assertTrue(roleMismatches.isEmpty(), roleMismatches.size() + " answers do not match the roles the document lists:\n"
                + String.join("\n", roleMismatches.stream().limit(60).toList()));
        List<Probe> failures = new ArrayList<>(probes.stream().filter(probe -> !probe.acceptable()).toList());
        // Every operation of the API needs a token: without one it is a 401, whatever else is wrong.
        failures.addAll(probes.stream().filter(probe -> probe.variant().equals("no token") && probe.status() != 401).toList());
        assertTrue(probes.size() > 1000, "the fuzz sent " + probes.size() + " requests");
        assertTrue(failures.isEmpty(), failures.size() + " of " + probes.size() + " answers were a 5xx or a refusal without "
                + "problem details:\n" + String.join("\n", failures.stream().limit(60).map(Probe::toString).toList()));
    }

    /** A formula as a spreadsheet would run it, in a different form for each text field it is written into. */
    private static String formula(String where) {
        return "=HYPERLINK(\"http://evil.example/" + where + "\",\"" + where + "\")";
    }

    @Test
    void noCsvOfTheApiCarriesALiveFormulaWhateverTextUsersEntered() throws Exception {
        readTheDocumentAndMakeATenant();
        String admin = tokenFor("tenant-admin");
        service("time-service", admin).contentType(ContentType.JSON).body(Map.of("code", "FX", "name", formula("client")))
                .post("/api/time/clients").then().statusCode(201);
        long employee = service("time-service", admin).contentType(ContentType.JSON)
                .body(Map.of("name", "+" + formula("employee"), "email", "ada@" + tenant + ".example", "subject", "ada",
                        "team", "@" + formula("team")))
                .post("/api/time/employees").then().statusCode(201).extract().jsonPath().getLong("id");
        service("time-service", admin).contentType(ContentType.JSON)
                .body(Map.of("employeeId", employee, "functionCode", "REPORTING", "clientCode", "FX",
                        "startedAt", "2026-03-02T09:00:00Z", "endedAt", "2026-03-02T10:30:00Z",
                        "notes", "-" + formula("notes"), "externalRef", "\t" + formula("externalRef")))
                .post("/api/time/entries").then().statusCode(201);
        seed("POST", "/api/metrics/spikes/deadlines", body -> body.put("name", formula("deadline"))
                .put("functionCode", "REPORTING").put("ownerEmployeeId", employee).putNull("clientCode"));
        seed("POST", "/api/metrics/objectives", body -> body.put("title", formula("objective"))
                .put("functionCode", "REPORTING").put("ownerEmployeeId", employee));
        seed("PUT", "/api/metrics/ownership/REPORTING", body -> body.put("definitionOfDone", formula("done"))
                .put("ownerEmployeeId", employee).putNull("backupEmployeeId"));
        seed("POST", "/api/metrics/processes", body -> body.put("name", formula("process")).put("note", formula("note"))
                .put("functionCode", "REPORTING").putNull("replaces"));
        seed("POST", "/api/costing/process-fixes", body -> body.put("name", formula("fix")).put("functionCode", "REPORTING")
                .putNull("costPerUserMonth").putNull("users"));

        String rejectedImport = service("time-service", admin).contentType("text/csv")
                .body(("externalRef,employeeEmail,functionCode,workDate,durationMinutes\n" + formula("import").replace("\"", "\"\"")
                        .transform(cell -> "\"" + cell + "\"") + ",nobody@robust.example,REPORTING,2026-03-02,30\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/time/entries/imports").then().statusCode(202).extract().header("Location");
        awaitFinished(rejectedImport, admin);
        Map<String, String> sampleValues = Map.of("from", "2026-03-01", "to", "2026-04-01", "month", "2026-03",
                "quarter", "2026-Q1", "asOf", "2026-03-31", "groupBy", "employee,team,client,function");
        CsvMapper csv = new CsvMapper();
        List<String> failures = new ArrayList<>();
        int exports = 0;
        int neutralised = 0;
        for (Operation operation : operations()) {
            if (!operation.method().equals("GET") || !operation.answersCsv()) {
                continue;
            }
            Map<String, String> query = new LinkedHashMap<>();
            // The document's example where it gives one (costing takes months, productivity one dimension), else ours.
            for (String name : operation.queryParameters()) {
                operation.exampleOf(name).or(() -> Optional.ofNullable(sampleValues.get(name)))
                        .ifPresent(value -> query.put(name, value));
            }
            String path = operation.path().replace("{functionCode}", "REPORTING")
                    .replace("/api/time/entries/imports/{id}", rejectedImport);
            Response answer = toOwnerOf(path, admin).queryParams(query).accept("text/csv").get(path);
            if (answer.statusCode() != 200) {
                failures.add(operation.path() + " " + query + ": " + answer.statusCode() + " " + answer.asString());
                continue;
            }
            exports++;
            try (MappingIterator<List<String>> rows = csv.readerForListOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                    .readValues(answer.asString())) {
                for (List<String> row : rows.readAll()) {
                    for (String cell : row) {
                        if (cell.startsWith("'") && cell.length() > 1 && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) {
                            neutralised++;
                        } else if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-\\d+(\\.\\d+)?")) {
                            failures.add(operation.path() + " writes a live formula cell: " + cell);
                        }
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(exports >= 15, exports + " CSV exports read");
        // Each of the formulas entered above came out, neutralised, somewhere.
        assertTrue(neutralised >= 9, neutralised + " neutralised cells");
    }

    /** Waits until the import job at {@code location} has finished. */
    private static void awaitFinished(String location, String token) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (service("time-service", token).get(location).then().statusCode(200).extract().path("finishedAt") != null) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import " + location + " did not finish");
    }

    /** A request to the service that owns {@code path}. */
    private static RequestSpecification toOwnerOf(String path, String token) {
        return service(SERVICE_OF_PREFIX.entrySet().stream().filter(e -> path.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElseThrow(), token);
    }

    /** Sends the operation's plausible body, changed by {@code change}, as the tenant's admin; it must be accepted. */
    private static void seed(String method, String path, UnaryOperator<ObjectNode> change) {
        lastWrittenSchema = null;
        Operation operation = operations().stream().filter(o -> o.method().equals(method)
                && path.matches(o.path().replaceAll("\\{[^}]+}", "[^/]+"))).findFirst().orElseThrow();
        ObjectNode body = change.apply((ObjectNode) JSON.valueToTree(readTree(operation.sampleBody())));
        Response answer = toOwnerOf(path, tokenFor("tenant-admin")).contentType(ContentType.JSON).body(body.toString())
                .request(method, path);
        assertTrue(answer.statusCode() == 200 || answer.statusCode() == 201,
                method + " " + path + " " + body + " answered " + answer.statusCode() + " " + answer.asString());
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Probe send(Operation operation, String token, String variant, String path, Map<String, String> query,
            String body) {
        return send(operation, token, variant, path, query, body, null);
    }

    /**
     * Sends one probe with the JDK's client, not RestAssured: the fuzz makes thousands of requests, and this way they
     * cost the services' time rather than the test's.
     */
    private static Probe send(Operation operation, String token, String variant, String path, Map<String, String> query,
            String body, String accept) {
        // The gateway's own operations (tenant data across the services) are served by the gateway itself.
        String service = SERVICE_OF_PREFIX.entrySet().stream().filter(e -> path.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("gateway");
        String queryString = query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serviceUrl(service) + path
                + (queryString.isEmpty() ? "" : "?" + queryString))).timeout(Duration.ofSeconds(30))
                .header("Accept", accept == null ? "*/*" : accept);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        Optional<Map.Entry<String, String>> upload = operation.uploadExample();
        if (body != null) {
            request.header("Content-Type", "application/json").method(operation.method(), BodyPublishers.ofString(body));
        } else if (upload.isPresent()) {
            request.header("Content-Type", upload.get().getKey()).method(operation.method(), BodyPublishers.ofString(upload.get().getValue()));
        } else {
            request.method(operation.method(), BodyPublishers.noBody());
        }
        boolean writes = !operation.method().equals("GET");
        String schema = SCHEMA_OF_SERVICE.get(service);
        // The state after one write probe is the state before the next one of the same schema: read once, not twice.
        Map<String, String> before = !writes ? Map.of()
                : schema.equals(lastWrittenSchema) ? lastFingerprint : rowsOf(schema);
        HttpResponse<String> response;
        try {
            response = PROBES.send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(operation.method() + " " + path + " " + variant, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        boolean refused = response.statusCode() >= 400;
        String refusal = refused && contentType.startsWith("application/problem+json")
                ? readTree(response.body()).path("detail").asText(null) : null;
        Map<String, String> after = writes ? rowsOf(schema) : Map.of();
        lastWrittenSchema = writes ? schema : null;
        lastFingerprint = after;
        return new Probe(operation.method(), operation.path(), variant, response.statusCode(), contentType, refusal,
                writes && refused && !before.equals(after));
    }

    /** The schema and fingerprint after the last probe, when it was a write; anything else forgets them. */
    private static String lastWrittenSchema;
    private static Map<String, String> lastFingerprint;

    /** A 403 of the role check, not of a rule about the data (such as staff reading someone else's time). */
    private static boolean isRoleRefusal(Probe probe) {
        return probe.status() == 403 && ROLE_REFUSAL.equals(probe.refusal());
    }

    private static final Map<String, String> FINGERPRINT_QUERIES = new HashMap<>();

    /**
     * Per table of a service's schema (a service writes in its own only): how many rows and a hash of their content,
     * to see any change at all. Import jobs are left out: jobs accepted by earlier probes go on writing their own log
     * (import_job, import_row) after their answer, whatever the probe that follows does; so are the gateway's rate-limit
     * buckets, which every request spends from, refused or not.
     */
    private static Map<String, String> rowsOf(String schema) {
        AgroalDataSource database = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            if (!FINGERPRINT_QUERIES.containsKey(schema)) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("SELECT table_schema || '.' || table_name FROM information_schema.tables"
                        + " WHERE table_type = 'BASE TABLE' AND table_name NOT IN ('flyway_schema_history', 'import_job', 'import_row',"
                        + " 'rate_limit_bucket')"
                        + " AND table_schema = '"
                        + schema + "' ORDER BY 1")) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
                // Of the gateway's tables only the deletions waiting for confirmation are fingerprinted; each service has more.
                assertTrue(tables.size() >= (schema.equals("gateway") ? 1 : 4), schema + " tables: " + tables);
                FINGERPRINT_QUERIES.put(schema, String.join(" UNION ALL ", tables.stream().map(table -> "SELECT '" + table
                        + "', count(*) || ':' || coalesce(sum(hashtext(t::text)::bigint), 0) FROM " + table + " t").toList()));
            }
            Map<String, String> fingerprint = new HashMap<>();
            try (ResultSet rows = statement.executeQuery(FINGERPRINT_QUERIES.get(schema))) {
                while (rows.next()) {
                    fingerprint.put(rows.getString(1), rows.getString(2));
                }
            }
            return fingerprint;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (List.of("get", "post", "put", "delete").contains(method.getKey())) {
                operations.add(new Operation(path.getKey(), method.getKey().toUpperCase(), method.getValue()));
            }
        }));
        assertTrue(operations.size() > 90, "the gathered document lists " + operations.size() + " operations");
        return operations;
    }

    /** One operation of the document, and the requests that can be made of it. */
    private record Operation(String path, String method, JsonNode node) {

        List<String> parameters(String in) {
            List<String> names = new ArrayList<>();
            node.path("parameters").forEach(p -> {
                JsonNode parameter = resolve(p);
                if (in.equals(parameter.path("in").asText())) {
                    names.add(parameter.get("name").asText());
                }
            });
            return names;
        }

        List<String> pathParameters() {
            return parameters("path");
        }

        List<String> queryParameters() {
            return parameters("query");
        }

        /** The documented example of a parameter, if it has one. */
        Optional<String> exampleOf(String name) {
            for (JsonNode p : node.path("parameters")) {
                JsonNode parameter = resolve(p);
                if (parameter.path("name").asText().equals(name)) {
                    JsonNode example = parameter.has("example") ? parameter.get("example") : parameter.path("schema").path("example");
                    if (example.isMissingNode() && parameter.path("schema").path("examples").isArray()) {
                        example = parameter.path("schema").path("examples").path(0);
                    }
                    return example.isMissingNode() || example.isNull() ? Optional.empty() : Optional.of(example.asText());
                }
            }
            return Optional.empty();
        }

        /** The roles the document says may call it. */
        List<String> roles() {
            List<String> roles = new ArrayList<>();
            node.path("security").forEach(requirement -> requirement.path("bearer").forEach(role -> roles.add(role.asText())));
            return roles;
        }

        /** The path with a plausible value in each parameter. */
        String samplePath() {
            return path.replaceAll("\\{[^}]+}", "1");
        }

        boolean answersCsv() {
            JsonNode ok = node.path("responses").path("200").path("content");
            return ok.has("text/csv");
        }

        boolean hasBody() {
            return bodySchema() != null;
        }

        /** The media type and documented example of a body that is not JSON (a streamed upload), if there is one. */
        Optional<Map.Entry<String, String>> uploadExample() {
            for (Map.Entry<String, JsonNode> content : (Iterable<Map.Entry<String, JsonNode>>) () -> node.path("requestBody")
                    .path("content").fields()) {
                JsonNode examples = content.getValue().path("examples");
                if (!content.getKey().equals("application/json") && examples.size() > 0) {
                    return Optional.of(Map.entry(content.getKey(), examples.elements().next().path("value").asText()));
                }
            }
            return Optional.empty();
        }

        private JsonNode bodySchema() {
            JsonNode content = node.path("requestBody").path("content").path("application/json").path("schema");
            return content.isMissingNode() ? null : resolve(content);
        }

        /** A body made of each property's documented example (or a plain value of its type): one that gets far. */
        String sampleBody() {
            return hasBody() ? plausible(bodySchema(), 0).toString() : null;
        }

        private static JsonNode plausible(JsonNode property, int depth) {
            // A property's own example comes before its type's (a $ref may stand beside it).
            if (property.path("examples").isArray() && property.get("examples").size() > 0) {
                return property.get("examples").get(0);
            }
            if (property.has("example")) {
                return property.get("example");
            }
            JsonNode schema = resolve(property);
            if (schema != property) {
                return plausible(schema, depth);
            }
            if (schema.has("enum")) {
                return schema.get("enum").get(0);
            }
            String format = schema.path("format").asText();
            return switch (typeOf(schema)) {
                case "string" -> JSON.getNodeFactory().textNode(switch (format) {
                    case "date" -> "2026-03-02";
                    case "date-time" -> "2026-03-02T10:00:00Z";
                    default -> "x";
                });
                case "integer", "number" -> JSON.getNodeFactory().numberNode(1);
                case "boolean" -> JSON.getNodeFactory().booleanNode(true);
                case "array" -> JSON.createArrayNode().add(plausible(schema.path("items"), depth + 1));
                default -> {
                    ObjectNode object = JSON.createObjectNode();
                    if (depth < 3) {
                        schema.path("properties").fields().forEachRemaining(
                                p -> object.set(p.getKey(), plausible(p.getValue(), depth + 1)));
                        // Values that must be unique get fresh ones, so that a request is not stopped by an earlier one.
                        String fresh = UUID.randomUUID().toString();
                        for (String name : List.of("email", "subject", "externalRef", "code")) {
                            if (object.has(name)) {
                                object.put(name, name.equals("email") ? fresh + "@robust.example"
                                        : name.equals("code") ? "R" + fresh.substring(0, 8).toUpperCase() : fresh);
                            }
                        }
                    }
                    yield object;
                }
            };
        }

        /** Bodies that break the JSON itself, and for each property of the schema values it must refuse. */
        Map<String, String> badBodies() {
            Map<String, String> bodies = new LinkedHashMap<>();
            bodies.put("unparseable", "{\"a\":");
            bodies.put("array instead of object", "[]");
            bodies.put("a bare string", "\"text\"");
            bodies.put("null", "null");
            JsonNode schema = bodySchema();
            Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
            while (properties.hasNext()) {
                Map.Entry<String, JsonNode> property = properties.next();
                String name = property.getKey();
                bodies.put(name + " given twice", "{\"" + name + "\":1,\"" + name + "\":1}");
                JsonNode declared = property.getValue().has("type") ? property.getValue() : resolve(property.getValue());
                for (Map.Entry<String, Object> bad : badValues(declared).entrySet()) {
                    // The plausible body with this one property broken, so that the request gets as far as it can.
                    ObjectNode body = (ObjectNode) plausible(schema, 0);
                    body.set(name, JSON.valueToTree(bad.getValue()));
                    bodies.put(name + " " + bad.getKey(), body.toString());
                }
            }
            return bodies;
        }

        private static Map<String, Object> badValues(JsonNode schema) {
            Map<String, Object> values = new LinkedHashMap<>();
            switch (typeOf(schema)) {
                case "string" -> {
                    values.put("as a number", 12345);
                    values.put("with NUL", "a\u0000b");
                    values.put("far in the future", "+999999999-12-31");
                    values.put("far in the past", "-999999999-01-01T00:00:00Z");
                    values.put("very long", "x".repeat(20_000));
                }
                case "integer" -> {
                    values.put("fraction", 1.5);
                    values.put("text", "abc");
                    values.put("beyond a long", new BigInteger("99999999999999999999999"));
                    values.put("beyond an int", 2147483648L);
                    values.put("negative", -1);
                }
                case "number" -> {
                    values.put("text", "abc");
                    values.put("huge", new BigDecimal("1e30"));
                    values.put("negative", -1);
                }
                case "boolean" -> values.put("text", "maybe");
                case "array" -> {
                    values.put("object", Map.of());
                    values.put("with null", Arrays.asList((Object) null));
                }
                default -> values.put("wrong type", List.of(1, 2));
            }
            return values;
        }

        /** The schema's type; OpenAPI 3.1 may list it with "null" for a nullable value. */
        private static String typeOf(JsonNode schema) {
            JsonNode type = schema.path("type");
            if (type.isArray()) {
                for (JsonNode t : type) {
                    if (!t.asText().equals("null")) {
                        return t.asText();
                    }
                }
            }
            return type.asText();
        }

        private static JsonNode resolve(JsonNode node) {
            JsonNode current = node;
            List<String> followed = new ArrayList<>();
            while (current.has("$ref")) {
                String ref = current.get("$ref").asText();
                if (followed.contains(ref)) {
                    throw new AssertionError("the document's schema " + ref + " refers to itself: " + followed);
                }
                followed.add(ref);
                current = document.at(ref.substring(1));
            }
            if (current.has("allOf") && current.get("allOf").size() == 1) {
                return resolve(current.get("allOf").get(0));
            }
            return current;
        }
    }
}
