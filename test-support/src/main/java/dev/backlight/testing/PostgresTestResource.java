package dev.backlight.testing;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} a real PostgreSQL: the server of {@code QUARKUS_DATASOURCE_*} variables when those
 * are set (Quarkus reads them itself), else {@link LocalPostgres}.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private LocalPostgres postgres;

    @Override
    public Map<String, String> start() {
        if (System.getenv("QUARKUS_DATASOURCE_REACTIVE_URL") != null) {
            return Map.of();
        }
        postgres = LocalPostgres.start(Path.of("target", "embedded-postgres"));
        return postgres.quarkusDatasourceConfig();
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
