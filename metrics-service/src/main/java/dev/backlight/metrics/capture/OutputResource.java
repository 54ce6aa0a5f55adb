package dev.backlight.metrics.capture;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.backlight.support.rest.DateRange;
import dev.backlight.support.rest.ListPage;
import dev.backlight.support.rest.PageRequest;
import dev.backlight.support.rest.ValidRange;
import dev.backlight.support.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/metrics/outputs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Outputs", description = "Units of output per function: schedules published, timesheets approved, pay cycles, evaluations, ...")
public class OutputResource {

    private final OutputService outputs;

    OutputResource(OutputService outputs) {
        this.outputs = outputs;
    }

    @Schema(name = "NewOutput", description = "Units produced over [periodStart, periodEnd); they count in the period that contains the last day")
    public record NewOutputRequest(
            @NotBlank @Schema(example = "SCHEDULING") String functionCode,
            @Schema(description = "Who produced it; required for staff, who record their own", example = "12") Long employeeId,
            @Size(max = 40) @Schema(description = "The BPO client it was for; absent for shared work", example = "CLIENT-A") String clientCode,
            @NotNull @Schema(example = "2026-03-02") LocalDate periodStart,
            @Schema(description = "Exclusive; the day after periodStart when absent", example = "2026-03-09") LocalDate periodEnd,
            @NotNull @Min(1) @Max(1_000_000) @Schema(example = "1") Integer units,
            @Min(1) @Max(1_000_000) @Schema(description = "Pay cycles only: employees paid in each cycle of the record, not in all of them "
                    + "together (a record of 2 cycles paying 120 people each says 120)", example = "120") Integer employeesCovered,
            @Size(max = 500) @Schema(example = "Week 10 schedule") String note,
            @Size(max = 100) @Schema(description = "Your id for the record; sending it again returns the stored one instead of counting twice",
                    example = "wfm-2026-w10") String externalRef) {
        OutputService.NewOutput toNew() {
            return new OutputService.NewOutput(functionCode, employeeId, clientCode, periodStart, periodEnd, units, employeesCovered,
                    note, externalRef);
        }
    }

    @Schema(name = "Output")
    public record OutputView(@Schema(example = "41") Long id, @Schema(example = "SCHEDULING") String functionCode,
            @Schema(example = "12") Long employeeId, @Schema(example = "CLIENT-A") String clientCode,
            @Schema(example = "2026-03-02") LocalDate periodStart, @Schema(example = "2026-03-09") LocalDate periodEnd,
            @Schema(example = "1") int units, Integer employeesCovered, String note, String externalRef,
            @Schema(example = "manager-1") String recordedBy, Instant recordedAt) {
        static OutputView of(OutputRecord o) {
            return new OutputView(o.id, o.functionCode, o.employeeId, o.clientCode, o.periodStart, o.periodEnd, o.units,
                    o.employeesCovered, o.note, o.externalRef, o.recordedBy, o.recordedAt);
        }
    }

    @Schema(name = "OutputBatch")
    public record BatchRequest(@NotEmpty @Size(max = OutputService.MAX_BATCH) List<@Valid @NotNull NewOutputRequest> outputs) {
    }

    @Schema(name = "OutputBatchResult")
    public record BatchResult(@Schema(example = "9") int created, @Schema(example = "1") int alreadyPresent, List<OutputView> outputs) {
    }

    @POST
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.STAFF})
    @Operation(operationId = "recordOutput", summary = "Record output", description = "201 with the new record; 200 with the stored one when the "
            + "externalRef was recorded before. The function, employee and client must exist in time-service.")
    public Uni<RestResponse<OutputView>> record(@Valid @NotNull NewOutputRequest request) {
        return outputs.record(request.toNew()).map(r -> RestResponse.status(r.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK,
                OutputView.of(r.record())));
    }

    @POST
    @Path("/batch")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    @Operation(operationId = "recordOutputs", summary = "Record many outputs at once", description = "All or nothing: an invalid record fails the batch "
            + "with a problem naming it (outputs[3].functionCode) and nothing is stored. Records whose externalRef is "
            + "already stored are not counted twice.")
    public Uni<BatchResult> recordBatch(@Valid @NotNull BatchRequest request) {
        return outputs.recordBatch(request.outputs().stream().map(NewOutputRequest::toNew).toList()).map(list -> new BatchResult(
                (int) list.stream().filter(OutputService.Recorded::created).count(),
                (int) list.stream().filter(r -> !r.created()).count(),
                list.stream().map(r -> OutputView.of(r.record())).toList()));
    }

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "listOutputs", summary = "List outputs finished in [from, to)", description = "Paged, oldest first.")
    public Uni<ListPage<OutputView>> list(@Valid @ValidRange @BeanParam DateRange range, @QueryParam("functionCode") String functionCode,
            @QueryParam("employeeId") Long employeeId, @Valid @BeanParam PageRequest page) {
        return outputs.search(range.from(), range.to(), functionCode, employeeId, page).map(found -> found.map(OutputView::of));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    @ResponseStatus(204)
    @Operation(operationId = "deleteOutput", summary = "Delete an output record", description = "Quality events that pointed at it keep their count but lose the link.")
    public Uni<Void> delete(@RestPath long id) {
        return outputs.delete(id);
    }
}
