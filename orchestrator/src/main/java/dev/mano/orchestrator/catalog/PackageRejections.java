package dev.mano.orchestrator.catalog;

import dev.mano.orchestrator.api.ApiProblem;
import dev.mano.orchestrator.catalog.csar.CsarViolation;
import dev.mano.orchestrator.catalog.vnfd.VnfdViolation;
import org.springframework.http.HttpStatus;

/** Why a package's content was refused, as the problem details the API (and onboardingFailureDetails) show. */
final class PackageRejections {
    private PackageRejections() {}

    static ApiProblem of(VnfdViolation v) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "vnfd-invalid", "Invalid VNF descriptor", v.getMessage())
                .with("file", v.file())
                .with("path", v.path())
                .with("expected", v.expected());
    }

    static ApiProblem of(CsarViolation v) {
        String title = switch (v.type()) {
            case "csar-path-traversal" -> "Unsafe file name in the CSAR";
            case "csar-zip-bomb" -> "CSAR exceeds the unpacking limits";
            case "manifest-hash-mismatch" -> "A file does not match its manifest hash";
            default -> "Invalid CSAR";
        };
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, v.type(), title, v.getMessage()).with("file", v.file());
    }
}
