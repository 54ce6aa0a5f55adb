package dev.backlight.support.problem;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request whose declared {@code Content-Length} is over {@code quarkus.http.limits.max-body-size} with a
 * 413 problem instead of Quarkus's empty 413. It runs just before Quarkus's own limit route (order -2) and, like it,
 * closes the connection afterwards so the unread body is never consumed.
 */
@ApplicationScoped
public class BodyLimitProblems {

    /** One step ahead of Quarkus's limit route. */
    private static final int ROUTE_ORDER = -3;

    private final Optional<MemorySize> maxBodySize;
    private final ObjectMapper json;

    BodyLimitProblems(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
            ObjectMapper json) {
        this.maxBodySize = maxBodySize;
        this.json = json;
    }

    void install(@Observes Router router) {
        maxBodySize.ifPresent(size -> router.route().order(ROUTE_ORDER)
                .handler(context -> refuseIfDeclaredTooLarge(context, size.asLongValue())));
    }

    private void refuseIfDeclaredTooLarge(RoutingContext context, long limit) {
        Long declared = declaredLength(context);
        if (declared == null || declared <= limit) {
            context.next();
            return;
        }
        Problem problem = new Problem(Problem.TYPE_BASE + "payload-too-large", "Payload too large", 413,
                "The request body is " + declared + " bytes; the limit is " + limit + " bytes.",
                context.request().path(), List.of(new Problem.FieldError("body", "must be at most " + limit + " bytes")),
                null);
        context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaderNames.CONNECTION, "close")
                .endHandler(ignored -> context.request().connection().close());
        context.response().end(encode(problem));
    }

    private static Long declaredLength(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (header == null) {
            return null;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException malformed) {
            return null; // the HTTP codec rejects it before any handler sees the body
        }
    }

    private String encode(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problem details must always serialise", e);
        }
    }
}
