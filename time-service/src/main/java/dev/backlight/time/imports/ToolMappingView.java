package dev.backlight.time.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backlight.support.rest.Versioned;
import dev.backlight.support.rest.Versions;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tenant's remembered mapping for one tool, with its version (0 while none is stored). */
@Schema(name = "RememberedImportMapping")
public record ToolMappingView(ToolMapping mapping,
        @Schema(description = "Changes with every change; its ETag goes in If-Match. 0 while none is stored", example = "2") long version)
        implements Versioned {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ToolMappingView of(String mappingJson, long version) {
        try {
            return new ToolMappingView(JSON.readValue(mappingJson, ToolMapping.class), version);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored import mapping is not readable", e);
        }
    }

    String etag() {
        return Versions.etag(version);
    }
}
