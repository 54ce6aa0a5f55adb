package dev.backlight.metrics.ownership;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.metrics.ownership.FunctionOwnership.Handoff;
import dev.backlight.metrics.upstream.DirectoryService;
import dev.backlight.metrics.upstream.TimeServiceClient.Employee;
import dev.backlight.metrics.upstream.TimeServiceClient.WorkFunction;
import dev.backlight.support.problem.ApiException;
import dev.backlight.support.rest.Versions;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The seed's "clear ownership and handoff points": per function who owns the outcome, who backs them up in spike
 * weeks, where the work changes hands and what "done" means; and which functions lack an owner or a backup.
 */
@ApplicationScoped
public class OwnershipService {

    /** What a function's ownership is missing. */
    public enum Gap {
        NO_OWNER, NO_BACKUP, OWNER_INACTIVE, BACKUP_INACTIVE, NO_DEFINITION_OF_DONE
    }

    public record Assignment(Long ownerEmployeeId, Long backupEmployeeId, List<Handoff> handoffs, String definitionOfDone) {
    }

    /** A function with its ownership (or none yet), the people resolved from the directory, and its gaps. */
    public record Line(WorkFunction function, FunctionOwnership ownership, Employee owner, Employee backup, List<Gap> gaps) {
    }

    private final OwnershipStore store;
    private final FunctionOwnershipRepository ownerships;
    private final DirectoryService directory;

    OwnershipService(FunctionOwnershipRepository ownerships, DirectoryService directory, OwnershipStore store) {
        this.ownerships = ownerships;
        this.directory = directory;
        this.store = store;
    }

    /** Every function in use (not retired), with its ownership. */
    public Uni<List<Line>> all() {
        return directory.load().chain(dir -> store.stored().map(stored -> {
            Map<String, FunctionOwnership> byFunction = stored.stream()
                    .collect(Collectors.toMap(o -> o.functionCode, Function.identity()));
            List<Line> lines = new ArrayList<>();
            dir.functions().values().stream().filter(f -> f.retiredAt() == null)
                    .sorted((a, b) -> a.code().compareTo(b.code()))
                    .forEach(f -> lines.add(line(f, byFunction.get(f.code()), dir.employees())));
            return lines;
        }));
    }

    public Uni<Line> one(String functionCode) {
        return directory.load().chain(dir -> {
            WorkFunction function = dir.functions().get(functionCode);
            if (function == null) {
                throw ApiException.notFound("function", functionCode);
            }
            return store.stored(functionCode).map(found -> line(function, found, dir.employees()));
        });
    }

    public Uni<Line> assign(String functionCode, Assignment assignment, String ifMatch) {
        return directory.load().chain(dir -> {
            if (!dir.functions().containsKey(functionCode)) {
                throw ApiException.notFound("function", functionCode);
            }
            dir.activeFunction(functionCode);
            dir.checkEmployee("ownerEmployeeId", assignment.ownerEmployeeId());
            dir.checkEmployee("backupEmployeeId", assignment.backupEmployeeId());
            if (assignment.backupEmployeeId() != null && assignment.backupEmployeeId().equals(assignment.ownerEmployeeId())) {
                throw ApiException.invalidField("backupEmployeeId", "must be someone other than the owner");
            }
            return store.store(functionCode, assignment, ifMatch).map(saved -> line(dir.functions().get(functionCode), saved, dir.employees()));
        });
    }

    @WithTransaction
    public Uni<Void> clear(String functionCode, String ifMatch) {
        return ownerships.findByFunction(functionCode)
                .onItem().ifNull().failWith(() -> ApiException.notFound("ownership of function", functionCode))
                .invoke(found -> Versions.checkIfMatch(ifMatch, versionOf(found)))
                .chain(ownerships::delete);
    }

    /** The version a function's ownership is at: 0 while none is set, so a first assignment can be conditional too. */
    public static long versionOf(FunctionOwnership ownership) {
        return ownership == null ? 0 : Versions.ofSettable(true, ownership.version);
    }

    private static Line line(WorkFunction function, FunctionOwnership ownership, Map<Long, Employee> employees) {
        Employee owner = ownership == null || ownership.ownerEmployeeId == null ? null : employees.get(ownership.ownerEmployeeId);
        Employee backup = ownership == null || ownership.backupEmployeeId == null ? null : employees.get(ownership.backupEmployeeId);
        List<Gap> gaps = new ArrayList<>();
        if (owner == null) {
            gaps.add(Gap.NO_OWNER);
        } else if (!owner.active()) {
            gaps.add(Gap.OWNER_INACTIVE);
        }
        if (backup == null) {
            gaps.add(Gap.NO_BACKUP);
        } else if (!backup.active()) {
            gaps.add(Gap.BACKUP_INACTIVE);
        }
        if (ownership == null || ownership.definitionOfDone == null) {
            gaps.add(Gap.NO_DEFINITION_OF_DONE);
        }
        return new Line(function, ownership, owner, backup, gaps);
    }
}
