package dev.mano.orchestrator.hosts;

import dev.mano.orchestrator.api.ApiProblem;
import dev.mano.vim.inventory.CpuList;
import java.util.ArrayList;
import java.util.List;

/** Reads the isolatedCpus field: a cpuset string as on the kernel command line, or a JSON list of numbers. */
final class IsolatedCpus {
    private IsolatedCpus() {}

    /** The canonical cpuset string ("2-7,10-15"); null when the field was absent. */
    static String canonical(Object field) {
        if (field == null) {
            return null;
        }
        List<Integer> cpus = new ArrayList<>();
        if (field instanceof String s) {
            if (!s.matches("[0-9,\\- ]*")) {
                throw invalid("'" + s + "' is not a CPU list like \"2-7,10-15\"");
            }
            try {
                cpus.addAll(CpuList.parse(s));
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                throw invalid("'" + s + "' is not a CPU list like \"2-7,10-15\"");
            }
        } else if (field instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof Number n) || n.intValue() < 0 || n.doubleValue() != n.intValue()) {
                    throw invalid("every element must be a CPU number, got " + o);
                }
                cpus.add(n.intValue());
            }
        } else {
            throw invalid("give a cpuset string or a list of CPU numbers");
        }
        return CpuList.format(cpus);
    }

    private static ApiProblem invalid(String why) {
        return ApiProblem.badRequest("invalid-isolated-cpus", "isolatedCpus: " + why).with("field", "isolatedCpus");
    }
}
