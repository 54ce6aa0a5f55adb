package dev.backlight.testing;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An embedded PostgreSQL that speaks TLS with a certificate of its own test CA, and the service's datasources set as
 * production sets them for a managed database: {@code sslmode=verify-full}, trusting only that CA, checking the host
 * name (reactive client and Flyway's JDBC alike).
 */
public class TlsPostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile LocalPostgres running;
    private static volatile TestCertificates certificates;

    @Override
    public Map<String, String> start() {
        Path directory = Path.of("target", "tls-postgres").toAbsolutePath();
        certificates = TestCertificates.create(directory.resolve("certificates"));
        running = LocalPostgres.startEmbedded(directory, Map.of("ssl", "on",
                "ssl_cert_file", certificates.serverCertificate().toString(),
                "ssl_key_file", certificates.serverKey().toString()));
        Map<String, String> config = new LinkedHashMap<>(running.quarkusDatasourceConfig());
        String ca = certificates.caCertificate().toString();
        config.put("quarkus.datasource.reactive.url", running.reactiveUrl() + "?sslmode=verify-full");
        config.put("quarkus.datasource.reactive.trust-certificate-pem", "true");
        config.put("quarkus.datasource.reactive.trust-certificate-pem.certs", ca);
        config.put("quarkus.datasource.reactive.hostname-verification-algorithm", "HTTPS");
        config.put("quarkus.datasource.jdbc.url", running.jdbcUrl() + "?sslmode=verify-full&sslrootcert=" + ca);
        return config;
    }

    @Override
    public void stop() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    /** The server, to look at its connections. */
    public static LocalPostgres server() {
        return running;
    }

    public static TestCertificates certificates() {
        return certificates;
    }
}
