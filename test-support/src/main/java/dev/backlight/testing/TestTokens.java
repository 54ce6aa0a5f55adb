package dev.backlight.testing;

import java.time.Duration;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Test resource that makes a service verify tokens against this run's {@link TokenIssuer} key, and the static
 * entry point tests use to mint tokens for any tenant, subject and roles.
 */
public class TestTokens implements QuarkusTestResourceLifecycleManager {

    private static final TokenIssuer ISSUER = new TokenIssuer();

    @Override
    public Map<String, String> start() {
        return ISSUER.quarkusOidcConfig();
    }

    @Override
    public void stop() {
    }

    /** The issuer this run's services trust, for launching other services that must trust it too. */
    static TokenIssuer issuer() {
        return ISSUER;
    }

    public static String token(String tenant, String subject, String... roles) {
        return ISSUER.token(tenant, subject, Duration.ofMinutes(30), roles);
    }

    /** A token the realm issued to another client than the API's: every service must refuse it. */
    public static String tokenForAudience(String audience, String tenant, String subject, String... roles) {
        return ISSUER.token(audience, tenant, subject, Duration.ofMinutes(30), roles);
    }

    /** A user's token as Keycloak issues it with the email scope: their user name and email, verified or not. */
    public static String tokenWithEmail(String tenant, String subject, String username, String email, boolean verified,
            String... roles) {
        return ISSUER.token(TokenIssuer.API_AUDIENCE, tenant, subject, Map.of("preferred_username", username, "email", email,
                "email_verified", verified), Duration.ofMinutes(30), roles);
    }

    /** The value of an Authorization header for such a token. */
    public static String bearer(String tenant, String subject, String... roles) {
        return "Bearer " + token(tenant, subject, roles);
    }
}
