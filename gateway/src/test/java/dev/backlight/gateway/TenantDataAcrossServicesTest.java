package dev.backlight.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.backlight.testing.TestTokens;
import dev.backlight.testing.UpstreamServices;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** A tenant's data across the services: one archive for its admin, and deletion everywhere after a confirmation. */
@QuarkusTest
@WithTestResource(value = UpstreamServices.class, initArgs = {
        @ResourceArg(name = "time-service", value = "../time-service/target/quarkus-app/quarkus-run.jar"),
        @ResourceArg(name = "metrics-service", value = "../metrics-service/target/quarkus-app/quarkus-run.jar"),
        @ResourceArg(name = "client-costing-service", value = "../client-costing-service/target/quarkus-app/quarkus-run.jar")})
@WithTestResource(TestTokens.class)
@WithTestResource(EchoUpstreams.class)
class TenantDataAcrossServicesTest {

    private static final String PLATFORM = TestTokens.token(null, "root", "platform-admin");

    @Inject
    AgroalDataSource database;

    @Test
    void aTenantsAdminDownloadsEveryServicesRecordsInOneArchive() throws IOException {
        String tenant = tenantWithData();
        byte[] zip = given().auth().oauth2(TestTokens.token(tenant, "a", "tenant-admin")).get("/api/tenant-export")
                .then().statusCode(200).contentType("application/zip").extract().asByteArray();
        Map<String, String> files = unzip(zip);
        assertEquals(List.of("client-costing-service.jsonl", "metrics-service.jsonl", "time-service.jsonl", "manifest.json"),
                List.copyOf(files.keySet()));
        assertTrue(files.get("time-service.jsonl").contains("\"table\":\"time_entry\""), files.get("time-service.jsonl"));
        assertTrue(files.get("metrics-service.jsonl").contains("\"table\":\"output_record\""));
        assertTrue(files.get("client-costing-service.jsonl").contains("\"table\":\"process_fix_option\""));
        JsonPath manifest = JsonPath.from(files.get("manifest.json"));
        assertEquals(tenant, manifest.getString("tenant"));
        assertEquals(files.get("time-service.jsonl").lines().count(), manifest.getLong("lines.'time-service.jsonl'"));

        given().auth().oauth2(TestTokens.token(tenant, "m", "manager")).get("/api/tenant-export").then().statusCode(403);
    }

    @Test
    void aPlatformAdminDeletesATenantEverywhereAfterConfirmingAndNothingOfItRemains() throws SQLException {
        String doomed = tenantWithData();
        String kept = tenantWithData();
        String path = "/api/platform/tenants/" + doomed;

        JsonPath request = given().auth().oauth2(PLATFORM).post(path + "/deletion").then().statusCode(201)
                .body("rows.time-service.time_entry", equalTo(1)).body("rows.metrics-service.output_record", equalTo(1))
                .body("rows.client-costing-service.process_fix_option", equalTo(1)).extract().jsonPath();
        given().auth().oauth2(TestTokens.token(doomed, "a", "tenant-admin")).queryParam("confirmation", request.getString("confirmation"))
                .delete(path).then().statusCode(403);
        given().auth().oauth2(PLATFORM).delete(path).then().statusCode(400).body("errors.field", hasItem("confirmation"));
        given().auth().oauth2(PLATFORM).queryParam("confirmation", "DELETE-WRONG").delete(path).then().statusCode(409);
        given().auth().oauth2(PLATFORM).post("/api/platform/tenants/Not_An_Id/deletion").then().statusCode(400)
                .body("errors.field", hasItem("id"));

        given().auth().oauth2(PLATFORM).queryParam("confirmation", request.getString("confirmation")).delete(path)
                .then().statusCode(200).body("totalRows", equalTo(request.getInt("totalRows")));

        assertEquals(Map.of(), rowsOf(doomed), "nothing of the tenant remains in any schema");
        assertTrue(!rowsOf(kept).isEmpty(), "another tenant keeps its rows");
        given().auth().oauth2(TestTokens.token(kept, "m", "manager")).get("/api/time/tenant").then().statusCode(200);
        given().auth().oauth2(PLATFORM).queryParam("confirmation", request.getString("confirmation")).delete(path)
                .then().statusCode(409);
    }

    /** A tenant with rows in every service: an employee, an entry, an output and a process fix. */
    private static String tenantWithData() {
        String tenant = "d-" + UUID.randomUUID().toString().substring(0, 12);
        given().auth().oauth2(PLATFORM).contentType(ContentType.JSON)
                .body(Map.of("id", tenant, "name", "Data " + tenant, "timeZone", "UTC", "currency", "USD", "agents", 50, "employees", 60))
                .post("/api/time/tenants").then().statusCode(201);
        String admin = TestTokens.token(tenant, "a", "tenant-admin");
        String manager = TestTokens.token(tenant, "m", "manager");
        long employee = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Eve", "email", "eve@" + tenant + ".example", "team", "WFM"))
                .post("/api/time/employees").then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(manager).contentType(ContentType.JSON).body(Map.of("employeeId", employee, "functionCode", "PAYROLL",
                "startedAt", "2026-03-02T08:00:00Z", "endedAt", "2026-03-02T09:00:00Z")).post("/api/time/entries").then().statusCode(201);
        given().auth().oauth2(manager).contentType(ContentType.JSON).body(Map.of("functionCode", "PAYROLL", "employeeId", employee,
                "periodStart", "2026-03-02", "units", 1)).post("/api/metrics/outputs").then().statusCode(201);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "Payroll software", "functionCode", "PAYROLL",
                "monthlyCost", 100, "hoursSavedPerWeek", 2)).post("/api/costing/process-fixes").then().statusCode(201);
        return tenant;
    }

    /** Rows naming the tenant in every table of every schema, by schema.table; empty when there are none. */
    private Map<String, Long> rowsOf(String tenant) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection connection = database.getConnection()) {
            List<String[]> tables = new java.util.ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT table_schema, table_name, column_name FROM information_schema.columns
                     WHERE table_schema IN ('timekeeping', 'metrics', 'costing', 'gateway')
                       AND (column_name = 'tenant_id' OR (table_name = 'tenant' AND column_name = 'id')
                            OR (table_name = 'rate_limit_bucket' AND column_name = 'id'))""");
                    ResultSet found = query.executeQuery()) {
                while (found.next()) {
                    tables.add(new String[] {found.getString(1), found.getString(2), found.getString(3)});
                }
            }
            assertTrue(tables.size() > 20, "the schemas' tenant tables are found: " + tables.size());
            for (String[] table : tables) {
                boolean bucket = table[1].equals("rate_limit_bucket");
                try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM " + table[0] + "." + table[1]
                        + " WHERE " + table[2] + (bucket ? " LIKE ?" : " = ?"))) {
                    count.setString(1, bucket ? "%:" + tenant + "%" : tenant);
                    try (ResultSet n = count.executeQuery()) {
                        n.next();
                        if (n.getLong(1) > 0) {
                            rows.put(table[0] + "." + table[1], n.getLong(1));
                        }
                    }
                }
            }
        }
        return rows;
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
