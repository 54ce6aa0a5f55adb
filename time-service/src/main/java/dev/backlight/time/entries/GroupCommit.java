package dev.backlight.time.entries;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Group commit: captures that arrive while a transaction is writing wait, then go together in the next one (at most
 * {@link #MOST}), through set-wise statements whatever their number. At shift start a capture's cost is mostly per
 * statement, not per row, so this is what lets the database keep up; alone, a capture goes at once. Each capture is
 * checked and answered on its own: a refusal or a deferral touches no other. When a statement fails for the whole
 * transaction (a constraint the checks could not see, such as one externalRef new to two employees at once), nothing
 * of it is written and each capture runs again in a transaction of its own.
 *
 * @param <C> a capture as asked
 * @param <R> what a recorded capture answers
 */
final class GroupCommit<C, R> {

    /** The most captures one transaction takes. */
    static final int MOST = 64;

    private final Pool pool;
    private final BiFunction<SqlConnection, List<C>, Uni<List<Outcome<R>>>> writeAll;
    private final ConcurrentLinkedDeque<Waiting<C, R>> waiting = new ConcurrentLinkedDeque<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    GroupCommit(Pool pool, BiFunction<SqlConnection, List<C>, Uni<List<Outcome<R>>>> writeAll) {
        this.pool = pool;
        this.writeAll = writeAll;
    }

    /**
     * What became of a capture in a transaction: its result, a refusal, or {@link #deferred} when an earlier capture of
     * the same transaction is for the same employee (it sees that one's time only once it is committed).
     */
    sealed interface Outcome<R> permits Done, Refused, Deferred {
    }

    record Done<R>(R result) implements Outcome<R> {
    }

    record Refused<R>(RuntimeException reason) implements Outcome<R> {
    }

    record Deferred<R>() implements Outcome<R> {
    }

    private static final Outcome<?> DEFERRED = new Deferred<>();

    @SuppressWarnings("unchecked")
    static <R> Outcome<R> deferred() {
        return (Outcome<R>) DEFERRED;
    }

    /** A capture waiting for its transaction, and where its answer goes (on the request's own context). */
    private record Waiting<C, R>(C capture, Context context, UniEmitter<? super R> answer) {

        void answer(Outcome<R> outcome) {
            Runnable deliver = () -> {
                if (outcome instanceof Done<R> done) {
                    answer.complete(done.result());
                } else if (outcome instanceof Refused<R> refused) {
                    answer.fail(refused.reason());
                }
            };
            if (context == null) {
                deliver.run();
            } else {
                context.runOnContext(ignored -> deliver.run());
            }
        }

        void fail(Throwable failure) {
            answer(new Refused<>(failure instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(failure)));
        }
    }

    /** The capture's answer once its transaction has committed, or its refusal. */
    Uni<R> submit(C capture) {
        return Uni.createFrom().emitter(answer -> {
            waiting.add(new Waiting<>(capture, Vertx.currentContext(), answer));
            writeNext();
        });
    }

    /** Starts the next transaction unless one is writing; the one writing starts the next when it ends. */
    private void writeNext() {
        while (!waiting.isEmpty() && writing.compareAndSet(false, true)) {
            List<Waiting<C, R>> batch = new ArrayList<>();
            for (Waiting<C, R> next = waiting.poll(); next != null; next = batch.size() < MOST ? waiting.poll() : null) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                writing.set(false);
                continue;
            }
            write(batch).subscribe().with(done -> writeNext(batch, null), failure -> writeNext(batch, failure));
            return;
        }
    }

    private void writeNext(List<Waiting<C, R>> written, Throwable failure) {
        if (failure != null) {
            written.forEach(each -> each.fail(failure));
        }
        writing.set(false);
        writeNext();
    }

    /** Writes one transaction's captures and answers each. */
    private Uni<Void> write(List<Waiting<C, R>> batch) {
        AtomicBoolean statementFailed = new AtomicBoolean();
        return pool.withTransaction(connection -> writeAll.apply(connection, batch.stream().map(Waiting::capture).toList())
                        .onFailure().invoke(() -> statementFailed.set(true)))
                .onItemOrFailure().transformToUni((outcomes, failure) -> {
                    if (failure == null) {
                        answer(batch, outcomes);
                        return Uni.createFrom().voidItem();
                    }
                    if (statementFailed.get() && batch.size() > 1) {
                        return Multi.createFrom().iterable(batch)
                                .onItem().transformToUniAndConcatenate(alone -> write(List.of(alone)))
                                .collect().last().replaceWithVoid();
                    }
                    // A single capture's own failure, or a commit whose outcome is unknown: answered as it is.
                    batch.forEach(each -> each.fail(failure));
                    return Uni.createFrom().voidItem();
                });
    }

    /** Answers each capture; the deferred ones go first into the next transaction, in their order. */
    private void answer(List<Waiting<C, R>> batch, List<Outcome<R>> outcomes) {
        for (int n = batch.size() - 1; n >= 0; n--) {
            if (outcomes.get(n) instanceof Deferred) {
                waiting.addFirst(batch.get(n));
            }
        }
        for (int n = 0; n < batch.size(); n++) {
            batch.get(n).answer(outcomes.get(n));
        }
    }
}
