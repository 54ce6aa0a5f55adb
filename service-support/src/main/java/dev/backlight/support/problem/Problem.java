package dev.backlight.support.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details body. {@code errors} names the offending fields; other members (for example the id of
 * a conflicting object) are carried as extensions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details, sent as application/problem+json for every error.")
public record Problem(
        @Schema(description = "URI naming the kind of problem", example = "https://backlight.dev/problems/validation") String type,
        @Schema(description = "Short summary of the kind of problem", example = "Invalid request") String title,
        @Schema(description = "HTTP status code", example = "400") int status,
        @Schema(description = "What went wrong in this occurrence", example = "endedAt must be after startedAt") String detail,
        @Schema(description = "The request path", example = "/api/time/entries") String instance,
        @Schema(description = "One item per offending field") List<FieldError> errors,
        // Written as members of their own (extensionMembers), never as an "extensions" object.
        @JsonIgnore @Schema(hidden = true) Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://backlight.dev/problems/";

    /** The members RFC 9457 defines and this type adds; an extension may never shadow one of them. */
    private static final Set<String> MEMBERS = Set.of("type", "title", "status", "detail", "instance", "errors");

    public Problem {
        if (extensions != null && extensions.keySet().stream().anyMatch(MEMBERS::contains)) {
            throw new IllegalArgumentException("Problem extensions must not shadow a standard member: " + extensions.keySet());
        }
    }

    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(description = "Path of the offending field in the request", example = "endedAt") String field,
            @Schema(description = "What is wrong with it", example = "must be after startedAt") String message) {
    }

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions == null ? Map.of() : extensions;
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors, extensions);
    }

    static Map<String, Object> extensionsOf(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
