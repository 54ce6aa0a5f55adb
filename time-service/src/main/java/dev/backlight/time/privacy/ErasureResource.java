package dev.backlight.time.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.backlight.support.rest.Versions;
import dev.backlight.support.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/time/employees/{id}/erasure")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Employees")
@RolesAllowed(Roles.TENANT_ADMIN)
public class ErasureResource {

    private final ErasureService erasures;

    ErasureResource(ErasureService erasures) {
        this.erasures = erasures;
    }

    @POST
    @Operation(operationId = "eraseEmployee", summary = "Erase an employee's personal data",
            description = "On the person's request: their name becomes \"Erased employee <id>\" and their email "
                    + "erased-<id>@erased.invalid, their login and any waiting user name are removed and the login history "
                    + "forgets who they were, they are deactivated, and the notes of their entries and interruptions are "
                    + "removed. Their entries, hours and everything counted from them stay, so reports and aggregates do not "
                    + "change. Cannot be undone. 412 when the employee changed since the ETag in If-Match; 404 for another "
                    + "tenant's employee.")
    public Uni<ErasureView> erase(@RestPath("id") Long id,
            @RestHeader("If-Match") @Parameter(description = Versions.IF_MATCH_DESCRIPTION) String ifMatch) {
        return erasures.erase(id, ifMatch);
    }
}
