package dev.backlight.metrics.review.process;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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

@Path("/api/metrics/processes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Process register", description = "Processes added and removed per function, and what each added one replaces")
public class ProcessResource {

    private final ProcessRegisterService register;

    ProcessResource(ProcessRegisterService register) {
        this.register = register;
    }

    @Schema(name = "NewProcessChange")
    public record NewChangeRequest(
            @NotBlank @Schema(example = "COMPLIANCE") String functionCode,
            @NotBlank @Size(max = 200) @Schema(example = "Weekly client compliance attestation") String name,
            @NotNull @Schema(example = "ADDED") ProcessChange.Change change,
            @NotNull @Schema(example = "2026-02-01") LocalDate effectiveOn,
            @Size(max = 500) @Schema(description = "What an added process replaces or simplifies; absent when nothing", example = "Monthly attestation spreadsheet") String replaces,
            @DecimalMin("0") @Digits(integer = 6, fraction = 2) @Schema(description = "Estimated hours a month it adds (or, removed, frees)", example = "6") BigDecimal hoursPerMonth,
            @Size(max = 500) String note) {
    }

    @Schema(name = "ProcessChange")
    public record ChangeView(Long id, String functionCode, String name, ProcessChange.Change change, LocalDate effectiveOn,
            String replaces, BigDecimal hoursPerMonth, String note,
            @Schema(description = "Added without replacing or simplifying anything") boolean addsWorkloadWithoutSimplification,
            String recordedBy, Instant recordedAt) {
        static ChangeView of(ProcessChange c) {
            return new ChangeView(c.id, c.functionCode, c.name, c.change, c.effectiveOn, c.replaces, c.hoursPerMonth, c.note,
                    c.addsWorkloadWithoutSimplification(), c.recordedBy, c.recordedAt);
        }
    }

    @POST
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    @ResponseStatus(201)
    @Operation(operationId = "registerProcessChange", summary = "Register a process added or removed")
    public Uni<ChangeView> register(@Valid @NotNull NewChangeRequest r) {
        return register.register(new ProcessRegisterService.NewChange(r.functionCode(), r.name(), r.change(), r.effectiveOn(),
                r.replaces(), r.hoursPerMonth(), r.note())).map(ChangeView::of);
    }

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "listProcessChanges", summary = "Process changes effective in [from, to)")
    public Uni<ListPage<ChangeView>> list(@Valid @ValidRange @BeanParam DateRange range, @Valid @BeanParam PageRequest page) {
        return register.between(range.from(), range.to()).map(list -> ListPage.of(list, page).map(ChangeView::of));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    @ResponseStatus(204)
    @Operation(operationId = "deleteProcessChange", summary = "Delete a registered change")
    public Uni<Void> delete(@RestPath long id) {
        return register.delete(id);
    }
}
