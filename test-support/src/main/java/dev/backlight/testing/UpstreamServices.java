package dev.backlight.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} the other Backlight services it calls, for real: a PostgreSQL (as
 * {@link PostgresTestResource}) shared by the service under test and the upstream ones (each in its own schema), and
 * each upstream service's built jar running as a child process that trusts {@link TestTokens}' key.
 *
 * <p>Init args name the upstream services: {@code time-service=../time-service/target/quarkus-app/quarkus-run.jar}
 * starts that jar and points the REST client {@code quarkus.rest-client.time-service.url} at it, in the service under
 * test and in every other upstream service (metrics-service finds its time-service the same way).
 */
public class UpstreamServices implements QuarkusTestResourceLifecycleManager {

    private final PostgresTestResource postgres = new PostgresTestResource();
    private final List<ServiceProcess> services = new ArrayList<>();
    private Map<String, String> jars = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        jars = Map.copyOf(initArgs);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> database = postgres.start();
        Map<String, String> serviceConfig = new HashMap<>(database);
        serviceConfig.putAll(TestTokens.issuer().quarkusOidcConfig());
        Map<String, String> config = new HashMap<>(database);
        Map<String, Integer> ports = new HashMap<>();
        jars.keySet().forEach(name -> ports.put(name, ServiceProcess.freePort()));
        ports.forEach((name, port) -> config.put("quarkus.rest-client." + name + ".url", "http://localhost:" + port));
        ports.forEach((name, port) -> serviceConfig.put("quarkus.rest-client." + name + ".url", "http://localhost:" + port));
        jars.forEach((name, jar) -> services.add(ServiceProcess.start(name, Path.of(jar), ports.get(name), serviceConfig,
                Path.of("target", "upstream-services", name + ".log"))));
        try {
            for (ServiceProcess service : services) {
                service.awaitReady(Duration.ofMinutes(2));
            }
        } catch (RuntimeException failed) {
            stop();
            throw failed;
        }
        return config;
    }

    @Override
    public void stop() {
        services.forEach(ServiceProcess::close);
        postgres.stop();
    }
}
