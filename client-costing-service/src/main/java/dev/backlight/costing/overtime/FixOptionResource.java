package dev.backlight.costing.overtime;

import java.math.BigDecimal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
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

@Path("/api/costing/process-fixes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Process fixes", description = "Tools and changes weighed against overtime: their cost and the hours they save")
public class FixOptionResource {

    private final FixOptionService options;

    FixOptionResource(FixOptionService options) {
        this.options = options;
    }

    @Schema(name = "NewProcessFix", description = "Give monthlyCost, or costPerUserMonth with users")
    public record OptionRequest(
            @NotBlank @Size(max = 200) @Schema(example = "Scheduling software") String name,
            @Size(max = 40) @Schema(example = "SCHEDULING") String functionCode,
            @DecimalMin("0") @Digits(integer = 10, fraction = 2) @Schema(example = "250") BigDecimal monthlyCost,
            @DecimalMin("0") @Digits(integer = 10, fraction = 2) @Schema(example = "5") BigDecimal costPerUserMonth,
            @Min(1) @Max(1_000_000) @Schema(example = "60") Integer users,
            @DecimalMin("0") @Digits(integer = 10, fraction = 2) @Schema(description = "One-off cost; 0 when absent", example = "0") BigDecimal setupCost,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("168") @Schema(example = "4") BigDecimal hoursSavedPerWeek) {
    }

    @Schema(name = "ProcessFix")
    public record OptionView(Long id, String name, String functionCode, BigDecimal monthlyCost, BigDecimal costPerUserMonth,
            Integer users, BigDecimal setupCost, BigDecimal hoursSavedPerWeek,
            @Schema(description = "Running cost a year", example = "3000.00") BigDecimal costPerYear) {
        static OptionView of(ProcessFixOption o) {
            return new OptionView(o.id, o.name, o.functionCode, o.monthlyCost, o.costPerUserMonth, o.users, o.setupCost,
                    o.hoursSavedPerWeek, o.costPerYear());
        }
    }

    @POST
    @RolesAllowed(Roles.TENANT_ADMIN)
    @ResponseStatus(201)
    @Operation(operationId = "createProcessFix", summary = "Add a process-fix option", description = "409 when the tenant has one of that name.")
    public Uni<OptionView> create(@Valid @NotNull OptionRequest r) {
        return options.create(new FixOptionService.NewOption(r.name(), r.functionCode(), r.monthlyCost(), r.costPerUserMonth(),
                r.users(), r.setupCost(), r.hoursSavedPerWeek())).map(OptionView::of);
    }

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "listProcessFixes", summary = "The tenant's process-fix options")
    public Uni<ListPage<OptionView>> list(@Valid @BeanParam PageRequest page) {
        return options.all().map(list -> ListPage.of(list, page).map(OptionView::of));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @ResponseStatus(204)
    @Operation(operationId = "deleteProcessFix", summary = "Delete a process-fix option")
    public Uni<Void> delete(@RestPath long id) {
        return options.delete(id);
    }
}
