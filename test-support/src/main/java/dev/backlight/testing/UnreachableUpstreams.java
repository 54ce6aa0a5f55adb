package dev.backlight.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the REST clients named by the init args' keys (e.g. {@code time-service}) at ports nobody listens on, to test
 * how a service behaves when the services it calls are down.
 */
public class UnreachableUpstreams implements QuarkusTestResourceLifecycleManager {

    private Map<String, String> names = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        names = Map.copyOf(initArgs);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        names.keySet().forEach(name -> config.put("quarkus.rest-client." + name + ".url", "http://localhost:" + ServiceProcess.freePort()));
        return config;
    }

    @Override
    public void stop() {
    }
}
