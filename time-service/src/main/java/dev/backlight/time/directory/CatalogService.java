package dev.backlight.time.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.backlight.support.problem.ApiException;
import io.smallrye.mutiny.Uni;

/** Which functions and client accounts take new time, as the other features ask it, in the current session. */
@ApplicationScoped
public class CatalogService {

    @Inject
    WorkFunctionRepository functions;

    @Inject
    ClientAccountRepository clients;


    /** The id of a function that accepts new time; 400 naming functionCode otherwise. */
    public Uni<Long> functionIdForNewTime(String code) {
        return functions.findByCode(code).map(function -> function == null ? functionForNewTime(null, false)
                : functionForNewTime(function.id, function.retired()));
    }

    /** The id of a client account that accepts new time, or null for shared time; 400 naming clientCode otherwise. */
    public Uni<Long> clientIdForNewTime(String code) {
        if (code == null) {
            return Uni.createFrom().nullItem();
        }
        return clients.findByCode(code).map(client -> client == null ? clientForNewTime(code, null, false)
                : clientForNewTime(code, client.id, client.active));
    }

    /**
     * The rule of {@link #functionIdForNewTime} applied to what a caller's own statement read: {@code id} null when no
     * function has the code.
     */
    public static Long functionForNewTime(Long id, boolean retired) {
        if (id == null) {
            throw ApiException.invalidField("functionCode", "does not exist");
        }
        if (retired) {
            throw ApiException.invalidField("functionCode", "is retired and takes no new time");
        }
        return id;
    }

    /**
     * The rule of {@link #clientIdForNewTime} applied to what a caller's own statement read: {@code id} null when no
     * client account has the code (a null code is shared time).
     */
    public static Long clientForNewTime(String code, Long id, boolean active) {
        if (code == null) {
            return null;
        }
        if (id == null) {
            throw ApiException.invalidField("clientCode", "does not exist");
        }
        if (!active) {
            throw ApiException.invalidField("clientCode", "is inactive and takes no new time");
        }
        return id;
    }
}
