package dev.backlight.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.security.AuthenticationException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's own refusals as problem details, like every answer of the services behind it: a missing, forged,
 * expired or foreign-audience token is checked here before any route runs, and Quarkus would otherwise answer it with
 * an empty 401.
 */
@ApplicationScoped
public class EdgeProblems {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::unauthenticated);
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

    /** 401 with the Bearer challenge, for a request with no token or one that failed verification. */
    static void sendUnauthorized(RoutingContext context) {
        context.response().putHeader("WWW-Authenticate", "Bearer");
        Problems.send(context.response(), 401, Problems.about("unauthorized", "Unauthorized", 401,
                "A valid bearer token issued for the Backlight API is required", null, context.request().path()));
    }
}
