package dev.backlight.costing.service;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.backlight.costing.client.TimeServiceClient.ClientAccount;
import dev.backlight.costing.client.TimeServiceClient.Employee;
import dev.backlight.costing.client.TimeServiceClient.Tenant;
import dev.backlight.support.problem.ApiException;

/** What time-service knows that costing needs: the tenant's currency and week, employees' teams, client accounts. */
record Directory(Tenant tenant, Map<Long, Employee> employees, Map<String, ClientAccount> clients) {

    static Directory of(Tenant tenant, List<Employee> employees, List<ClientAccount> clients) {
        return new Directory(tenant,
                employees.stream().collect(Collectors.toMap(Employee::id, e -> e)),
                clients.stream().collect(Collectors.toMap(ClientAccount::code, c -> c)));
    }

    Currency currency() {
        return Currency.getInstance(tenant.currency());
    }

    Map<Long, String> teams() {
        return employees.values().stream().filter(e -> e.team() != null)
                .collect(Collectors.toMap(Employee::id, Employee::team));
    }

    String clientName(String code) {
        ClientAccount client = clients.get(code);
        return client == null ? code : client.name();
    }

    /** A client account named by the request's path: an unknown one is a 404. */
    void checkClientInPath(String code) {
        if (!clients.containsKey(code)) {
            throw ApiException.notFound("client account", code);
        }
    }

    void checkEmployee(long id) {
        if (!employees.containsKey(id)) {
            throw ApiException.unknownReference("employeeId", "employee", id);
        }
    }

    /** An amount's currency, when a request names one: a real ISO 4217 code, and the tenant's. */
    void checkCurrency(String code) {
        if (code == null) {
            return;
        }
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("currency", "is not an ISO 4217 currency code: " + code);
        }
        if (!code.equals(tenant.currency())) {
            throw ApiException.invalidField("currency", "must be the tenant's currency, " + tenant.currency());
        }
    }
}
