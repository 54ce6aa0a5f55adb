package dev.backlight.time.interruptions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
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

@Path("/api/time/interruptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Interruptions", description = "Interruptions of back-office work, for the interruption-cost analysis")
public class InterruptionResource {

    @Inject
    InterruptionService interruptionService;

    @Schema(name = "InterruptionData")
    public record InterruptionRequest(
            @Schema(description = "Who was interrupted; the caller when absent", example = "12") Long employeeId,
            @Schema(description = "When; now when absent", example = "2026-03-09T10:12:00-04:00") OffsetDateTime occurredAt,
            @Schema(description = "IANA zone it was captured in; the employee's when absent", example = "America/New_York") String zone,
            @NotNull @Schema(example = "AGENT_QUESTION") InterruptionKind kind,
            @NotNull @Min(0) @Max(1440) @Schema(description = "Minutes spent on the interruption itself", example = "4") Integer minutes,
            @Size(max = 2000) @Schema(example = "Agent asked about next week's shift") String note) {
    }

    @Schema(name = "Interruption")
    public record InterruptionView(@Schema(example = "77") Long id, @Schema(example = "12") Long employeeId,
            Instant occurredAt, String zone, LocalDate workDate, InterruptionKind kind, int minutes, String note) {
        static InterruptionView of(Interruption i) {
            return new InterruptionView(i.id, i.employeeId, i.occurredAt, i.zone, i.workDate, i.kind, i.minutes, i.note);
        }
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.TENANT_ADMIN})
    @ResponseStatus(201)
    @Operation(operationId = "logInterruption", summary = "Log an interruption")
    public Uni<InterruptionView> log(@Valid @NotNull InterruptionRequest request) {
        return interruptionService.log(request.employeeId(),
                request.occurredAt() == null ? null : request.occurredAt().toInstant(), request.zone(), request.kind(),
                request.minutes(), request.note()).map(InterruptionView::of);
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.TENANT_ADMIN, Roles.ANALYST})
    @Operation(operationId = "listInterruptions", summary = "List interruptions", description = "Work dates in [from, to); staff see only their own.")
    public Uni<ListPage<InterruptionView>> list(@Valid @ValidRange @BeanParam DateRange range, @QueryParam("employeeId") Long employeeId, @Valid @BeanParam PageRequest page) {
        return interruptionService.list(employeeId, range.from(), range.to()).map(list -> ListPage.of(list, page).map(InterruptionView::of));
    }
}
