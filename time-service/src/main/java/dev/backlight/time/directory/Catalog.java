package dev.backlight.time.directory;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;


/** The tenant's functions and client accounts by id and code, to translate between stored ids and API codes. */
public record Catalog(Map<Long, WorkFunction> functionsById, Map<Long, ClientAccount> clientsById) {

    public static Catalog of(List<WorkFunction> functions, List<ClientAccount> clients) {
        return new Catalog(functions.stream().collect(Collectors.toMap(f -> f.id, Function.identity())),
                clients.stream().collect(Collectors.toMap(c -> c.id, Function.identity())));
    }

    public String functionCode(Long id) {
        WorkFunction function = functionsById.get(id);
        return function == null ? null : function.code;
    }

    public String clientCode(Long id) {
        ClientAccount client = id == null ? null : clientsById.get(id);
        return client == null ? null : client.code;
    }

    public Long functionId(String code) {
        return functionsById.values().stream().filter(f -> f.code.equals(code)).map(f -> f.id).findFirst().orElse(null);
    }

    public Long clientId(String code) {
        return clientsById.values().stream().filter(c -> c.code.equals(code)).map(c -> c.id).findFirst().orElse(null);
    }
}
