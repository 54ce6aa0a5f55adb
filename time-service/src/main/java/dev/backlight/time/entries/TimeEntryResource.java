package dev.backlight.time.entries;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.backlight.support.csv.Csv;
import dev.backlight.support.problem.FieldChecks;
import dev.backlight.support.rest.ListPage;
import dev.backlight.support.rest.PageRequest;
import dev.backlight.support.rest.ValidRange;
import dev.backlight.support.rest.Versions;
import dev.backlight.support.tenancy.Roles;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/time/entries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Time entries", description = "Time per employee, function and client account: timed intervals "
        + "[startedAt, endedAt) or a date plus a duration")
public class TimeEntryResource {

    /** Rows written to the response at a time. */
    private static final int EXPORT_CHUNK = 1_000;

    @Inject
    TimeEntryService entryService;

    @Schema(name = "TimeEntryData", description = "Give startedAt and endedAt for a timed entry, or localStart and "
            + "localEnd as the clock showed them in the zone (the server works out daylight saving time), or workDate and "
            + "durationMinutes for a manual one.")
    public record EntryRequest(
            @Schema(description = "Whose time; the caller's own when absent (staff may name only themselves)", example = "12") Long employeeId,
            @NotBlank @Schema(example = "SCHEDULING") String functionCode,
            @Schema(description = "Client account; absent for shared time", example = "CLIENT-A") String clientCode,
            @Schema(example = "2026-03-09T09:00:00-04:00") OffsetDateTime startedAt,
            @Schema(description = "Exclusive end", example = "2026-03-09T11:30:00-04:00") OffsetDateTime endedAt,
            @Schema(description = "IANA zone it was captured in; the employee's when absent", example = "America/New_York") String zone,
            @Schema(description = "Start as the wall clock in the zone showed it, instead of startedAt. A time the clocks "
                    + "skipped (spring forward) is a 400; in the hour a fall-back repeats, the earlier offset (the first "
                    + "time round) unless localStartOffset says otherwise", example = "2026-03-09T09:00:00") LocalDateTime localStart,
            @Schema(description = "Exclusive end as the wall clock showed it, instead of endedAt; the same rules",
                    example = "2026-03-09T11:30:00") LocalDateTime localEnd,
            @Size(max = 9) @Schema(description = "Which of the two readings of a repeated hour localStart means, as an "
                    + "offset from UTC: in New York on 2026-11-01, 01:30 is -04:00 the first time round and -05:00 the second",
                    example = "-04:00") String localStartOffset,
            @Size(max = 9) @Schema(description = "Which of the two readings of a repeated hour localEnd means, as an offset "
                    + "from UTC", example = "-05:00") String localEndOffset,
            @Schema(example = "2026-03-09") LocalDate workDate,
            @Min(1) @Max(1440) @Schema(example = "150") Integer durationMinutes,
            @Size(max = 2000) @Schema(example = "Week 11 schedule") String notes,
            @Size(max = 100) @Schema(description = "Your own id for this entry: repeating a create with it returns the "
                    + "existing entry instead of a duplicate", example = "mobile-7f3a9c") String externalRef,
            @Schema(description = "On change: the version you read; 409 if the entry changed since", example = "0") Long version) {

        TimeEntryService.EntryInput input() {
            return new TimeEntryService.EntryInput(employeeId, functionCode, clientCode, time(), notes, externalRef);
        }

        TimeRules.TimeInput time() {
            boolean local = localStart != null || localEnd != null || localStartOffset != null || localEndOffset != null;
            return new TimeRules.TimeInput(startedAt == null ? null : startedAt.toInstant(),
                    endedAt == null ? null : endedAt.toInstant(), zone, workDate, durationMinutes,
                    local ? new TimeRules.LocalTimes(localStart, FieldChecks.offset("localStartOffset", localStartOffset), localEnd,
                            FieldChecks.offset("localEndOffset", localEndOffset)) : null);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.TENANT_ADMIN})
    @Operation(operationId = "createTimeEntry", summary = "Record a time entry", description = "201 with the new entry; 200 with the existing one when "
            + "externalRef was already used (a retried request). 409 naming the conflicting entry on overlap, or when "
            + "the day is locked or its week submitted or approved.")
    public Uni<RestResponse<TimeEntryView>> create(@Valid @NotNull EntryRequest request) {
        return entryService.create(request.input(), EntrySource.MANUAL).map(saved -> RestResponse.ResponseBuilder
                .ok(saved.entry())
                .status(saved.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.TENANT_ADMIN, Roles.ANALYST})
    @Operation(operationId = "getTimeEntry", summary = "One time entry")
    public Uni<TimeEntryView> get(@RestPath Long id) {
        return entryService.get(id).map(saved -> saved.entry());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.TENANT_ADMIN})
    @Operation(operationId = "updateTimeEntry", summary = "Change a time entry", description = "Same rules as recording, for the old and the new day. "
            + "Clears a review flag. Send If-Match with the ETag you read: 412 when the entry changed since.")
    public Uni<TimeEntryView> update(@RestPath Long id, @Valid @NotNull EntryRequest request,
            @RestHeader("If-Match") @Parameter(description = Versions.IF_MATCH_DESCRIPTION) String ifMatch) {
        return entryService.update(id, request.input(), request.version(), ifMatch)
                .map(saved -> saved.entry());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.TENANT_ADMIN})
    @Operation(operationId = "deleteTimeEntry", summary = "Delete a time entry", description = "Refused (409) in a locked period or a submitted or approved "
            + "week, and (412) when If-Match names another version.")
    public Uni<RestResponse<Void>> delete(@RestPath Long id,
            @RestHeader("If-Match") @Parameter(description = Versions.IF_MATCH_DESCRIPTION) String ifMatch) {
        return entryService.delete(id, ifMatch).map(nothing -> RestResponse.noContent());
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.TENANT_ADMIN, Roles.ANALYST})
    @Operation(operationId = "listTimeEntries", summary = "List time entries", description = "Entries whose work date is in [from, to) (at most "
            + EntryQuery.LONGEST_DAYS + " days), newest first. Staff see only their own.")
    public Uni<ListPage<TimeEntryView>> list(@Valid @ValidRange(max = EntryQuery.LONGEST_DAYS) @BeanParam EntryQuery query, @Valid @BeanParam PageRequest page) {
        return entryService.list(query.filter(), page);
    }

    @GET
    @Path("/export")
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.TENANT_ADMIN, Roles.ANALYST})
    @Operation(operationId = "exportTimeEntries", summary = "Export time entries as CSV", description = "Streamed page by page as it is read, so exports "
            + "of any size never sit whole in memory (one database cursor, read as the client reads); in work-date order. Same filters and longest range as the list; staff "
            + "export only their own.")
    public Multi<String> export(@Valid @ValidRange(max = EntryQuery.LONGEST_DAYS) @BeanParam EntryQuery query) {
        return Csv.stream(TimeEntryView.class, entryService.export(query.filter()).group().intoLists().of(EXPORT_CHUNK));
    }
}
