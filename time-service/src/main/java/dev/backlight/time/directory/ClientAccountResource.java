package dev.backlight.time.directory;


import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.backlight.support.rest.ListPage;
import dev.backlight.support.rest.PageRequest;
import dev.backlight.support.rest.Versioned;
import dev.backlight.support.rest.Versions;
import dev.backlight.support.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/time/clients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Client accounts", description = "A BPO's client accounts, which back-office time can be logged against")
public class ClientAccountResource {

    @Inject
    ClientAccountService clientService;

    @Schema(name = "NewClientAccount")
    public record NewClientAccount(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,39}", message = "must be 1-40 letters, digits, '_' or '-'")
            @Schema(example = "CLIENT-A") String code,
            @NotBlank @Size(max = 200) @Schema(example = "Client A (telecom)") String name) {
    }

    @Schema(name = "ClientAccountChange")
    public record ClientAccountChange(
            @NotBlank @Size(max = 200) @Schema(example = "Client A (telecom)") String name,
            @NotNull @Schema(description = "Inactive clients take no new time", example = "true") Boolean active) {
    }

    @Schema(name = "ClientAccount")
    public record ClientAccountView(
            @Schema(example = "CLIENT-A") String code,
            @Schema(example = "Client A (telecom)") String name,
            @Schema(example = "true") boolean active,
            @Schema(description = "Changes with every change; its ETag goes in If-Match", example = "3") long version) implements Versioned {
        static ClientAccountView of(ClientAccount c) {
            return new ClientAccountView(c.code, c.name, c.active, c.version);
        }
    }

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.STAFF, Roles.ANALYST})
    @Operation(operationId = "listClients", summary = "List client accounts", description = "Active ones by default.")
    public Uni<ListPage<ClientAccountView>> list(@QueryParam("includeInactive") @DefaultValue("false") boolean includeInactive, @Valid @BeanParam PageRequest page) {
        return clientService.list(includeInactive).map(list -> ListPage.of(list, page).map(ClientAccountView::of));
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.STAFF, Roles.ANALYST})
    @Operation(operationId = "getClient", summary = "One client account")
    public Uni<ClientAccountView> get(@RestPath String code) {
        return clientService.get(code).map(ClientAccountView::of);
    }

    @POST
    @RolesAllowed(Roles.TENANT_ADMIN)
    @ResponseStatus(201)
    @Operation(operationId = "createClient", summary = "Add a client account", description = "409 if the code is taken in this tenant.")
    public Uni<ClientAccountView> create(@Valid @NotNull NewClientAccount request) {
        return clientService.create(request.code(), request.name()).map(ClientAccountView::of);
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(operationId = "updateClient", summary = "Rename, deactivate or reactivate a client account")
    public Uni<ClientAccountView> update(@RestPath String code, @Valid @NotNull ClientAccountChange request,
            @RestHeader("If-Match") @Parameter(description = Versions.IF_MATCH_DESCRIPTION) String ifMatch) {
        return clientService.update(code, request.name(), request.active(), ifMatch).map(ClientAccountView::of);
    }
}
