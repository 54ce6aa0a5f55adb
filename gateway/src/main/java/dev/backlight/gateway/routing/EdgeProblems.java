package dev.backlight.gateway.routing;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.security.AuthenticationException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's own refusals as problem details, like every answer of the services behind it: a missing, forged,
 * expired or foreign-audience token is checked here before any route runs, and Quarkus would otherwise answer it with
 * an empty 401; an over-long URI is refused here too, before the services' HTTP codec would answer it with an empty 414;
 * a path no service serves gets a 404 problem listing the ones they do.
 */
@ApplicationScoped
public class EdgeProblems {

    private static final int LONGEST_INSTANCE = 200;

    private final int maxUriLength;
    private final List<String> prefixes;

    EdgeProblems(GatewayConfig config) {
        this.maxUriLength = config.maxUriLength();
        this.prefixes = config.services().values().stream().map(GatewayConfig.Service::prefix).sorted().toList();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::uriWithinLimit);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::unauthenticated);
        // After every service's prefix: what none of them serves.
        router.route("/api/*").order(Integer.MAX_VALUE).handler(this::servedByNoService);
    }

    private void servedByNoService(RoutingContext context) {
        Problems.send(context.response(), 404, Problems.about("not-found", "Not found", 404, "No service serves "
                + shortened(context.request().path()) + "; the API's paths start with " + String.join(", ", prefixes),
                null, shortened(context.request().path())));
    }

    private void uriWithinLimit(RoutingContext context) {
        int length = context.request().uri().length();
        if (length <= maxUriLength) {
            context.next();
            return;
        }
        Problems.send(context.response(), 414, Problems.about("uri-too-long", "URI too long", 414,
                "The path and query are " + length + " characters long; at most " + maxUriLength + " are accepted", null,
                shortened(context.request().path()), "uri", "must be at most " + maxUriLength + " characters"));
    }

    private void unauthenticated(RoutingContext context) {
        Throwable failure = context.failure();
        boolean authentication = failure instanceof AuthenticationException || failure instanceof UnauthorizedException;
        if (!authentication || context.response().headWritten()) {
            context.next();
            return;
        }
        sendUnauthorized(context);
    }

    private static String shortened(String path) {
        return path.length() > LONGEST_INSTANCE ? path.substring(0, LONGEST_INSTANCE) : path;
    }

    /** 401 with the Bearer challenge, for a request with no token or one that failed verification. */
    static void sendUnauthorized(RoutingContext context) {
        context.response().putHeader("WWW-Authenticate", "Bearer");
        Problems.send(context.response(), 401, Problems.about("unauthorized", "Unauthorized", 401,
                "A valid bearer token issued for the Backlight API is required", null, context.request().path()));
    }
}
