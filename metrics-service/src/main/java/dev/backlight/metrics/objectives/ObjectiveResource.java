package dev.backlight.metrics.objectives;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.backlight.metrics.objectives.ObjectiveService.Progress;
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

@Path("/api/metrics/objectives")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Objectives", description = "SMART objectives on any function metric, with progress measured from the data")
public class ObjectiveResource {

    private final ObjectiveService objectives;

    ObjectiveResource(ObjectiveService objectives) {
        this.objectives = objectives;
    }

    @Schema(name = "ObjectiveRequest")
    public record ObjectiveRequest(
            @NotBlank @Size(max = 200) @Schema(example = "Reports under 2 hours each by the end of March") String title,
            @NotBlank @Schema(example = "REPORTING") String functionCode,
            @NotNull @Schema(example = "HOURS_PER_UNIT") Objective.Metric metric,
            @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 4) @Schema(example = "2") BigDecimal target,
            @NotNull @Schema(example = "AT_MOST") Objective.Direction direction,
            @NotNull @Schema(example = "2026-03-02") LocalDate startDate,
            @NotNull @Schema(example = "2026-03-30") LocalDate dueDate,
            @NotNull @Schema(example = "12") Long ownerEmployeeId) {
        ObjectiveService.ObjectiveData data() {
            return new ObjectiveService.ObjectiveData(title, functionCode, metric, target, direction, startDate, dueDate, ownerEmployeeId);
        }
    }

    @Schema(name = "Objective")
    public record ObjectiveView(Long id, String title, String functionCode, Objective.Metric metric, BigDecimal target,
            Objective.Direction direction, LocalDate startDate, LocalDate dueDate, Long ownerEmployeeId, String createdBy,
            Instant createdAt, @Schema(description = "Measured when read") Progress progress,
            @Schema(description = "Changes with every change; its ETag goes in If-Match", example = "3") long version)
            implements Versioned, CsvRowSource<ObjectiveRow> {

        @Override
        public ObjectiveRow csvRow() {
            return ObjectiveRow.of(this);
        }

        static ObjectiveView of(Objective o, Progress progress) {
            return new ObjectiveView(o.id, o.title, o.functionCode, o.metric, o.target, o.direction, o.startDate, o.dueDate,
                    o.ownerEmployeeId, o.createdBy, o.createdAt, progress, o.version);
        }
    }

    /** One objective and its progress, flat for BI: a line of the CSV. */
    @JsonPropertyOrder({"id", "title", "functionCode", "metric", "direction", "target", "startDate", "dueDate", "ownerEmployeeId",
            "startingValue", "currentValue", "progressPercent", "elapsedPercent", "status"})
    public record ObjectiveRow(Long id, String title, String functionCode, Objective.Metric metric, Objective.Direction direction,
            BigDecimal target, LocalDate startDate, LocalDate dueDate, Long ownerEmployeeId, BigDecimal startingValue,
            BigDecimal currentValue, BigDecimal progressPercent, BigDecimal elapsedPercent, ObjectiveService.Status status) {
        static ObjectiveRow of(ObjectiveView v) {
            Progress p = v.progress();
            return new ObjectiveRow(v.id(), v.title(), v.functionCode(), v.metric(), v.direction(), v.target(), v.startDate(), v.dueDate(),
                    v.ownerEmployeeId(), p.startingValue(), p.currentValue(), p.progressPercent(), p.elapsedPercent(), p.status());
        }
    }

    @POST
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    @ResponseStatus(201)
    @Operation(operationId = "createObjective", summary = "Set an objective", description = "A tenant keeps at most " + ObjectiveService.MAX_OBJECTIVES
            + " objectives (409 beyond), since every read measures each of them.")
    public Uni<ObjectiveView> create(@Valid @NotNull ObjectiveRequest request) {
        return objectives.create(request.data()).chain(o -> withProgress(List.of(o), null)).map(list -> list.get(0));
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "listObjectives", summary = "Objectives with their progress", description = "Status as of asOf (default today in the tenant's zone): "
            + "ON_TRACK when the target is met or the way covered keeps up with the time elapsed, AT_RISK when it does not, "
            + "ACHIEVED or MISSED once the due date has passed, NOT_STARTED before the start, NO_DATA when nothing was measured. As CSV (Accept: text/csv): objectives with their progress.")
    public Uni<ListPage<ObjectiveView>> list(@QueryParam("asOf") LocalDate asOf, @Valid @BeanParam PageRequest page) {
        return objectives.list().chain(all -> {
            ListPage<Objective> one = ListPage.of(all, page);
            return withProgress(one.items(), asOf).map(views -> new ListPage<>(views, one.page(), one.size(), one.total()));
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "getObjective", summary = "One objective with its progress")
    public Uni<ObjectiveView> one(@RestPath long id, @QueryParam("asOf") LocalDate asOf) {
        return objectives.one(id).chain(o -> withProgress(List.of(o), asOf)).map(list -> list.get(0));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    @Operation(operationId = "updateObjective", summary = "Change an objective", description = "Replaces every field.")
    public Uni<ObjectiveView> update(@RestPath long id, @Valid @NotNull ObjectiveRequest request, @RestHeader("If-Match") @Parameter(description = Versions.IF_MATCH_DESCRIPTION) String ifMatch) {
        return objectives.update(id, request.data(), ifMatch).chain(o -> withProgress(List.of(o), null)).map(list -> list.get(0));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    @ResponseStatus(204)
    @Operation(operationId = "deleteObjective", summary = "Remove an objective")
    public Uni<Void> delete(@RestPath long id, @RestHeader("If-Match") @Parameter(description = Versions.IF_MATCH_DESCRIPTION) String ifMatch) {
        return objectives.delete(id, ifMatch);
    }

    private Uni<List<ObjectiveView>> withProgress(List<Objective> list, LocalDate asOf) {
        return objectives.progress(list, asOf).map(progress -> {
            List<ObjectiveView> views = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                views.add(ObjectiveView.of(list.get(i), progress.get(i)));
            }
            return views;
        });
    }
}
