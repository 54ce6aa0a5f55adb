package dev.backlight.metrics.capture;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.metrics.upstream.Directory;
import dev.backlight.metrics.upstream.DirectoryService;
import dev.backlight.support.problem.ApiException;
import dev.backlight.support.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
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

    private final QualityEventRepository events;
    private final OutputRepository outputs;
    private final DirectoryService directory;
    private final Caller caller;
    private final Clock clock;

    QualityService(QualityEventRepository events, OutputRepository outputs, DirectoryService directory, Caller caller, Clock clock) {
        this.events = events;
        this.outputs = outputs;
        this.directory = directory;
        this.caller = caller;
        this.clock = clock;
    }

    public Uni<Recorded> record(NewFinding finding) {
        return directory.load().invoke(dir -> check(dir, finding)).chain(dir -> store(finding));
    }

    @WithTransaction
    Uni<Recorded> store(NewFinding finding) {
        Uni<QualityEvent> existing = finding.externalRef() == null
                ? Uni.createFrom().nullItem()
                : events.lockAndFindByExternalRef(finding.externalRef());
        return existing.chain(found -> {
            if (found == null) {
                return concernedOutput(finding).chain(output -> insert(finding));
            }
            if (!isReplay(found, finding)) {
                throw ApiException.externalRefReused(finding.externalRef(), found.id);
            }
            return Uni.createFrom().item(new Recorded(found, false));
        });
    }

    @WithSession
    public Uni<List<QualityEvent>> search(LocalDate from, LocalDate to, String functionCode, int page, int size) {
        return events.search(from, to, functionCode, Page.of(page, size));
    }

    @WithTransaction
    public Uni<Void> delete(long id) {
        return events.findById(id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("quality event", id))
                .chain(events::delete);
    }

    /** The output the finding points at must be the tenant's and of the same function. */
    private Uni<OutputRecord> concernedOutput(NewFinding finding) {
        if (finding.outputId() == null) {
            return Uni.createFrom().nullItem();
        }
        return outputs.findById(finding.outputId())
                .onItem().ifNull().failWith(() -> ApiException.unknownReference("outputId", "output", finding.outputId()))
                .invoke(output -> {
                    if (!output.functionCode.equals(finding.functionCode())) {
                        throw ApiException.invalidField("outputId", "is an output of " + output.functionCode + ", not of " + finding.functionCode());
                    }
                });
    }

    /** The stored finding is what this very request, sent again by the same recorder, would have stored. */
    private boolean isReplay(QualityEvent found, NewFinding finding) {
        return caller.subject().equals(found.recordedBy) && Objects.equals(found.functionCode, finding.functionCode())
                && found.kind == finding.kind() && Objects.equals(found.occurredOn, finding.occurredOn())
                && Objects.equals(found.employeeId, finding.employeeId()) && Objects.equals(found.clientCode, finding.clientCode())
                && Objects.equals(found.outputId, finding.outputId()) && found.count == (finding.count() == null ? 1 : finding.count())
                && (found.measured == null ? finding.measured() == null
                        : finding.measured() != null && found.measured.compareTo(finding.measured()) == 0)
                && Objects.equals(found.note, finding.note());
    }

    private Uni<Recorded> insert(NewFinding finding) {
        QualityEvent event = new QualityEvent();
        event.functionCode = finding.functionCode();
        event.kind = finding.kind();
        event.occurredOn = finding.occurredOn();
        event.employeeId = finding.employeeId();
        event.clientCode = finding.clientCode();
        event.outputId = finding.outputId();
        event.count = finding.count() == null ? 1 : finding.count();
        event.measured = finding.measured();
        event.note = finding.note();
        event.externalRef = finding.externalRef();
        event.recordedBy = caller.subject();
        event.recordedAt = Instant.now(clock);
        return events.persist(event).map(stored -> new Recorded(stored, true));
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
