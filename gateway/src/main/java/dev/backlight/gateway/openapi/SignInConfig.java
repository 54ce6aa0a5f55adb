package dev.backlight.gateway.openapi;

import io.smallrye.config.ConfigMapping;

/** How people sign in from Swagger UI and other tools that read the gathered document. */
@ConfigMapping(prefix = "backlight.gateway.openapi")
public interface SignInConfig {

    /** The Keycloak realm as a browser reaches it (its public address, not the cluster-internal one). */
    String signInRealmUrl();
}
