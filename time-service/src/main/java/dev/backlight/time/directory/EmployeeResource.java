package dev.backlight.time.directory;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
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

@Path("/api/time/employees")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Employees", description = "The tenant's back-office staff and the logins they use")
public class EmployeeResource {

    @Inject
    EmployeeService employeeService;

    @Schema(name = "EmployeeData", description = "An employee as an administrator describes them")
    public record EmployeeRequest(
            @NotBlank @Size(max = 200) @Schema(example = "Dana Whitfield") String name,
            @NotBlank @Email @Size(max = 320) @Schema(example = "dana@northwind.example") String email,
            @Size(max = 200) @Schema(description = "Subject (sub claim) of the employee's login", example = "8d0c6f3e-2b6a-4f0e-9d7b-1f0c8e1a2b3c") String subject,
            @Size(max = 100) @Schema(example = "Workforce management") String team,
            @Schema(description = "IANA zone; the tenant's when absent", example = "America/New_York") String timeZone,
            @Schema(description = "Working days; Monday to Friday when absent", example = "[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"]") Set<@NotNull DayOfWeek> workDays,
            @Schema(description = "Start of working hours; 09:00 when absent", example = "08:30:00") LocalTime workStart,
            @Schema(description = "End of working hours; 17:00 when absent", example = "17:00:00") LocalTime workEnd,
            @DecimalMin("0") @DecimalMax("80") @Schema(description = "Contracted hours per week; 40 when absent", example = "40") BigDecimal weeklyContractHours,
            @Schema(description = "False for someone who left; true when absent", example = "true") Boolean active) {
        EmployeeService.EmployeeData data() {
            return new EmployeeService.EmployeeData(name, email, subject, team, timeZone, workDays, workStart, workEnd,
                    weeklyContractHours, active);
        }
    }

