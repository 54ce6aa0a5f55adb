package dev.backlight.support.problem;

import java.util.Map;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the refusals every operation can answer, each as {@code application/problem+json} with the
 * {@link Problem} schema, so that generated clients know the shape of every error: 400 where anything is sent, 401, 403,
 * 404 where the path names an object, 412 where {@code If-Match} is taken, 429 (the gateway's rate limit) and 503 (a
 * dependency down, with Retry-After).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    private static final String SCHEMA = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            item.getOperations().forEach((method, operation) -> document(method, operation));
        }
    }

    private static void document(PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean takesInput = operation.getRequestBody() != null || hasParameter(operation, null);
        if (takesInput) {
            refusal(responses, "400", "The request is malformed or a value is invalid; `errors` names each field or parameter");
        }
        refusal(responses, "401", "No valid bearer token issued for the Backlight API");
        refusal(responses, "403", "The caller's role, or a rule about the data, does not allow this");
        if (hasParameter(operation, Parameter.In.PATH)) {
            refusal(responses, "404", "No such object in the caller's tenant");
        }
        if (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.DELETE) {
            if (operation.getParameters() != null
                    && operation.getParameters().stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()))) {
                refusal(responses, "412", "If-Match names a version that is no longer current");
            }
        }
        refusal(responses, "429", "Over the caller's or the tenant's rate limit, or too many large reports at once; see Retry-After");
        refusal(responses, "503", "A service or the database this depends on is unavailable; nothing was changed; see Retry-After");
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                response.getValue().setContent(problemContent());
            }
        }
    }

    private static void refusal(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static boolean hasParameter(Operation operation, Parameter.In in) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> in == null || p.getIn() == in);
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA)));
    }
}
