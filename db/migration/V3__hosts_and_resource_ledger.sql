-- Hosts as libvirt reports them, and the EPA resource ledger: one row per allocated resource.
-- Correctness under concurrency (several orchestrator replicas on one database) comes from the
-- constraints below, not from any lock in a JVM:
--   * a CPU or a VF is a primary key of its allocation table, so it can never be given twice;
--   * hugepages are counted on the pool row (allocated <= total is a CHECK) and the counter moves
--     in the same transaction that writes the hugepage_allocation row, so sum(pages) = allocated;
--   * allocations reference the inventory rows (no cascade), so a host holding allocations cannot
--     be deleted, not even by a racing request.

CREATE TABLE vim_host (
    id                UUID PRIMARY KEY,
    name              VARCHAR(253) NOT NULL UNIQUE,
    libvirt_uri       TEXT         NOT NULL,
    state             VARCHAR(16)  NOT NULL CHECK (state IN ('READY', 'UNREACHABLE')),
    state_reason      TEXT,
    hostname          TEXT,
    cpu_model         TEXT,
    kvm               BOOLEAN      NOT NULL DEFAULT false,
    -- the cpuset given at registration (e.g. "2-7,10-15"): the CPUs the kernel keeps free for PMDs
    isolated_cpus     TEXT         NOT NULL DEFAULT '',
    -- PF PCI address or netdev -> physical network name, as registered
    physical_networks JSONB        NOT NULL DEFAULT '{}',
    registered_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    refreshed_at      TIMESTAMPTZ
);

CREATE TABLE host_numa_cell (
    host_id    UUID   NOT NULL REFERENCES vim_host (id) ON DELETE CASCADE,
    cell_id    INT    NOT NULL,
    memory_kib BIGINT NOT NULL,
    PRIMARY KEY (host_id, cell_id)
);

CREATE TABLE host_cpu (
    host_id   UUID    NOT NULL,
    cpu_id    INT     NOT NULL,
    cell_id   INT     NOT NULL,
    socket_id INT     NOT NULL,
    core_id   INT     NOT NULL,
    siblings  INT[]   NOT NULL,
    isolated  BOOLEAN NOT NULL,
    PRIMARY KEY (host_id, cpu_id),
    FOREIGN KEY (host_id, cell_id) REFERENCES host_numa_cell (host_id, cell_id) ON DELETE CASCADE
);

CREATE TABLE host_hugepage_pool (
    host_id       UUID   NOT NULL,
    cell_id       INT    NOT NULL,
    page_size_kib BIGINT NOT NULL,
    total         BIGINT NOT NULL CHECK (total >= 0),
    -- what the kernel reported free at the last refresh; informative only (our own VMs use pages too)
    host_free     BIGINT NOT NULL,
    allocated     BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (host_id, cell_id, page_size_kib),
    FOREIGN KEY (host_id, cell_id) REFERENCES host_numa_cell (host_id, cell_id) ON DELETE CASCADE,
    CONSTRAINT hugepages_never_overcommitted CHECK (allocated >= 0 AND allocated <= total)
);

CREATE TABLE host_vf (
    host_id           UUID        NOT NULL REFERENCES vim_host (id) ON DELETE CASCADE,
    pci_address       VARCHAR(32) NOT NULL,
    vf_index          INT         NOT NULL,
    -- NULL when the host does not say which cell the device sits on: such a VF is never placed
    cell_id           INT,
    pf_pci_address    VARCHAR(32) NOT NULL,
    pf_netdev         TEXT,
    physical_network  TEXT,
    PRIMARY KEY (host_id, pci_address)
);

-- One committed placement request (a chain of VNFCs); its allocations go with it on release.
CREATE TABLE placement (
    id         UUID PRIMARY KEY,
    strategy   VARCHAR(8)  NOT NULL CHECK (strategy IN ('PACK', 'SPREAD')),
    plan       JSONB       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE cpu_allocation (
    host_id      UUID        NOT NULL,
    cpu_id       INT         NOT NULL,
    placement_id UUID        NOT NULL REFERENCES placement (id) ON DELETE CASCADE,
    -- the VNFM's vnfc table comes later; no foreign key yet
    vnfc_id      UUID        NOT NULL,
    -- PMD: runs a vCPU; SIBLING: the other hyperthread of a core given whole (thread policy isolate)
    purpose      VARCHAR(8)  NOT NULL CHECK (purpose IN ('PMD', 'SIBLING')),
    PRIMARY KEY (host_id, cpu_id),
    FOREIGN KEY (host_id, cpu_id) REFERENCES host_cpu (host_id, cpu_id)
);
CREATE INDEX cpu_allocation_placement ON cpu_allocation (placement_id);
CREATE INDEX cpu_allocation_vnfc ON cpu_allocation (vnfc_id);

CREATE TABLE vf_allocation (
    host_id      UUID        NOT NULL,
    pci_address  VARCHAR(32) NOT NULL,
    placement_id UUID        NOT NULL REFERENCES placement (id) ON DELETE CASCADE,
    vnfc_id      UUID        NOT NULL,
    PRIMARY KEY (host_id, pci_address),
    FOREIGN KEY (host_id, pci_address) REFERENCES host_vf (host_id, pci_address)
);
CREATE INDEX vf_allocation_placement ON vf_allocation (placement_id);
CREATE INDEX vf_allocation_vnfc ON vf_allocation (vnfc_id);

CREATE TABLE hugepage_allocation (
    placement_id  UUID   NOT NULL REFERENCES placement (id) ON DELETE CASCADE,
    vnfc_id       UUID   NOT NULL,
    host_id       UUID   NOT NULL,
    cell_id       INT    NOT NULL,
    page_size_kib BIGINT NOT NULL,
    pages         BIGINT NOT NULL CHECK (pages > 0),
    PRIMARY KEY (placement_id, vnfc_id, host_id, cell_id, page_size_kib),
    FOREIGN KEY (host_id, cell_id, page_size_kib)
        REFERENCES host_hugepage_pool (host_id, cell_id, page_size_kib)
);
CREATE INDEX hugepage_allocation_pool ON hugepage_allocation (host_id, cell_id, page_size_kib);
