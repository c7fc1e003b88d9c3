package dev.mano.orchestrator.catalog;

import dev.mano.orchestrator.api.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Attribute filters on the package list: {@code ?onboardingState=ONBOARDED&vnfProductName=l2fwd}
 * and the SOL013 form {@code ?filter=(eq,onboardingState,ONBOARDED);(neq,usageState,IN_USE)}
 * (eq and neq only). Unknown attributes are a 400, as SOL013 asks.
 */
final class PackageFilter {
    private static final Map<String, Function<VnfPackage, String>> ATTRIBUTES = Map.of(
            "onboardingState", p -> p.onboardingState().name(),
            "operationalState", p -> p.operationalState().name(),
            "usageState", p -> p.usageState().name(),
            "vnfdId", p -> p.vnfdId().orElse(null),
            "vnfProvider", VnfPackage::vnfProvider,
            "vnfProductName", VnfPackage::vnfProductName,
            "vnfSoftwareVersion", VnfPackage::vnfSoftwareVersion,
            "vnfdVersion", VnfPackage::vnfdVersion);

    private PackageFilter() {}

    static Predicate<VnfPackage> parse(Map<String, String> query) {
        List<Predicate<VnfPackage>> all = new ArrayList<>();
        query.forEach((name, value) -> {
            if (name.equals("filter")) {
                for (String term : value.split(";")) {
                    String t = term.strip();
                    if (!t.startsWith("(") || !t.endsWith(")") || t.substring(1, t.length() - 1).split(",", 3).length != 3) {
                        throw ApiProblem.badRequest("invalid-filter", "filter terms look like (eq,attribute,value): " + t);
                    }
                    String[] parts = t.substring(1, t.length() - 1).split(",", 3);
                    Predicate<VnfPackage> eq = equal(parts[1], parts[2]);
                    all.add(switch (parts[0]) {
                        case "eq" -> eq;
                        case "neq" -> eq.negate();
                        default -> throw ApiProblem.badRequest("invalid-filter", "operator " + parts[0] + " is not supported (eq, neq)");
                    });
                }
            } else if (!name.equals("all_fields") && !name.equals("exclude_default")) {
                all.add(equal(name, value));
            }
        });
        return all.stream().reduce(p -> true, Predicate::and);
    }

    private static Predicate<VnfPackage> equal(String attribute, String value) {
        Function<VnfPackage, String> get = ATTRIBUTES.get(attribute);
        if (get == null) {
            throw ApiProblem.badRequest("invalid-filter", "cannot filter on '" + attribute + "'")
                    .with("attributes", ATTRIBUTES.keySet().stream().sorted().toList());
        }
        return p -> Objects.equals(get.apply(p), value);
    }
}
