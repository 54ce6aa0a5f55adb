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
        return functions.findByCode(code).map(function -> {
            if (function == null) {
                throw ApiException.invalidField("functionCode", "does not exist");
            }
            if (function.retired()) {
                throw ApiException.invalidField("functionCode", "is retired and takes no new time");
            }
            return function.id;
        });
    }

    /** The id of a client account that accepts new time, or null for shared time; 400 naming clientCode otherwise. */
    public Uni<Long> clientIdForNewTime(String code) {
        if (code == null) {
            return Uni.createFrom().nullItem();
        }
        return clients.findByCode(code).map(client -> {
            if (client == null) {
                throw ApiException.invalidField("clientCode", "does not exist");
            }
            if (!client.active) {
                throw ApiException.invalidField("clientCode", "is inactive and takes no new time");
            }
            return client.id;
        });
    }
}
