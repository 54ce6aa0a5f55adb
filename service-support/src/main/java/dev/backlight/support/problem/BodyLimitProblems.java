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
 * Answers a request whose declared {@code Content-Length} is over its path's limit with a 413 problem instead of
 * Quarkus's empty 413. Paths listed in {@code backlight.http.streamed-body-paths} (streamed uploads) take up to
 * {@code quarkus.http.limits.max-body-size}; every other path takes {@code backlight.http.max-body-size} (the same
 * when unset) and, since a body of unknown length could not be held to that before it is read, must declare its
 * length (else 411). It runs just before Quarkus's own limit route (order -2) and, like it, closes the connection
 * afterwards so the unread body is never consumed.
 */
@ApplicationScoped
public class BodyLimitProblems {

    /** One step ahead of Quarkus's limit route. */
    private static final int ROUTE_ORDER = -3;

    private final Optional<MemorySize> largest;
    private final Optional<MemorySize> ordinary;
    private final List<String> streamedPaths;
    private final ObjectMapper json;

    BodyLimitProblems(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> largest,
            @ConfigProperty(name = "backlight.http.max-body-size") Optional<MemorySize> ordinary,
            @ConfigProperty(name = "backlight.http.streamed-body-paths") Optional<List<String>> streamedPaths,
            ObjectMapper json) {
        this.largest = largest;
        this.ordinary = ordinary;
        this.streamedPaths = streamedPaths.orElse(List.of());
        this.json = json;
    }

    void install(@Observes Router router) {
        if (largest.isPresent() || ordinary.isPresent()) {
            router.route().order(ROUTE_ORDER).handler(this::refuseIfTooLarge);
        }
    }

    private void refuseIfTooLarge(RoutingContext context) {
        String path = context.request().path();
        boolean streamed = streamedPaths.stream().anyMatch(path::startsWith);
        Optional<MemorySize> limit = streamed ? largest : ordinary.or(() -> largest);
        if (limit.isEmpty()) {
            context.next();
            return;
        }
        long max = limit.get().asLongValue();
        Long declared = declaredLength(context);
        if (declared == null && !streamed && ordinary.isPresent() && context.request().headers().contains(
                HttpHeaderNames.TRANSFER_ENCODING, "chunked", true)) {
            refuse(context, 411, "length-required", "Length required", "The request body's length must be declared "
                    + "(Content-Length); bodies here take at most " + max + " bytes.", "must declare its length");
        } else if (declared != null && declared > max) {
            refuse(context, 413, "payload-too-large", "Payload too large", "The request body is " + declared
                    + " bytes; the limit is " + max + " bytes.", "must be at most " + max + " bytes");
        } else {
            context.next();
        }
    }

    private void refuse(RoutingContext context, int status, String kind, String title, String detail, String fieldMessage) {
        Problem problem = new Problem(Problem.TYPE_BASE + kind, title, status, detail, context.request().path(),
                List.of(new Problem.FieldError("body", fieldMessage)), null);
        context.response()
                .setStatusCode(status)
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
