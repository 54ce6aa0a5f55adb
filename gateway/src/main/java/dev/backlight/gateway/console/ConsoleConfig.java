package dev.backlight.gateway.console;

import io.smallrye.config.ConfigMapping;

/** How the web console signs its users in. */
@ConfigMapping(prefix = "backlight.gateway.console")
public interface ConsoleConfig {

    /** The realm's public client the console signs in with (authorization code with PKCE). */
    String clientId();
}
