package dev.backlight.support.csv;

import java.util.List;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * An operation that answers both JSON and CSV gets one schema per media type in the document: the JSON one is the
 * report's, the CSV one is text (what {@link CsvBodyWriter} writes), so that generated clients do not parse it as JSON.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class CsvResponses implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            item.getOperations().values().stream()
                    .filter(operation -> operation.getResponses() != null)
                    .flatMap(operation -> operation.getResponses().getAPIResponses().values().stream())
                    .filter(response -> response.getContent() != null)
                    .map(response -> response.getContent().getMediaType(Csv.MEDIA_TYPE))
                    .filter(csv -> csv != null)
                    .forEach(CsvResponses::describe);
        }
    }

    private static void describe(MediaType csv) {
        csv.schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                .description("RFC 4180 CSV, UTF-8, with a header line naming the columns"));
    }
}
