package dev.backlight.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * The Kubernetes manifests as a cluster would get them ({@code kubectl kustomize} of each overlay), parsed into typed
 * objects and held against the code: ports, probe paths, the environment each service reads, image names, the realm.
 */
class ManifestsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of("time-service", "metrics-service", "client-costing-service", "gateway");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{(BACKLIGHT_[A-Z_]+)");

    private static List<HasMetadata> render(String overlay) throws IOException, InterruptedException {
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", ROOT.resolve("deploy/k8s/overlays/" + overlay).toString())
                .redirectErrorStream(true).start();
        String yaml;
        try (InputStream out = kubectl.getInputStream()) {
            yaml = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(0, kubectl.waitFor(), "kubectl kustomize failed:\n" + yaml);
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : yaml.split("(?m)^---$")) {
            if (!document.isBlank()) {
                objects.add(Serialization.unmarshal(document, HasMetadata.class));
            }
        }
        return objects;
    }

    private static <T extends HasMetadata> T find(List<HasMetadata> objects, Class<T> kind, String name) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).filter(o -> o.getMetadata().getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name));
    }

    private static Properties applicationProperties(String module) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(ROOT.resolve(module + "/src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    /** The BACKLIGHT_* environment variables a service's configuration reads. */
    private static Set<String> variablesRead(String module) throws IOException {
        String text = Files.readString(ROOT.resolve(module + "/src/main/resources/application.properties"));
        Set<String> names = new HashSet<>();
        Matcher matcher = ENV_REFERENCE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @Test
    void theImageGivesTheHeapTheShareTheLocalRunAndBenchmarksAssume() throws Exception {
        String dockerfile = Files.readString(Path.of("docker/Dockerfile.jvm"));
        assertTrue(dockerfile.contains(ContainerMemory.HEAP_SHARE), dockerfile);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceRunsAsItsCodeSays(String overlay) throws Exception {
        List<HasMetadata> objects = render(overlay);
        ConfigMap config = find(objects, ConfigMap.class, "backlight-config");
        for (String module : SERVICES) {
            int port = Integer.parseInt(applicationProperties(module).getProperty("quarkus.http.port"));
            Deployment deployment = find(objects, Deployment.class, module);
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            // Images carry the release the build makes: the project version without -SNAPSHOT.
            assertEquals("ghcr.io/backlight/" + module + ":" + System.getProperty("backlight.version").replace("-SNAPSHOT", ""),
                    container.getImage(), module);
            assertEquals(port, container.getPorts().get(0).getContainerPort(), module + " port");
            assertEquals("http", container.getPorts().get(0).getName());
            assertProbe(container.getReadinessProbe(), "/q/health/ready", module);
            assertProbe(container.getLivenessProbe(), "/q/health/live", module);
            assertProbe(container.getStartupProbe(), "/q/health/started", module);
            assertNotNull(container.getResources().getRequests().get("memory"), module + " resources");
            // The local run and the benchmarks size the services' JVMs from this limit (ContainerMemory).
            assertEquals(ContainerMemory.LIMIT, container.getResources().getLimits().get("memory").toString(), module + " memory limit");

            Set<String> set = container.getEnv().stream().map(EnvVar::getName).collect(Collectors.toSet());
            assertEquals(variablesRead(module), set, module + ": the environment set must be exactly what the service reads");
            for (EnvVar env : container.getEnv()) {
                assertTrue(env.getValueFrom() != null, module + " " + env.getName() + " comes from a ConfigMap or Secret");
                if (env.getValueFrom().getConfigMapKeyRef() != null) {
                    assertTrue(config.getData().containsKey(env.getValueFrom().getConfigMapKeyRef().getKey()),
                            module + " reads a key backlight-config has: " + env.getValueFrom().getConfigMapKeyRef().getKey());
                }
            }

            Service service = find(objects, Service.class, module);
            assertEquals(port, service.getSpec().getPorts().get(0).getPort(), module + " service port");
            assertEquals(deployment.getSpec().getSelector().getMatchLabels(), service.getSpec().getSelector());
            assertEquals(module, find(objects, HorizontalPodAutoscaler.class, module).getSpec().getScaleTargetRef().getName());
            assertEquals(deployment.getSpec().getSelector().getMatchLabels(),
                    find(objects, PodDisruptionBudget.class, module).getSpec().getSelector().getMatchLabels());
        }
        assertTrue(objects.stream().noneMatch(Secret.class::isInstance), "credentials come from Secrets made outside the repo");
    }

    private static void assertProbe(Probe probe, String path, String module) {
        assertNotNull(probe, module + " " + path);
        assertEquals(path, probe.getHttpGet().getPath(), module);
        assertEquals("http", probe.getHttpGet().getPort().getStrVal(), module);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheGatewayIsReachableFromOutside(String overlay) throws Exception {
        List<HasMetadata> objects = render(overlay);
        Set<String> exposed = find(objects, Ingress.class, "backlight").getSpec().getRules().stream()
                .flatMap(rule -> rule.getHttp().getPaths().stream()).map(path -> path.getBackend().getService().getName())
                .collect(Collectors.toSet());
        assertEquals(Set.of("gateway"), exposed);
        List<String> servicesBehindIngresses = objects.stream().filter(Ingress.class::isInstance).map(Ingress.class::cast)
                .flatMap(ingress -> ingress.getSpec().getRules().stream()).flatMap(rule -> rule.getHttp().getPaths().stream())
                .map(path -> path.getBackend().getService().getName()).toList();
        assertTrue(SERVICES.stream().filter(s -> !s.equals("gateway")).noneMatch(servicesBehindIngresses::contains),
                "no service but the gateway is behind any ingress: " + servicesBehindIngresses);

        NetworkPolicy backend = find(objects, NetworkPolicy.class, "backend-from-gateway-only");
        Map<String, String> protectedPods = backend.getSpec().getPodSelector().getMatchLabels();
        for (String module : SERVICES) {
            Map<String, String> labels = find(objects, Deployment.class, module).getSpec().getTemplate().getMetadata().getLabels();
            boolean isProtected = labels.entrySet().containsAll(protectedPods.entrySet());
            assertEquals(!module.equals("gateway"), isProtected, module + " is reachable only through the gateway");
        }
        Set<Map<String, String>> allowedFrom = backend.getSpec().getIngress().stream().flatMap(rule -> rule.getFrom().stream())
                .map(peer -> peer.getPodSelector().getMatchLabels()).collect(Collectors.toSet());
        assertEquals(Set.of(Map.of("backlight.dev/tier", "edge"), Map.of("backlight.dev/tier", "backend")), allowedFrom);
        Map<String, String> gatewayLabels = find(objects, Deployment.class, "gateway").getSpec().getTemplate().getMetadata().getLabels();
        assertEquals("edge", gatewayLabels.get("backlight.dev/tier"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theDatabaseIsInTheClusterOnlyInDev(String overlay) throws Exception {
        List<HasMetadata> objects = render(overlay);
        boolean inCluster = objects.stream().anyMatch(o -> o instanceof StatefulSet s && s.getMetadata().getName().equals("postgres"));
        String url = find(objects, ConfigMap.class, "backlight-config").getData().get("db-reactive-url");
        assertEquals(overlay.equals("dev"), inCluster);
        assertEquals(overlay.equals("dev"), url.startsWith("postgresql://postgres:5432/"), url);
    }

    /** The secret each container takes the variable {@code name} from. */
    private static String secretOf(Container container, String name) {
        return container.getEnv().stream().filter(env -> env.getName().equals(name)).findFirst()
                .map(env -> env.getValueFrom().getSecretKeyRef().getName())
                .orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
    }

    private static Container container(List<HasMetadata> objects, String deployment) {
        return find(objects, Deployment.class, deployment).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServiceAndKeycloakLogInAsADatabaseRoleOfTheirOwn(String overlay) throws Exception {
        List<HasMetadata> objects = render(overlay);
        String roles = Files.readString(ROOT.resolve("deploy/k8s/database/database-roles.sql"));
        Set<String> secrets = new HashSet<>();
        for (String module : List.of("time-service", "metrics-service", "client-costing-service", "gateway")) {
            Container container = container(objects, module);
            String variable = container.getEnv().stream().map(EnvVar::getName).filter(n -> n.endsWith("_DB_USER"))
                    .findFirst().orElseThrow();
            assertEquals(secretOf(container, variable), secretOf(container, variable.replace("_USER", "_PASSWORD")), module);
            secrets.add(secretOf(container, variable));
            // The role that owns the service's schema is made by the roles script.
            String schema = applicationProperties(module).getProperty("quarkus.flyway.schemas");
            assertTrue(Pattern.compile("CREATE SCHEMA IF NOT EXISTS " + schema + " AUTHORIZATION backlight_\\w+").matcher(roles).find(),
                    module + " schema " + schema);
        }
        secrets.add(secretOf(container(objects, "keycloak"), "KC_DB_USERNAME"));
        assertEquals(5, secrets.size(), "one database role per service, the gateway and Keycloak: " + secrets);
        assertTrue(roles.contains("CREATE SCHEMA IF NOT EXISTS keycloak AUTHORIZATION backlight_keycloak"));
        if (overlay.equals("dev")) {
            StatefulSet postgres = objects.stream().filter(StatefulSet.class::isInstance).map(StatefulSet.class::cast).findFirst().orElseThrow();
            Container server = postgres.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertFalse(secrets.contains(secretOf(server, "POSTGRES_USER")), "the owner is none of the services' roles");
            ConfigMap init = find(objects, ConfigMap.class, "postgres-init");
            assertEquals(roles, init.getData().get("database-roles.sql.in"), "the dev database runs the same roles script");
        }
    }

    @Test
    void productionReachesTheDatabaseOverVerifiedTlsAndHasNoDefaultSecret() throws Exception {
        List<HasMetadata> objects = render("prod");
        Map<String, String> config = find(objects, ConfigMap.class, "backlight-config").getData();
        assertTrue(config.get("db-reactive-url").contains("sslmode=verify-full"), config.get("db-reactive-url"));
        assertTrue(config.get("db-jdbc-url").contains("sslmode=verify-full"), config.get("db-jdbc-url"));
        assertTrue(config.get("db-jdbc-url").contains("sslrootcert=" + config.get("db-ca-file")), config.get("db-jdbc-url"));
        assertEquals("true", config.get("db-verify-certificate"));
        String caDirectory = Path.of(config.get("db-ca-file")).getParent().toString();
        for (String deployment : List.of("time-service", "metrics-service", "client-costing-service", "gateway", "keycloak")) {
            assertTrue(container(objects, deployment).getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals(caDirectory)),
                    deployment + " mounts the database's CA");
        }
        Pattern secretWithDefault = Pattern.compile("(?i)(password|secret)[^=]*=\\$\\{[A-Z_]+:");
        for (String module : SERVICES) {
            String properties = Files.readString(ROOT.resolve(module + "/src/main/resources/application.properties"));
            assertFalse(secretWithDefault.matcher(properties).find(), module + " has a secret with a default value");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theIngressesExposeOnlyThePublicPaths(String overlay) throws Exception {
        List<HasMetadata> objects = render(overlay);
        assertEquals(Set.of("/api", "/openapi", "/q/swagger-ui"), paths(find(objects, Ingress.class, "backlight")));
        assertEquals(Set.of("/realms", "/resources"), paths(find(objects, Ingress.class, "keycloak")));
        // The console's page, assets and settings, the API, and each area of its views (App.tsx): nothing under /q.
        assertEquals(Set.of("/", "/assets", "/console-settings.json", "/api", "/my", "/manage", "/clients", "/admin"),
                paths(find(objects, Ingress.class, "console")));
        String views = Files.readString(ROOT.resolve("gateway/src/main/webui/src/App.tsx"));
        Set<String> areas = Pattern.compile("path: \"(/[a-z]+)/").matcher(views).results().map(m -> m.group(1))
                .collect(Collectors.toSet());
        assertEquals(Set.of("/my", "/manage", "/clients", "/admin"), areas, "every view of the console lies under a path the Ingress routes");
        Container keycloak = container(objects, "keycloak");
        String publicHost = keycloak.getEnv().stream().filter(e -> e.getName().equals("KC_HOSTNAME")).findFirst().orElseThrow().getValue();
        String adminHost = keycloak.getEnv().stream().filter(e -> e.getName().equals("KC_HOSTNAME_ADMIN")).findFirst().orElseThrow().getValue();
        assertFalse(adminHost.equals(publicHost), "the admin console is not on the public host");
    }

    private static Set<String> paths(Ingress ingress) {
        return ingress.getSpec().getRules().stream().flatMap(rule -> rule.getHttp().getPaths().stream())
                .map(path -> path.getPath()).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theRealmHasTheRolesClientsClaimsAndAudienceTheServicesExpect(String overlay) throws Exception {
        JsonNode realm = realm(overlay);
        assertEquals("backlight", realm.get("realm").asText());
        assertTrue(applicationProperties("time-service").getProperty("quarkus.oidc.auth-server-url").contains("/realms/backlight"));
        assertTrue(realm.get("bruteForceProtected").asBoolean(), "brute-force protection");

        Set<String> roles = new HashSet<>();
        realm.get("roles").get("realm").forEach(role -> roles.add(role.get("name").asText()));
        String rolesSource = Files.readString(ROOT.resolve("service-support/src/main/java/dev/backlight/support/tenancy/Roles.java"));
        Matcher constant = Pattern.compile("String \\w+ = \"([a-z-]+)\"").matcher(rolesSource);
        Set<String> used = new HashSet<>();
        while (constant.find()) {
            used.add(constant.group(1));
        }
        assertFalse(used.isEmpty());
        assertEquals(used, roles);

        String tenantClaim = applicationProperties("time-service").getProperty("backlight.tenant-claim");
        Map<String, JsonNode> clients = clients(realm);
        for (String publicClient : List.of("backlight-web", "backlight-mobile")) {
            JsonNode client = clients.get(publicClient);
            assertTrue(client.get("publicClient").asBoolean(), publicClient);
            assertEquals("S256", client.get("attributes").get("pkce.code.challenge.method").asText(), publicClient);
        }
        for (JsonNode client : clients.values()) {
            String id = client.get("clientId").asText();
            assertEquals(tenantClaim, mapper(client, "oidc-usermodel-attribute-mapper").get("claim.name").asText(), id);
            // Every client of the API puts the audience every service requires into its access tokens.
            for (String module : List.of("time-service", "metrics-service", "client-costing-service", "gateway")) {
                assertEquals(applicationProperties(module).getProperty("quarkus.oidc.token.audience"),
                        mapper(client, "oidc-audience-mapper").get("included.custom.audience").asText(), id + " for " + module);
            }
            if (client.path("secret").isTextual()) {
                assertTrue(client.get("secret").asText().startsWith("${"), id + " secret comes from the environment");
            }
        }
    }

    @Test
    void theProductionRealmHasNoUserNoPasswordGrantNoDefaultSecretAndNoLocalAddress() throws Exception {
        JsonNode realm = realm("prod");
        String text = realm.toString();
        assertFalse(realm.has("users") && realm.get("users").size() > 0, "no users");
        assertFalse(text.contains("\"directAccessGrantsEnabled\":true"), "no client allows the password grant");
        assertFalse(Pattern.compile("\\$\\{[A-Z_]+:").matcher(text).find(), "no placeholder with a default value");
        assertFalse(text.contains("localhost"), "no local address");
        assertEquals("all", realm.get("sslRequired").asText());
        List<String> redirects = new ArrayList<>();
        clients(realm).get("backlight-web").get("redirectUris").forEach(uri -> redirects.add(uri.asText()));
        // The web app, and Swagger UI on the API's host signing in with the same public client.
        assertEquals(List.of("${BACKLIGHT_WEB_URL}/*", "${BACKLIGHT_API_URL}/q/swagger-ui/oauth2-redirect.html"), redirects);
        // Every placeholder of the realm is given to Keycloak by the manifests.
        Set<String> given = new HashSet<>();
        container(render("prod"), "keycloak").getEnv().forEach(env -> given.add(env.getName()));
        Matcher placeholder = Pattern.compile("\\$\\{([A-Z_]+)}").matcher(text);
        while (placeholder.find()) {
            assertTrue(given.contains(placeholder.group(1)), placeholder.group(1) + " is not in Keycloak's environment");
        }
    }

    @Test
    void theDevelopmentRealmHasTheDemoUsersOfEachTenant() throws Exception {
        JsonNode realm = realm("dev");
        Set<String> tenants = new HashSet<>();
        realm.get("users").forEach(user -> {
            if (user.has("attributes") && user.get("attributes").has("tenant")) {
                tenants.add(user.get("attributes").get("tenant").get(0).asText());
            }
            if (user.path("serviceAccountClientId").asText().equals("backlight-bi")) {
                assertEquals("analyst", user.get("realmRoles").get(0).asText());
            }
        });
        assertEquals(Set.of(DemoData.CALL_CENTER, DemoData.BPO), tenants);
        for (String tenant : tenants) {
            for (String role : List.of("tenant-admin", "manager", "staff", "analyst")) {
                assertTrue(hasUser(realm, tenant, role), tenant + " has a demo " + role);
            }
        }
        // The local run imports the same realm as the dev overlay.
        assertEquals(realm, new ObjectMapper().readTree(ROOT.resolve("deploy/keycloak/dev/backlight-realm.json").toFile()));
    }

    private static JsonNode realm(String overlay) throws Exception {
        return new ObjectMapper().readTree(find(render(overlay), ConfigMap.class, "keycloak-realm").getData().get("backlight-realm.json"));
    }

    private static Map<String, JsonNode> clients(JsonNode realm) {
        Map<String, JsonNode> clients = new java.util.HashMap<>();
        realm.get("clients").forEach(client -> clients.put(client.get("clientId").asText(), client));
        return clients;
    }

    private static JsonNode mapper(JsonNode client, String type) {
        for (JsonNode mapper : client.get("protocolMappers")) {
            if (mapper.get("protocolMapper").asText().equals(type)) {
                return mapper.get("config");
            }
        }
        throw new AssertionError(client.get("clientId").asText() + " has no " + type);
    }

    private static boolean hasUser(JsonNode realm, String tenant, String role) {
        for (JsonNode user : realm.get("users")) {
            if (user.has("credentials") && user.path("attributes").path("tenant").path(0).asText().equals(tenant)
                    && user.get("realmRoles").toString().contains("\"" + role + "\"")) {
                return true;
            }
        }
        return false;
    }
}
