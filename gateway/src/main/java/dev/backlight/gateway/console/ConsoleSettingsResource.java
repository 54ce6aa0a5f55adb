package dev.backlight.gateway.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.Cache;

import dev.backlight.gateway.openapi.SignInConfig;

/**
 * What the web console needs before anyone has signed in: where the realm is, as a browser reaches it, and which client
 * to sign in with. Public, as the realm's discovery document is; it is not part of the API, so not in its document.
 */
@Path("/console-settings.json")
public class ConsoleSettingsResource {

    /** The settings as the console reads them. */
    public record ConsoleSettings(String realmUrl, String clientId) {
    }

    private final ConsoleSettings settings;

    ConsoleSettingsResource(SignInConfig signIn, ConsoleConfig console) {
        this.settings = new ConsoleSettings(signIn.signInRealmUrl(), console.clientId());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    @Cache(noStore = true)
    public ConsoleSettings get() {
        return settings;
    }
}
