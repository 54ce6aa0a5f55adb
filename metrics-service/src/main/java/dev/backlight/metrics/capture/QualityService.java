package dev.backlight.metrics.capture;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.metrics.upstream.Directory;
import dev.backlight.metrics.upstream.DirectoryService;
import dev.backlight.support.problem.ApiException;
import dev.backlight.support.rest.ListPage;
import dev.backlight.support.rest.PageRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Records quality findings: each kind belongs to its function and carries a defect count or a measured value. */
@ApplicationScoped
public class QualityService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public record NewFinding(String functionCode, QualityKind kind, LocalDate occurredOn, Long employeeId, String clientCode,
            Long outputId, Integer count, BigDecimal measured, String note, String externalRef) {
    }

    public record Recorded(QualityEvent event, boolean created) {
    }

    private final QualityStore store;
    private final QualityEventRepository events;
    private final DirectoryService directory;
    private final Clock clock;

    QualityService(QualityEventRepository events, DirectoryService directory, Clock clock, QualityStore store) {
        this.events = events;
        this.directory = directory;
        this.clock = clock;
        this.store = store;
    }

    public Uni<Recorded> record(NewFinding finding) {
        return directory.checked(dir -> {
            check(dir, finding);
            return finding;
        }).chain(store::store);
    }

    @WithSession
    public Uni<ListPage<QualityEvent>> search(LocalDate from, LocalDate to, String functionCode, PageRequest page) {
        return events.search(from, to, functionCode, page);
    }

    @WithTransaction
    public Uni<Void> delete(long id) {
        return events.findById(id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("quality event", id))
                .chain(events::delete);
    }

    private void check(Directory dir, NewFinding finding) {
        dir.activeFunction(finding.functionCode());
        dir.checkEmployee(finding.employeeId());
        dir.checkClient(finding.clientCode());
        QualityKind kind = finding.kind();
        if (!kind.appliesTo(finding.functionCode())) {
            throw ApiException.invalidField("kind", kind + " is a quality check of " + kind.functionCode()
                    + ", not of " + finding.functionCode());
        }
        if (finding.occurredOn().isAfter(LocalDate.now(clock).plusDays(1))) {
            throw ApiException.invalidField("occurredOn", "must not be in the future");
        }
        switch (kind.nature()) {
            case DEFECT -> {
                if (finding.measured() != null) {
                    throw ApiException.invalidField("measured", "is not used by " + kind + "; give count instead");
                }
            }
            case SCORE -> {
                if (finding.measured() == null || finding.measured().signum() < 0 || finding.measured().compareTo(HUNDRED) > 0) {
                    throw ApiException.invalidField("measured", "must be a score from 0 to 100 for " + kind);
                }
            }
            case DURATION -> {
                if (finding.measured() == null || finding.measured().signum() < 0) {
                    throw ApiException.invalidField("measured", "must be a duration in hours, 0 or more, for " + kind);
                }
            }
        }
        if (kind.nature() != QualityKind.Nature.DEFECT && finding.count() != null && finding.count() != 1) {
            throw ApiException.invalidField("count", "must be 1 for a measured check; record one finding per measurement");
        }
    }
}
