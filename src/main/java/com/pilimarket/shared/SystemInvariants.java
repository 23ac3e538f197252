package com.pilimarket.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Runs every {@link InvariantCheck} in one consistent snapshot. */
@Component
public class SystemInvariants {

    private final List<InvariantCheck> checks;

    public SystemInvariants(List<InvariantCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /** The result of one run: each check's violations, by check name. */
    public record Report(Map<String, List<String>> violationsByCheck) {

        public boolean holds() {
            return violationsByCheck.values().stream().allMatch(List::isEmpty);
        }

        public List<String> violations() {
            List<String> all = new ArrayList<>();
            violationsByCheck.forEach((name, v) -> v.forEach(msg -> all.add(name + ": " + msg)));
            return all;
        }
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Report check() {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (InvariantCheck check : checks) {
            result.put(check.name(), check.violations());
        }
        return new Report(result);
    }
}
