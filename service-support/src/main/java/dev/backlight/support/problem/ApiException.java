package dev.backlight.support.problem;

import java.util.List;
import java.util.Map;

/**
 * A failure that the caller caused or can act on, carrying the problem it answers with. Services throw these from
 * their business rules; {@link ProblemMappers} turns them into {@code application/problem+json} responses.
 */
public class ApiException extends RuntimeException {

    private final transient Problem problem;
    private final Integer retryAfterSeconds;

    public ApiException(Problem problem) {
        this(problem, null);
    }

    private ApiException(Problem problem, Integer retryAfterSeconds) {
        super(problem.detail());
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /**
     * The same problem with every field path under {@code prefix}, e.g. "endedAt" becoming "rows[3].endedAt" for
     * a failure of one item of a batch.
     */
    public ApiException under(String prefix) {
        List<Problem.FieldError> errors = problem.errors() == null ? null : problem.errors().stream()
                .map(f -> new Problem.FieldError(prefix + "." + f.field(), f.message())).toList();
        String detail = errors != null && errors.size() == 1 ? prefix + "." + problem.detail() : prefix + ": " + problem.detail();
        return new ApiException(new Problem(problem.type(), problem.title(), problem.status(), detail,
                problem.instance(), errors, problem.extensions()), retryAfterSeconds);
    }

    /** 400: one field of the request is wrong. */
    public static ApiException invalidField(String field, String message) {
        return new ApiException(new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 400,
                field + " " + message, null, List.of(new Problem.FieldError(field, message)), null));
    }

    /** 400: several fields of the request are wrong, each named in {@code errors}. */
    public static ApiException invalidFields(String detail, List<Problem.FieldError> errors) {
        return new ApiException(new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 400, detail, null,
                errors, null));
    }

    /** 404: the object does not exist for this tenant (objects of other tenants answer the same). */
    public static ApiException notFound(String what, Object id) {
        return new ApiException(new Problem(Problem.TYPE_BASE + "not-found", "Not found", 404,
                what + " " + id + " does not exist", null, null, Problem.extensionsOf("resource", what, "id", String.valueOf(id))));
    }

    /**
     * 400 for an object a request body refers to in a field that does not exist for this tenant: the request is
     * wrong, not its path (404 is kept for an unknown id in the path).
     */
    public static ApiException unknownReference(String field, String what, Object id) {
        return new ApiException(new Problem(Problem.TYPE_BASE + "unknown-reference", "Invalid request", 400,
                field + " refers to " + what + " " + id + ", which does not exist",
                null, List.of(new Problem.FieldError(field, "refers to " + what + " " + id + ", which does not exist")),
                Problem.extensionsOf("resource", what, "id", String.valueOf(id))));
    }

    /** 409: the request is valid but conflicts with the current state; extensions name what it conflicts with. */
    public static ApiException conflict(String kind, String detail, Object... extensionKeyValues) {
        return new ApiException(new Problem(Problem.TYPE_BASE + kind, "Conflict", 409, detail, null, null,
                Problem.extensionsOf(extensionKeyValues)));
    }

    /**
     * 409: a create repeats an externalRef that already identifies a record with other content or from another
     * recorder. Only the very same request, repeated, is answered with the stored record.
     */
    public static ApiException externalRefReused(String externalRef, Object storedId) {
        return conflict("external-ref-reused", "externalRef " + externalRef + " already identifies a different record; "
                + "repeat the original request to get it, or use a new externalRef", "field", "externalRef", "storedId", storedId);
    }

    /** 412: the If-Match of a change names a version the object is no longer at. */
    public static ApiException preconditionFailed(String currentEtag) {
        return new ApiException(new Problem(Problem.TYPE_BASE + "precondition-failed", "Precondition failed", 412,
                "The object changed since the version you read; read it again (ETag " + currentEtag + ") and retry",
                null, List.of(new Problem.FieldError("If-Match", "does not match the current version " + currentEtag)),
                Problem.extensionsOf("currentETag", currentEtag)));
    }

    /** 403: authenticated, but this caller may not do this. */
    public static ApiException forbidden(String detail) {
        return new ApiException(new Problem(Problem.TYPE_BASE + "forbidden", "Forbidden", 403, detail, null, null, null));
    }

    /** 429: the caller's tenant already runs as much heavy work as it may at once; retry after the given delay. */
    public static ApiException tenantBusy(String detail, int retryAfterSeconds) {
        return new ApiException(new Problem(Problem.TYPE_BASE + "tenant-busy", "Too many requests", 429, detail, null, null,
                null), retryAfterSeconds);
    }

    /** 503: a service this one depends on is unavailable; the caller may retry after the given delay. */
    public static ApiException unavailable(String service, String detail, int retryAfterSeconds) {
        return new ApiException(new Problem(Problem.TYPE_BASE + "dependency-unavailable", "Service unavailable", 503,
                detail, null, null, Map.of("service", service)), retryAfterSeconds);
    }
}
