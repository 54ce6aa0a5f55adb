package dev.backlight.costing.overtime;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.support.problem.ApiException;
import dev.backlight.support.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The process fixes a tenant weighs against overtime. */
@ApplicationScoped
public class FixOptionService {

    public record NewOption(String name, String functionCode, BigDecimal monthlyCost, BigDecimal costPerUserMonth, Integer users,
            BigDecimal setupCost, BigDecimal hoursSavedPerWeek) {
    }

    private final ProcessFixOptionRepository options;
    private final Caller caller;
    private final Clock clock;

    FixOptionService(ProcessFixOptionRepository options, Caller caller, Clock clock) {
        this.options = options;
        this.caller = caller;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<ProcessFixOption> create(NewOption input) {
        if ((input.monthlyCost() == null) == (input.costPerUserMonth() == null)) {
            throw ApiException.invalidField("monthlyCost", "give either monthlyCost or costPerUserMonth (with users), not both");
        }
        if (input.costPerUserMonth() != null && input.users() == null) {
            throw ApiException.invalidField("users", "is required with costPerUserMonth");
        }
        ProcessFixOption option = new ProcessFixOption();
        option.name = input.name().trim();
        option.functionCode = input.functionCode();
        option.monthlyCost = input.monthlyCost();
        option.costPerUserMonth = input.costPerUserMonth();
        option.users = input.users();
        option.setupCost = input.setupCost() == null ? BigDecimal.ZERO : input.setupCost();
        option.hoursSavedPerWeek = input.hoursSavedPerWeek();
        option.createdBy = caller.subject();
        option.createdAt = Instant.now(clock);
        return options.find("name", option.name).firstResult().chain(existing -> {
            if (existing != null) {
                throw ApiException.conflict("duplicate-option", "A process-fix option named " + option.name + " exists",
                        "optionId", existing.id);
            }
            return options.persist(option);
        });
    }

    @WithSession
    public Uni<List<ProcessFixOption>> all() {
        return options.all();
    }

    @WithTransaction
    public Uni<Void> delete(long id) {
        return options.findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("process-fix option", id))
                .chain(options::delete);
    }
}
