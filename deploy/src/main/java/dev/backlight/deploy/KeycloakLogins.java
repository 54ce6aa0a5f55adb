package dev.backlight.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo users of deploy/keycloak/dev/backlight-realm.json, logged in through Keycloak itself (password grant of the
 * backlight-cli client, which only the demo realm has) to get the same tokens a user's app would.
 */
final class KeycloakLogins {

    static final String PASSWORD = "demo";

    /** The demo user of each tenant and role; the platform administrator belongs to no tenant. */
    static final Map<String, String> USERS = Map.of(
            DemoData.CALL_CENTER + "/tenant-admin", "cc-admin",
            DemoData.CALL_CENTER + "/manager", "cc-manager",
            DemoData.CALL_CENTER + "/analyst", "cc-analyst",
            DemoData.CALL_CENTER + "/staff", "dana",
            DemoData.BPO + "/tenant-admin", "bpo-admin",
            DemoData.BPO + "/manager", "bpo-manager",
            DemoData.BPO + "/analyst", "bpo-analyst",
            DemoData.BPO + "/staff", "ava",
            "/platform-admin", "platform-admin");

    private final HttpClient http;
    private final String realmUrl;
    private final ObjectMapper json = new ObjectMapper();

    KeycloakLogins(HttpClient http, String realmUrl) {
        this.http = http;
        this.realmUrl = realmUrl;
    }

    /** An access token of the demo user with {@code role} in {@code tenant} (null tenant: the platform administrator). */
    String realmUrl() {
        return realmUrl;
    }

    String token(String tenant, String role) {
        String user = USERS.get((tenant == null ? "" : tenant) + "/" + role);
        if (user == null) {
            throw new IllegalArgumentException("no demo user with role " + role + " in " + tenant);
        }
        return tokenOf(user, PASSWORD);
    }

    String tokenOf(String username, String password) {
        return tokenOf("backlight-cli", username, password);
    }

    /** A password-grant token issued to {@code clientId}, which may be a client of the realm other than the API's. */
    String tokenOf(String clientId, String username, String password) {
        return tokenOf(realmUrl, clientId, username, password);
    }

    /**
     * Makes a user of the Backlight realm as an administrator would in Keycloak's console, signed in as the console's
     * administrator with {@code adminPassword}.
     */
    void createUser(String adminPassword, String username, String password) {
        String consoleAdmin = tokenOf(realmUrl.replace("/realms/backlight", "/realms/master"), "admin-cli", "admin", adminPassword);
        Map<String, Object> user = Map.of("username", username, "enabled", true, "email", username + "@backlight.example",
                "emailVerified", true, "firstName", "Made", "lastName", "At run time",
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl.replace("/realms/", "/admin/realms/") + "/users"))
                    .header("Authorization", "Bearer " + consoleAdmin).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(user))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("Keycloak did not make user " + username + ": " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not answering", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String tokenOf(String realmUrl, String clientId, String username, String password) {
        String form = "client_id=" + clientId + "&grant_type=password&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused " + username + ": " + response.body());
            }
            return json.readTree(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not answering", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
