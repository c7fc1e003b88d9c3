package dev.mano.orchestrator.catalog.csar;

/**
 * A CSAR that is malformed or hostile. {@code type} is the problem slug the API reports
 * (csar-invalid, csar-path-traversal, csar-zip-bomb, manifest-hash-mismatch).
 */
public final class CsarViolation extends RuntimeException {
    private final String type;
    private final String file;

    public CsarViolation(String type, String file, String detail) {
        super(detail);
        this.type = type;
        this.file = file;
    }

    public String type() { return type; }
    public String file() { return file; }
}
