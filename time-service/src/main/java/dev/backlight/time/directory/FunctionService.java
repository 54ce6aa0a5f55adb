package dev.backlight.time.directory;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.backlight.support.problem.ApiException;
import dev.backlight.support.rest.Versions;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The tenant's functions catalog: seeded with the standard functions, extended, renamed and retired by admins. */
@ApplicationScoped
public class FunctionService {

    @Inject
    WorkFunctionRepository functions;

    @Inject
    Clock clock;

    public record FunctionData(String name, String outputUnit, String qualityCheck, String productivityMetric) {
    }

    @WithSession
    public Uni<List<WorkFunction>> list(boolean includeRetired) {
        return functions.listOrdered(includeRetired);
    }

    @WithSession
    public Uni<WorkFunction> get(String code) {
        return find(code);
    }

    @WithTransaction
    public Uni<WorkFunction> create(String code, FunctionData data) {
        return functions.findByCode(code).chain(existing -> {
            if (existing != null) {
                throw ApiException.conflict("function-exists", "Function " + code + " already exists", "code", code);
            }
            WorkFunction function = new WorkFunction();
            function.code = code;
            function.builtIn = false;
            apply(function, data);
            return functions.persist(function);
        });
    }

    @WithTransaction
    public Uni<WorkFunction> update(String code, FunctionData data, String ifMatch) {
        return find(code).invoke(function -> {
            Versions.checkIfMatch(ifMatch, function.version);
            apply(function, data);
        });
    }

    /** Retired functions take no new time; their history stays in every report. */
    @WithTransaction
    public Uni<WorkFunction> retire(String code) {
        return find(code).invoke(function -> {
            if (function.retiredAt == null) {
                function.retiredAt = clock.instant();
            }
        });
    }

    @WithTransaction
    public Uni<WorkFunction> reinstate(String code) {
        return find(code).invoke(function -> function.retiredAt = null);
    }

    private Uni<WorkFunction> find(String code) {
        return functions.findByCode(code).onItem().ifNull().failWith(() -> ApiException.notFound("function", code));
    }

    private static void apply(WorkFunction function, FunctionData data) {
        function.name = data.name();
        function.outputUnit = data.outputUnit();
        function.qualityCheck = data.qualityCheck();
        function.productivityMetric = data.productivityMetric();
    }
}
