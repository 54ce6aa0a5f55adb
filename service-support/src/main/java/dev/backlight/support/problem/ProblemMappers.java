package dev.backlight.support.problem;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.backlight.support.json.InvalidValue;
import dev.backlight.support.rest.InvalidParameter;
import dev.backlight.support.upstream.UpstreamConfig;
import dev.backlight.support.upstream.UpstreamUnavailable;
import io.netty.channel.ConnectTimeoutException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 {@code application/problem+json} response: the caller's mistakes into 4xx
 * naming the offending field, conflicts with stored data into 409, and anything unexpected into a 500 that reveals
 * nothing internal.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** SQLSTATE of a CHECK constraint: the request's values are wrong, not in conflict with other data. */
    private static final String CHECK_VIOLATION = "23514";
    /** SQLSTATE of a statement cancelled by statement_timeout. */
    private static final String QUERY_CANCELED = "57014";

    /** Its retry-after matches the circuit breakers' delay before they let a trial call through. */
    @Inject
    UpstreamConfig upstream;

    @ServerExceptionMapper
    public RestResponse<Problem> api(ApiException e, UriInfo uri) {
        RestResponse.ResponseBuilder<Problem> builder = builder(e.problem().withInstance(uri.getPath()));
        if (e.retryAfterSeconds() != null) {
            builder.header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> restViolation(ResteasyReactiveViolationException e, UriInfo uri) {
        return violations(e, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> violation(ConstraintViolationException e, UriInfo uri) {
        return violations(e, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalidParameter(InvalidParameter e, UriInfo uri) {
        return invalid(e.parameter(), e.rule(), uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableBody(e, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalidFormat(InvalidFormatException e, UriInfo uri) {
        return unreadableBody(e, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unreadableJson(JsonProcessingException e, UriInfo uri) {
        return unreadableBody(e, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "forbidden", "Forbidden", 403,
                "Your role does not allow this operation", uri.getPath(), null, null));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    private static RestResponse<Problem> unauthorized(UriInfo uri) {
        return builder(new Problem(Problem.TYPE_BASE + "unauthorized", "Unauthorized", 401,
                "A valid bearer token is required", uri.getPath(), null, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Optional<JsonProcessingException> json = causeOfType(e, JsonProcessingException.class);
        if (status == 400 && json.isPresent()) {
            return unreadableBody(json.get(), uri);
        }
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        Response.StatusType statusInfo = Response.Status.fromStatusCode(status);
        String title = statusInfo == null ? "HTTP " + status : statusInfo.getReasonPhrase();
        String detail = status >= 500 ? "The request could not be completed" : e.getMessage();
        return respond(new Problem(Problem.TYPE_BASE + "http-" + status, title, status, detail, uri.getPath(), null, null));
    }

    /** A service this one calls is down, slow or failing: 503 with Retry-After, so clients back off and retry. */
    @ServerExceptionMapper
    public RestResponse<Problem> upstream(UpstreamUnavailable e, UriInfo uri) {
        LOG.warnf("Dependency unavailable: %s", e.getMessage());
        return api(ApiException.unavailable(e.service(), e.service() + " is not responding; nothing was changed. "
                + "Try again shortly.", upstream.retryAfterSeconds()), uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> optimisticLock(OptimisticLockException e, UriInfo uri) {
        return concurrentChange(uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> staleState(StaleStateException e, UriInfo uri) {
        return concurrentChange(uri);
    }

    /** Last resort: database constraint violations become 409, anything else a 500 with no internals in it. */
    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable e, UriInfo uri) {
        Optional<PgException> pg = causeOfType(e, PgException.class);
        String state = pg.map(PgException::getSqlState).orElse("");
        if (state.equals(CHECK_VIOLATION)) {
            return invalid("body", "breaks the rule " + constraintDescription(pg.get()), uri);
        }
        if (state.startsWith("23")) {
            return respond(new Problem(Problem.TYPE_BASE + "constraint", "Conflict", 409,
                    "The request conflicts with stored data: " + constraintDescription(pg.get()), uri.getPath(), null, null));
        }
        if (causeOfType(e, StaleStateException.class).isPresent() || causeOfType(e, OptimisticLockException.class).isPresent()) {
            return concurrentChange(uri);
        }
        Optional<ApiException> api = causeOfType(e, ApiException.class);
        if (api.isPresent()) {
            return api(api.get(), uri);
        }
        Optional<UpstreamUnavailable> upstream = causeOfType(e, UpstreamUnavailable.class);
        if (upstream.isPresent()) {
            return upstream(upstream.get(), uri);
        }
        if (state.startsWith("22")) {
            // Data exceptions: a value the database cannot hold (numeric overflow, a date out of its range, ...).
            return invalid("body", "holds a value the database cannot store: " + pg.get().getErrorMessage(), uri);
        }
        if (state.equals(QUERY_CANCELED)) {
            return databaseUnavailable("The request took longer than the database allows one statement to run; nothing "
                    + "was changed. Ask for a shorter period or fewer groups.", e, uri);
        }
        // Connection failures and SQLSTATE classes 08 and 57P: the database is down, restarting or unreachable.
        if (state.startsWith("08") || state.startsWith("57P") || causeOfType(e, ConnectException.class).isPresent()
                || causeOfType(e, ClosedConnectionException.class).isPresent()
                || causeOfType(e, ConnectTimeoutException.class).isPresent()) {
            return databaseUnavailable("The database is not reachable; nothing was changed. Try again shortly.", e, uri);
        }
        LOG.error("Unexpected failure on " + uri.getPath(), e);
        return respond(new Problem(Problem.TYPE_BASE + "internal", "Internal error", 500,
                "The request could not be completed", uri.getPath(), null, null));
    }

    private RestResponse<Problem> databaseUnavailable(String detail, Throwable e, UriInfo uri) {
        LOG.warnf("Database unavailable on %s: %s", uri.getPath(), e);
        return api(ApiException.unavailable("database", detail, upstream.retryAfterSeconds()), uri);
    }

    private static RestResponse<Problem> concurrentChange(UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "concurrent-change", "Conflict", 409,
                "The object was changed by another request; read it again and retry", uri.getPath(), null, null));
    }

    private static String constraintDescription(PgException pg) {
        return pg.getConstraint() != null ? pg.getConstraint() : pg.getErrorMessage();
    }

    private static RestResponse<Problem> violations(ConstraintViolationException e, UriInfo uri) {
        boolean ourFault = e.getConstraintViolations().stream()
                .anyMatch(v -> lastKind(v.getPropertyPath()) == ElementKind.RETURN_VALUE);
        if (ourFault) {
            LOG.error("Response failed validation", e);
            return respond(new Problem(Problem.TYPE_BASE + "internal", "Internal error", 500,
                    "The request could not be completed", uri.getPath(), null, null));
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldPath(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).reduce((a, b) -> a + "; " + b).orElse("Invalid request");
        return respond(new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 400, detail, uri.getPath(), errors, null));
    }

    private static RestResponse<Problem> unreadableBody(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping.getPath()) : "";
        return invalid(field.isEmpty() ? "body" : field, unreadableValueMessage(e), uri);
    }

    private static String unreadableValueMessage(JsonProcessingException e) {
        if (e instanceof InvalidValue broken) {
            return broken.rule();
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            return "must be one of " + Arrays.toString(invalid.getTargetType().getEnumConstants()) + ", not '" + invalid.getValue() + "'";
        }
        if (e instanceof InvalidFormatException invalid) {
            return "has an invalid value '" + invalid.getValue() + "' for type " + invalid.getTargetType().getSimpleName();
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "is not a valid " + mismatched.getTargetType().getSimpleName();
        }
        return "is not valid JSON: " + e.getOriginalMessage();
    }

    private static RestResponse<Problem> invalid(String field, String message, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 400, field + " " + message,
                uri.getPath(), List.of(new Problem.FieldError(field, message)), null));
    }

    /** "create.request.items[0].name" becomes "items[0].name"; a query parameter keeps its own name. */
    static String fieldPath(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        List<Path.Node> meaningful = nodes.stream()
                .filter(n -> n.getKind() != ElementKind.METHOD && n.getKind() != ElementKind.CONSTRUCTOR)
                .toList();
        boolean bodyProperties = meaningful.size() > 1 && meaningful.get(0).getKind() == ElementKind.PARAMETER;
        List<Path.Node> path = bodyProperties ? meaningful.subList(1, meaningful.size()) : meaningful;
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getIndex() != null && out.length() > 0) {
                out.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(node.getName());
            }
        }
        return out.length() == 0 ? "body" : out.toString();
    }

    private static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static ElementKind lastKind(Path path) {
        ElementKind kind = null;
        for (Path.Node node : path) {
            kind = node.getKind();
        }
        return kind;
    }

    private static <T extends Throwable> Optional<T> causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static RestResponse<Problem> respond(Problem problem) {
        return builder(problem).build();
    }

    private static RestResponse.ResponseBuilder<Problem> builder(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem>create(problem.status()).entity(problem).type(Problem.MEDIA_TYPE);
    }
}
