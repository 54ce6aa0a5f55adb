package dev.backlight.time.timesheets;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.backlight.support.rest.ListPage;
import dev.backlight.support.rest.PageRequest;
import dev.backlight.support.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/time/period-locks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Period locks", description = "Lock a period of the calendar (e.g. for payroll) so its time cannot change")
public class PeriodLockResource {

    @Inject
    PeriodLockService lockService;

    @Schema(name = "PeriodLockData")
    public record LockRequest(
            @NotNull @Schema(example = "2026-03-01") LocalDate firstDay,
            @NotNull @Schema(description = "Inclusive", example = "2026-03-15") LocalDate lastDay,
            @NotBlank @Size(max = 500) @Schema(example = "Payroll run 2026-06") String reason) {
    }

    @Schema(name = "PeriodLock")
    public record LockView(@Schema(example = "3") Long id, LocalDate firstDay, LocalDate lastDay, String reason,
            String lockedBy, Instant lockedAt) {
        static LockView of(PeriodLock l) {
            return new LockView(l.id, l.firstDay, l.lastDay, l.reason, l.lockedBy, l.lockedAt);
        }
    }

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "listPeriodLocks", summary = "List locked periods")
    public Uni<ListPage<LockView>> list(@Valid @BeanParam PageRequest page) {
        return lockService.list().map(list -> ListPage.of(list, page).map(LockView::of));
    }

    @POST
    @RolesAllowed(Roles.TENANT_ADMIN)
    @ResponseStatus(201)
    @Operation(operationId = "lockPeriod", summary = "Lock a period", description = "409 when it overlaps an existing lock.")
    public Uni<LockView> lock(@Valid @NotNull LockRequest request) {
        return lockService.lock(request.firstDay(), request.lastDay(), request.reason()).map(LockView::of);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(operationId = "unlockPeriod", summary = "Unlock a period")
    public Uni<RestResponse<Void>> unlock(@RestPath Long id) {
        return lockService.unlock(id).map(nothing -> RestResponse.noContent());
    }
}
