package dev.backlight.metrics.capture;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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

@Path("/api/metrics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quality", description = "Quality checks per function: the counterweight to throughput")
public class QualityResource {

    private final QualityService quality;

    QualityResource(QualityService quality) {
        this.quality = quality;
    }

    @Schema(name = "NewQualityEvent")
    public record NewEventRequest(
            @NotBlank @Schema(example = "SCHEDULING") String functionCode,
            @NotNull @Schema(example = "COVERAGE_GAP") QualityKind kind,
            @NotNull @Schema(example = "2026-03-04") LocalDate occurredOn,
            @Schema(example = "12") Long employeeId,
            @Size(max = 40) @Schema(example = "CLIENT-A") String clientCode,
            @Schema(description = "The output the finding concerns", example = "41") Long outputId,
            @Min(1) @Max(100_000) @Schema(description = "Defects found; 1 when absent", example = "2") Integer count,
            @DecimalMin("0") @Digits(integer = 10, fraction = 2) @Schema(description = "Score (0-100) or duration in hours, for measured kinds", example = "91.5") BigDecimal measured,
            @Size(max = 500) String note,
            @Size(max = 100) @Schema(description = "Idempotency key", example = "qa-cal-2026-03") String externalRef) {
    }

    @Schema(name = "QualityEvent")
    public record EventView(Long id, String functionCode, QualityKind kind, LocalDate occurredOn, Long employeeId,
            String clientCode, Long outputId, int count, BigDecimal measured, String note, String externalRef,
            String recordedBy, Instant recordedAt) {
        static EventView of(QualityEvent e) {
            return new EventView(e.id, e.functionCode, e.kind, e.occurredOn, e.employeeId, e.clientCode, e.outputId, e.count,
                    e.measured, e.note, e.externalRef, e.recordedBy, e.recordedAt);
        }
    }

    @Schema(name = "QualityKind")
    public record KindView(@Schema(example = "COVERAGE_GAP") QualityKind kind,
            @Schema(description = "Null when it applies to any function", example = "SCHEDULING") String functionCode,
            @Schema(example = "DEFECT") QualityKind.Nature nature, String description) {
    }

    @GET
    @Path("/quality-kinds")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.STAFF, Roles.ANALYST})
    @Operation(operationId = "listQualityKinds", summary = "The quality checks and which function each belongs to")
    public List<KindView> kinds() {
        return Arrays.stream(QualityKind.values()).map(k -> new KindView(k, k.functionCode(), k.nature(), k.description())).toList();
    }

    @POST
    @Path("/quality-events")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    @Operation(operationId = "recordQualityEvent", summary = "Record a quality finding", description = "The kind must be a check of the function; defect kinds "
            + "take a count, score and duration kinds a measured value. 201, or 200 with the stored event for a known externalRef.")
    public Uni<RestResponse<EventView>> record(@Valid @NotNull NewEventRequest r) {
        return quality.record(new QualityService.NewFinding(r.functionCode(), r.kind(), r.occurredOn(), r.employeeId(),
                        r.clientCode(), r.outputId(), r.count(), r.measured(), r.note(), r.externalRef()))
                .map(done -> RestResponse.status(done.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK,
                        EventView.of(done.event())));
    }

    @GET
    @Path("/quality-events")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "listQualityEvents", summary = "List findings that occurred in [from, to)")
    public Uni<ListPage<EventView>> list(@Valid @ValidRange @BeanParam DateRange range, @QueryParam("functionCode") String functionCode,
            @Valid @BeanParam PageRequest page) {
        return quality.search(range.from(), range.to(), functionCode, page).map(found -> found.map(EventView::of));
    }

    @DELETE
    @Path("/quality-events/{id}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    @ResponseStatus(204)
    @Operation(operationId = "deleteQualityEvent", summary = "Delete a finding")
    public Uni<Void> delete(@RestPath long id) {
        return quality.delete(id);
    }
}
