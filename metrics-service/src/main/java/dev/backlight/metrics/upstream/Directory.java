package dev.backlight.metrics.upstream;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.backlight.metrics.upstream.TimeServiceClient.ClientAccount;
import dev.backlight.metrics.upstream.TimeServiceClient.Employee;
import dev.backlight.metrics.upstream.TimeServiceClient.WorkFunction;
import dev.backlight.support.problem.ApiException;

/** The caller's tenant's functions, employees and client accounts as time-service knows them, to check references. */
public record Directory(Map<String, WorkFunction> functions, Map<Long, Employee> employees, Map<String, ClientAccount> clients) {

    static Directory of(List<WorkFunction> functions, List<Employee> employees, List<ClientAccount> clients) {
        return new Directory(
                functions.stream().collect(Collectors.toMap(WorkFunction::code, Function.identity())),
                employees.stream().collect(Collectors.toMap(Employee::id, Function.identity())),
                clients.stream().collect(Collectors.toMap(ClientAccount::code, Function.identity())));
    }

    /** A function that takes new records: known to the tenant and not retired. */
    public WorkFunction activeFunction(String code) {
        WorkFunction function = functions.get(code);
        if (function == null) {
            throw ApiException.unknownReference("functionCode", "function", code);
        }
        if (function.retiredAt() != null) {
            throw ApiException.invalidField("functionCode", "is retired and takes no new records");
        }
        return function;
    }

    public void checkEmployee(Long id) {
        checkEmployee("employeeId", id);
    }

    public void checkEmployee(String field, Long id) {
        if (id != null && !employees.containsKey(id)) {
            throw ApiException.unknownReference(field, "employee", id);
        }
    }

    public void checkClient(String code) {
        if (code != null && !clients.containsKey(code)) {
            throw ApiException.unknownReference("clientCode", "client account", code);
        }
    }
}
