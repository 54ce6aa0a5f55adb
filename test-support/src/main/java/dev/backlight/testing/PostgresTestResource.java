package dev.backlight.testing;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} a real PostgreSQL: the server of {@code QUARKUS_DATASOURCE_*} variables when those
 * are set (Quarkus reads them itself), else {@link LocalPostgres}.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    /** The embedded server of the running test application, if it has one (not with an external database). */
    private static volatile LocalPostgres running;

    @Override
    public Map<String, String> start() {
        if (System.getenv("QUARKUS_DATASOURCE_REACTIVE_URL") != null) {
            return Map.of();
        }
        running = LocalPostgres.start(Path.of("target", "embedded-postgres"));
        return running.quarkusDatasourceConfig();
    }

    @Override
    public void stop() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    /** The embedded database the service under test uses, to restart it; empty with an external database. */
    public static Optional<LocalPostgres> embedded() {
        return Optional.ofNullable(running);
    }
}
