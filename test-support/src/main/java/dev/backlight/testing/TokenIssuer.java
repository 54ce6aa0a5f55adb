package dev.backlight.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.smallrye.jwt.build.Jwt;

/**
 * Signs real RS256 bearer tokens shaped like Keycloak's (tenant claim, realm roles under realm_access.roles) with
 * a key pair made for this run, so the services verify them exactly as they verify Keycloak's: against a public key.
 */
public final class TokenIssuer {

    public static final String ISSUER = "https://backlight.test/realms/backlight";
    /** The audience the services require, as Keycloak's audience mapper sets it on the API's clients. */
    public static final String API_AUDIENCE = "backlight-api";

    private final KeyPair keys;

    public TokenIssuer() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as {@code quarkus.oidc.public-key} takes it: Base64 of its X.509 encoding. */
    public String publicKey() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    /** What a service needs to trust this issuer's tokens with no Keycloak server to ask. */
    public Map<String, String> quarkusOidcConfig() {
        return Map.of(
                "quarkus.oidc.auth-server-url", "",
                "quarkus.oidc.discovery-enabled", "false",
                "quarkus.oidc.public-key", publicKey(),
                "quarkus.oidc.token.issuer", ISSUER);
    }

    /** A token for a user of a tenant (tenant may be null for a platform administrator). */
    public String token(String tenant, String subject, Duration lifetime, String... roles) {
        return token(API_AUDIENCE, tenant, subject, lifetime, roles);
    }

    /** A token issued for another audience, as the realm issues to its other clients. */
    public String token(String audience, String tenant, String subject, Duration lifetime, String... roles) {
        return token(audience, tenant, subject, Map.of(), lifetime, roles);
    }

    /** A token with more claims than the usual ones (such as a user's email), or with some of them replaced. */
    public String token(String audience, String tenant, String subject, Map<String, Object> claims, Duration lifetime,
            String... roles) {
        var builder = Jwt.issuer(ISSUER)
                .audience(audience)
                .subject(subject)
                .claim("preferred_username", subject)
                .claim("typ", "Bearer")
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(lifetime);
        if (tenant != null) {
            builder.claim("tenant", tenant);
        }
        claims.forEach(builder::claim);
        return builder.jws().keyId("backlight-test").sign(keys.getPrivate());
    }
}
