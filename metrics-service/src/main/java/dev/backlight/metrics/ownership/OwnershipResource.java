package dev.backlight.metrics.ownership;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.backlight.metrics.ownership.FunctionOwnership.Handoff;
import dev.backlight.metrics.ownership.OwnershipService.Gap;
import dev.backlight.metrics.upstream.TimeServiceClient.Employee;
import dev.backlight.support.csv.Csv;
import dev.backlight.support.csv.CsvRowSource;
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

@Path("/api/metrics/ownership")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ownership", description = "Per function: who owns the outcome, the backup for spike weeks, handoff points, definition of done")
public class OwnershipResource {

    private final OwnershipService ownership;

    OwnershipResource(OwnershipService ownership) {
        this.ownership = ownership;
    }

    @Schema(name = "HandoffPoint", description = "Where the work passes from one party to another")
    public record HandoffView(
            @NotBlank @Size(max = 200) @Schema(example = "HR") String from,
            @NotBlank @Size(max = 200) @Schema(example = "Supervisor") String to,
            @NotBlank @Size(max = 500) @Schema(description = "The point at which responsibility changes hands",
                    example = "Offer signed and start date confirmed in the HR system") String when) {
    }

    @Schema(name = "OwnershipAssignment")
    public record AssignmentRequest(
            @Schema(description = "The one responsible for the function's result", example = "12") Long ownerEmployeeId,
            @Schema(description = "Cross-trained backup for spike weeks; not the owner", example = "14") Long backupEmployeeId,
            @Valid @Size(max = 20) List<@NotNull HandoffView> handoffs,
            @Size(max = 1000) @Schema(example = "New hire has access to all systems and has completed orientation") String definitionOfDone) {
    }

    @Schema(name = "Person")
    public record PersonView(@Schema(example = "12") Long id, @Schema(example = "Dana Whitfield") String name,
            @Schema(example = "true") boolean active) {
        static PersonView of(Employee e) {
            return e == null ? null : new PersonView(e.id(), e.name(), e.active());
        }
    }

    @Schema(name = "FunctionOwnership")
    public record OwnershipView(@Schema(example = "ONBOARDING") String functionCode, @Schema(example = "Onboarding") String functionName,
            PersonView owner, PersonView backup, List<HandoffView> handoffs,
            @Schema(example = "New hire has access to all systems and has completed orientation") String definitionOfDone,
            @Schema(description = "What is missing; empty when the function is fully owned") List<Gap> gaps,
            String updatedBy, Instant updatedAt,
            @Schema(description = "Changes with every change, 0 while nothing is set; its ETag goes in If-Match", example = "1")
            long version) implements Versioned, CsvRowSource<OwnershipRow> {
        static OwnershipView of(OwnershipService.Line line) {
            var o = line.ownership();
            return new OwnershipView(line.function().code(), line.function().name(), PersonView.of(line.owner()),
                    PersonView.of(line.backup()),
                    o == null ? List.of() : o.handoffs.points().stream().map(h -> new HandoffView(h.from(), h.to(), h.when())).toList(),
                    o == null ? null : o.definitionOfDone, line.gaps(), o == null ? null : o.updatedBy, o == null ? null : o.updatedAt,
                    OwnershipService.versionOf(o));
        }

        @Override
        public OwnershipRow csvRow() {
            return OwnershipRow.of(this);
        }
    }

    /** One function's ownership, flat for BI: a line of the CSV. */
    @JsonPropertyOrder({"functionCode", "ownerEmployeeId", "ownerName", "backupEmployeeId", "backupName", "handoffs",
            "definitionOfDone", "gaps"})
    public record OwnershipRow(String functionCode, Long ownerEmployeeId, String ownerName, Long backupEmployeeId,
            String backupName, int handoffs, String definitionOfDone, String gaps) {
        static OwnershipRow of(OwnershipView v) {
            return new OwnershipRow(v.functionCode(), v.owner() == null ? null : v.owner().id(), v.owner() == null ? null : v.owner().name(),
                    v.backup() == null ? null : v.backup().id(), v.backup() == null ? null : v.backup().name(), v.handoffs().size(),
                    v.definitionOfDone(), String.join(" ", v.gaps().stream().map(Enum::name).toList()));
        }
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "listOwnership", summary = "Ownership of every function in use", description = "Functions never assigned are listed too, with their gaps. As CSV (Accept: text/csv): ownership of every function in use.")
    public Uni<ListPage<OwnershipView>> list(@Valid @BeanParam PageRequest page) {
        return ownership.all().map(lines -> ListPage.of(lines, page).map(OwnershipView::of));
    }

    @GET
    @Path("/gaps")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "getOwnershipGaps", summary = "Functions without an owner or without a backup", description = "Also those whose owner or backup "
            + "is no longer active. A missing definition of done alone does not put a function here.")
    public Uni<ListPage<OwnershipView>> gaps(@Valid @BeanParam PageRequest page) {
        return ownership.all().map(lines -> ListPage.of(lines.stream().map(OwnershipView::of)
                .filter(v -> v.gaps().stream().anyMatch(g -> g != Gap.NO_DEFINITION_OF_DONE)).toList(), page));
    }

    @GET
    @Path("/{functionCode}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "getOwnership", summary = "One function's ownership")
    public Uni<OwnershipView> one(@RestPath String functionCode) {
        return ownership.one(functionCode).map(OwnershipView::of);
    }

    @PUT
    @Path("/{functionCode}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    @Operation(operationId = "assignOwnership", summary = "Set a function's owner, backup, handoff points and definition of done", description = "Replaces what was set.")
    public Uni<OwnershipView> assign(@RestPath String functionCode, @Valid @NotNull AssignmentRequest request, @RestHeader("If-Match") @Parameter(description = Versions.IF_MATCH_DESCRIPTION) String ifMatch) {
        List<Handoff> handoffs = request.handoffs() == null ? List.of()
                : request.handoffs().stream().map(h -> new Handoff(h.from(), h.to(), h.when())).toList();
        return ownership.assign(functionCode, new OwnershipService.Assignment(request.ownerEmployeeId(), request.backupEmployeeId(),
                handoffs, request.definitionOfDone()), ifMatch).map(OwnershipView::of);
    }

    @DELETE
    @Path("/{functionCode}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    @ResponseStatus(204)
    @Operation(operationId = "clearOwnership", summary = "Clear a function's ownership")
    public Uni<Void> clear(@RestPath String functionCode, @RestHeader("If-Match") @Parameter(description = Versions.IF_MATCH_DESCRIPTION) String ifMatch) {
        return ownership.clear(functionCode, ifMatch);
    }
}
