package dev.backlight.time;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.backlight.testing.LocalPostgres;
import dev.backlight.testing.TestCertificates;
import dev.backlight.testing.TestTokens;
import dev.backlight.testing.TlsPostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The service on a database reached as production reaches the managed one: TLS with the server's certificate and
 * host name verified against the database's CA, for Flyway's migrations and for every request's connection.
 */
@QuarkusTest
@TestProfile(VerifiedTlsTest.OverVerifiedTls.class)
class VerifiedTlsTest {

    public static class OverVerifiedTls implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TlsPostgresTestResource.class), new TestResourceEntry(TestTokens.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void everyConnectionOfTheServiceIsEncryptedAndVerified() throws Exception {
        String tenant = "tls-" + System.nanoTime();
        given().auth().oauth2(TestTokens.token(null, "root", "platform-admin")).contentType(ContentType.JSON)
                .body(Map.of("id", tenant, "name", "Over TLS", "timeZone", "Europe/Paris", "currency", "EUR",
                        "agents", 5, "employees", 6))
                .post("/api/time/tenants").then().statusCode(201);
        given().auth().oauth2(TestTokens.token(tenant, "m", "manager")).get("/api/time/tenant").then().statusCode(200);

        LocalPostgres server = TlsPostgresTestResource.server();
        String ca = TlsPostgresTestResource.certificates().caCertificate().toString();
        try (Connection look = DriverManager.getConnection(server.jdbcUrl() + "?sslmode=verify-full&sslrootcert=" + ca,
                server.username(), server.password());
                ResultSet connections = look.createStatement().executeQuery("SELECT a.application_name, s.ssl FROM pg_stat_activity a"
                        + " JOIN pg_stat_ssl s USING (pid) WHERE a.backend_type = 'client backend' AND a.pid <> pg_backend_pid()")) {
            List<String> plain = new ArrayList<>();
            int encrypted = 0;
            while (connections.next()) {
                if (connections.getBoolean("ssl")) {
                    encrypted++;
                } else {
                    plain.add(connections.getString("application_name"));
                }
            }
            assertTrue(encrypted > 0, "the service's pool has connections");
            assertTrue(plain.isEmpty(), "connections without TLS: " + plain);
        }
        // The same server, with a CA that did not sign its certificate: verify-full refuses to talk to it.
        TestCertificates stranger = TestCertificates.create(Path.of("target", "tls-postgres", "stranger").toAbsolutePath());
        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(server.jdbcUrl()
                + "?sslmode=verify-full&sslrootcert=" + stranger.caCertificate(), server.username(), server.password()).close());
        assertFalse(String.valueOf(refused.getMessage()).isBlank());
    }
}
