package dev.mano.orchestrator.catalog.vnfd;

/**
 * A descriptor that cannot mean what it says: names the file, the dotted path of the offending
 * node (e.g. {@code topology_template.node_templates.fw_vdu.capabilities.virtual_compute}) and
 * what was expected there. The catalog turns it into RFC 9457 problem details.
 */
public final class VnfdViolation extends RuntimeException {
    private final String file;
    private final String path;
    private final String expected;

    public VnfdViolation(String file, String path, String expected, String detail) {
        super(detail);
        this.file = file;
        this.path = path;
        this.expected = expected;
    }

    public String file() { return file; }
    public String path() { return path; }
    public String expected() { return expected; }
}