    @Schema(name = "Employee")
    public record EmployeeView(
            @Schema(example = "12") Long id,
            @Schema(example = "Dana Whitfield") String name,
            @Schema(example = "dana@northwind.example") String email,
            String subject,
            @Schema(description = "A user name linked by an administrator, waiting for its first sign-in", example = "dana.w")
            String loginUsername,
            @Schema(example = "Workforce management") String team,
            @Schema(example = "America/New_York") String timeZone,
            Set<DayOfWeek> workDays,
            @Schema(example = "08:30:00") LocalTime workStart,
            @Schema(example = "17:00:00") LocalTime workEnd,
            @Schema(example = "40") BigDecimal weeklyContractHours,
            @Schema(example = "true") boolean active,
            @Schema(description = "When their personal data was erased on request; null otherwise") Instant erasedAt,
            @Schema(description = "Changes with every change; its ETag goes in If-Match", example = "3") long version) implements Versioned {
        static EmployeeView of(Employee e) {
            return new EmployeeView(e.id, e.name, e.email, e.subject, e.loginUsername, e.team, e.timeZone, e.workDaySet(), e.workStart,
                    e.workEnd, e.weeklyContractHours, e.active, e.erasedAt, e.version);
        }
    }

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "listEmployees", summary = "List employees", description = "Active employees by default, optionally of one team.")
    public Uni<ListPage<EmployeeView>> list(@QueryParam("team") String team,
            @QueryParam("includeInactive") @DefaultValue("false") boolean includeInactive, @Valid @BeanParam PageRequest page) {
        return employeeService.search(team, includeInactive).map(list -> ListPage.of(list, page).map(EmployeeView::of));
    }

    @GET
    @Path("/me")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.STAFF, Roles.ANALYST})
    @Operation(operationId = "getMyEmployee", summary = "The caller's own employee record", description = "A login's first "
            + "call links it to its employee: the one an administrator linked its user name to, else the active employee "
            + "without a login whose email is the login's verified email. 403, saying what to ask the administrator, "
            + "when none matches.")
    public Uni<EmployeeView> me() {
        return employeeService.me().map(EmployeeView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.STAFF, Roles.ANALYST})
    @Operation(operationId = "getEmployee", summary = "One employee", description = "Staff may read only themselves.")
    public Uni<EmployeeView> get(@RestPath Long id) {
        return employeeService.get(id).map(EmployeeView::of);
    }

    @POST
    @RolesAllowed(Roles.TENANT_ADMIN)
    @ResponseStatus(201)
    @Operation(operationId = "createEmployee", summary = "Add an employee", description = "409 when the email or login is already another employee's.")
    public Uni<EmployeeView> create(@Valid @NotNull EmployeeRequest request) {
        return employeeService.create(request.data()).map(EmployeeView::of);
    }

    @Schema(name = "LoginLinkData")
    public record LoginLinkRequest(
            @NotBlank @Size(max = 200) @Schema(description = "The user name the person signs in with", example = "dana.w") String username) {
    }

    @Schema(name = "EmployeeLogin", description = "A login an employee has or had, and how it was linked and unlinked")
    public record LoginView(
            @Schema(example = "8d0c6f3e-2b6a-4f0e-9d7b-1f0c8e1a2b3c") String subject,
            @Schema(example = "2026-03-02T08:01:12Z") Instant linkedAt,
            @Schema(example = "first sign-in of dana.w, matched by verified email dana@northwind.example") String linkedBy,
            @Schema(description = "Null while linked", example = "2026-06-30T17:00:00Z") Instant unlinkedAt,
            @Schema(example = "admin-7") String unlinkedBy) {
        static LoginView of(EmployeeService.LoginRecord r) {
            return new LoginView(r.subject(), r.linkedAt(), r.linkedBy(), r.unlinkedAt(), r.unlinkedBy());
        }
    }

    @PUT
    @Path("/{id}/login")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(operationId = "linkEmployeeLogin", summary = "Link a user name to an employee", description = "The person's "
            + "next call with that user name (in this tenant) completes the link. 409 when the employee already has a "
            + "login or another employee waits for the user name; 412 when the employee changed since the ETag in If-Match.")
    public Uni<EmployeeView> linkLogin(@RestPath Long id, @Valid @NotNull LoginLinkRequest request,
            @RestHeader("If-Match") @Parameter(description = Versions.IF_MATCH_DESCRIPTION) String ifMatch) {
        return employeeService.linkUsername(id, request.username().trim(), ifMatch).map(EmployeeView::of);
    }

    @DELETE
    @Path("/{id}/login")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(operationId = "unlinkEmployeeLogin", summary = "Unlink an employee's login", description = "Removes the "
            + "login, or the user name waiting for one; the employee's login history keeps both. 412 when the employee "
            + "changed since the ETag in If-Match.")
    public Uni<Void> unlinkLogin(@RestPath Long id,
            @RestHeader("If-Match") @Parameter(description = Versions.IF_MATCH_DESCRIPTION) String ifMatch) {
        return employeeService.unlink(id, ifMatch);
    }

    @GET
    @Path("/{id}/logins")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(operationId = "listEmployeeLogins", summary = "An employee's login history", description = "Every login "
            + "the employee has had, oldest first, with who or what linked and unlinked it.")
    public Uni<ListPage<LoginView>> logins(@RestPath Long id, @Valid @BeanParam PageRequest page) {
        return employeeService.logins(id).map(list -> ListPage.of(list, page).map(LoginView::of));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(operationId = "updateEmployee", summary = "Change an employee", description = "Replaces every field; deactivate with active=false. Send "
            + "If-Match with the ETag you read: 412 when the employee changed since.")
    public Uni<EmployeeView> update(@RestPath Long id, @Valid @NotNull EmployeeRequest request,
            @RestHeader("If-Match") @Parameter(description = Versions.IF_MATCH_DESCRIPTION) String ifMatch) {
        return employeeService.update(id, request.data(), ifMatch).map(EmployeeView::of);
    }
}
