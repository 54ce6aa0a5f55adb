package dev.backlight.costing.policy;

import java.math.BigDecimal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.backlight.support.rest.Versioned;
import dev.backlight.support.rest.Versions;
import dev.backlight.support.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

@Path("/api/costing/policy")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Costing policy", description = "Overtime rule, allocation of shared hours, single-client baseline")
public class PolicyResource {

    private final PolicyService policies;

    PolicyResource(PolicyService policies) {
        this.policies = policies;
    }

    @Schema(name = "CostingPolicyChange")
    public record PolicyRequest(
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("168")
            @Digits(integer = 3, fraction = 2) @Schema(description = "Hours a week after which time is overtime", example = "40") BigDecimal overtimeWeeklyThresholdHours,
            @NotNull @DecimalMin("1") @DecimalMax("5") @Digits(integer = 1, fraction = 2) @Schema(example = "1.5") BigDecimal overtimeMultiplier,
            @NotNull @Schema(description = "How hours logged without a client are spread over clients", example = "REVENUE") AllocationPolicy allocation,
            @DecimalMin(value = "0", inclusive = false) @Digits(integer = 8, fraction = 2)
            @Schema(description = "Back-office hours a month a single-client operation of this size would need; the base of "
                    + "the multi-client overhead ratio", example = "100") BigDecimal singleClientBaselineHoursPerMonth) {
    }

    @Schema(name = "CostingPolicy")
    public record PolicyView(
            @Schema(description = "Hours a week after which time is overtime", example = "40") BigDecimal overtimeWeeklyThresholdHours,
            @Schema(example = "1.5") BigDecimal overtimeMultiplier,
            @Schema(description = "How hours logged without a client are spread over clients", example = "REVENUE") AllocationPolicy allocation,
            @Schema(description = "Back-office hours a month a single-client operation of this size would need; the base of "
                    + "the multi-client overhead ratio", example = "100") BigDecimal singleClientBaselineHoursPerMonth,
            @Schema(description = "0 until the tenant sets a policy, then changes with every change; its ETag goes in If-Match",
                    example = "1") long version) implements Versioned {
        static PolicyView of(CostingPolicy p) {
            return new PolicyView(p.overtimeWeeklyThreshold, p.overtimeMultiplier, p.allocation, p.singleClientBaselineHours,
                    p.revision());
        }
    }

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "getCostingPolicy", summary = "The tenant's costing policy", description = "Until set: 40 h a week, 1.5x, shared hours not allocated.")
    public Uni<PolicyView> get() {
        return policies.current().map(PolicyView::of);
    }

    @PUT
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(operationId = "setCostingPolicy", summary = "Set the tenant's costing policy")
    public Uni<PolicyView> put(@Valid @NotNull PolicyRequest request,
            @RestHeader("If-Match") @Parameter(description = Versions.IF_MATCH_DESCRIPTION) String ifMatch) {
        return policies.update(new PolicyService.PolicyInput(request.overtimeWeeklyThresholdHours(), request.overtimeMultiplier(),
                request.allocation(), request.singleClientBaselineHoursPerMonth()), ifMatch).map(PolicyView::of);
    }
}
