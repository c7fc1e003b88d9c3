package dev.mano.orchestrator.catalog.vnfd;

/** The page size backing guest memory. DPDK needs hugepages; 4 KiB is the ordinary default. */
public enum PageSize {
    SMALL_4K(4L << 10), HUGE_2M(2L << 20), HUGE_1G(1L << 30);

    private final long bytes;

    PageSize(long bytes) { this.bytes = bytes; }

    public long bytes() { return bytes; }
    public long kibibytes() { return bytes >> 10; }
}
