package dev.backlight.costing.upstream;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.backlight.costing.upstream.TimeServiceClient.ClientAccount;
import dev.backlight.costing.upstream.TimeServiceClient.Employee;
import dev.backlight.costing.upstream.TimeServiceClient.Tenant;
import dev.backlight.support.problem.ApiException;
import dev.backlight.support.problem.FieldChecks;

/** What time-service knows that costing needs: the tenant's currency and week, employees' teams, client accounts. */
public record Directory(Tenant tenant, Map<Long, Employee> employees, Map<String, ClientAccount> clients) {

    public static Directory of(Tenant tenant, List<Employee> employees, List<ClientAccount> clients) {
        return new Directory(tenant,
                employees.stream().collect(Collectors.toMap(Employee::id, e -> e)),
                clients.stream().collect(Collectors.toMap(ClientAccount::code, c -> c)));
    }

    public Currency currency() {
        return Currency.getInstance(tenant.currency());
    }

    public Map<Long, String> teams() {
        return employees.values().stream().filter(e -> e.team() != null)
                .collect(Collectors.toMap(Employee::id, Employee::team));
    }

    public String clientName(String code) {
        ClientAccount client = clients.get(code);
        return client == null ? code : client.name();
    }

    /** A client account named by the request's path: an unknown one is a 404. */
    public void checkClientInPath(String code) {
        if (!clients.containsKey(code)) {
            throw ApiException.notFound("client account", code);
        }
    }

    public void checkEmployee(long id) {
        if (!employees.containsKey(id)) {
            throw ApiException.unknownReference("employeeId", "employee", id);
        }
    }

    /** An amount's currency, when a request names one: a real ISO 4217 code, and the tenant's. */
    public void checkCurrency(String code) {
        if (code == null) {
            return;
        }
        FieldChecks.currency("currency", code);
        if (!code.equals(tenant.currency())) {
            throw ApiException.invalidField("currency", "must be the tenant's currency, " + tenant.currency());
        }
    }
}
