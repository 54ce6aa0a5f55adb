package dev.backlight.time.timers;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.backlight.support.rest.ListPage;
import dev.backlight.support.rest.PageRequest;
import dev.backlight.support.tenancy.Roles;
import dev.backlight.time.entries.TimeEntryView;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/time/timers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Timers", description = "Start and stop timers; one runs per employee at a time")
public class TimerResource {

    @Inject
    TimerService timerService;

    @Schema(name = "TimerStart")
    public record StartRequest(
            @Schema(description = "Whose timer; the caller's own when absent", example = "12") Long employeeId,
            @NotBlank @Schema(example = "QA_EVALUATION") String functionCode,
            @Schema(example = "CLIENT-A") String clientCode,
            @Size(max = 2000) String notes,
            @Schema(description = "IANA zone of the device; the employee's when absent", example = "Europe/London") String zone) {
    }

    @Schema(name = "TimerStop")
    public record StopRequest(@Schema(description = "Whose timer; the caller's own when absent", example = "12") Long employeeId) {
    }

    @Schema(name = "TimerStarted")
    public record StartedView(TimeEntryView started,
            @Schema(description = "The timer this start stopped at the same instant, if one was running") TimeEntryView stopped) {
    }

    @Schema(name = "TimerStatus")
    public record RunningView(
            @Schema(example = "true") boolean running,
            TimeEntryView entry,
            @Schema(description = "Seconds since it started", example = "5400") Long elapsedSeconds,
            @Schema(description = "True when it has run past the 24 h limit; it will be closed at the limit and flagged") boolean overLimit) {

        static RunningView of(TimerService.Running running) {
            if (running.entry() == null) {
                return new RunningView(false, null, null, false);
            }
            Instant start = running.entry().startedAt();
            return new RunningView(true, running.entry(),
                    running.now().getEpochSecond() - start.getEpochSecond(), running.overLimit());
        }
    }

    @POST
    @Path("/start")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.TENANT_ADMIN})
    @Operation(operationId = "startTimer", summary = "Start a timer", description = "Stops the employee's running timer, if any, at the same instant.")
    public Uni<StartedView> start(@Valid @NotNull StartRequest request) {
        return timerService.start(request.employeeId(), request.functionCode(), request.clientCode(), request.notes(),
                request.zone()).map(s -> new StartedView(s.started(), s.stopped()));
    }

    @POST
    @Path("/stop")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.TENANT_ADMIN})
    @Operation(operationId = "stopTimer", summary = "Stop the running timer", description = "409 when none runs. A timer that ran past 24 h ends "
            + "at the 24 h mark, flagged TIMER_OVER_LIMIT for review.")
    @APIResponse(responseCode = "200", description = "The entry the timer recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TimeEntryView.class)))
    @APIResponse(responseCode = "204", description = "The timer was stopped within its first second: it recorded nothing "
            + "and is discarded")
    public Uni<TimeEntryView> stop(@Valid StopRequest request) {
        return timerService.stop(request == null ? null : request.employeeId());
    }

    @GET
    @Path("/current")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.TENANT_ADMIN, Roles.ANALYST})
    @Operation(operationId = "getCurrentTimer", summary = "What is running now for one employee", description = "The caller's own when employeeId is absent.")
    public Uni<RunningView> current(@QueryParam("employeeId") Long employeeId) {
        return timerService.current(employeeId).map(RunningView::of);
    }

    @GET
    @Path("/running")
    @RolesAllowed({Roles.MANAGER, Roles.TENANT_ADMIN, Roles.ANALYST})
    @Operation(operationId = "listRunningTimers", summary = "Every running timer of the tenant")
    public Uni<ListPage<RunningView>> running(@Valid @BeanParam PageRequest page) {
        return timerService.allRunning().map(list -> ListPage.of(list, page).map(RunningView::of));
    }
}
