-- VNF instances, their VNFCs (one VM each) and lifecycle operation occurrences (ETSI SOL003).

CREATE TABLE vnf_instance (
    id                       UUID PRIMARY KEY,
    vnf_instance_name        VARCHAR(255),
    vnf_instance_description TEXT,
    vnfd_id                  VARCHAR(255) NOT NULL,
    vnf_pkg_id               UUID         NOT NULL REFERENCES vnf_package (id),
    vnf_provider             VARCHAR(255) NOT NULL,
    vnf_product_name         VARCHAR(255) NOT NULL,
    vnf_software_version     VARCHAR(255) NOT NULL,
    vnfd_version             VARCHAR(255) NOT NULL,
    instantiation_state      VARCHAR(20)  NOT NULL CHECK (instantiation_state IN ('NOT_INSTANTIATED', 'INSTANTIATED')),
    flavour_id               VARCHAR(255),
    instantiation_level_id   VARCHAR(255),
    vnf_state                VARCHAR(8)   CHECK (vnf_state IN ('STARTED', 'STOPPED')),
    -- aspect id -> scale level
    scale_status             JSONB        NOT NULL DEFAULT '{}',
    -- the NS instance this VNF belongs to, when an NS created it
    ns_instance_id           UUID,
    created_at               TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- One VM. Its id is the VNFC id in the resource ledger and in the domain's metadata, so the
-- reconciler can join libvirt, the ledger and this table.
CREATE TABLE vnfc (
    id               UUID PRIMARY KEY,
    vnf_instance_id  UUID         NOT NULL REFERENCES vnf_instance (id),
    vdu_id           VARCHAR(255) NOT NULL,
    placement_id     UUID         NOT NULL,
    host_id          UUID         NOT NULL REFERENCES vim_host (id),
    domain_name      VARCHAR(255) NOT NULL UNIQUE,
    state            VARCHAR(12)  NOT NULL CHECK (state IN ('PLANNED', 'DEFINED', 'RUNNING', 'STOPPED', 'FAILED')),
    -- the operation that created it: a rollback removes exactly these
    created_by_op    UUID         NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX vnfc_instance ON vnfc (vnf_instance_id);

CREATE TABLE vnf_lcm_op_occ (
    id                      UUID PRIMARY KEY,
    vnf_instance_id         UUID         NOT NULL REFERENCES vnf_instance (id) ON DELETE CASCADE,
    operation               VARCHAR(16)  NOT NULL CHECK (operation IN ('INSTANTIATE', 'SCALE', 'HEAL', 'OPERATE', 'TERMINATE')),
    operation_state         VARCHAR(16)  NOT NULL CHECK (operation_state IN
                                ('STARTING', 'PROCESSING', 'COMPLETED', 'FAILED_TEMP', 'FAILED', 'ROLLING_BACK', 'ROLLED_BACK')),
    state_entered_time      TIMESTAMPTZ  NOT NULL,
    start_time              TIMESTAMPTZ  NOT NULL,
    is_automatic_invocation BOOLEAN      NOT NULL DEFAULT false,
    operation_params        JSONB        NOT NULL DEFAULT '{}',
    progress                INT          NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    progress_detail         TEXT,
    error                   JSONB,
    -- written every few seconds by the replica running the operation; a stale one means that
    -- replica died, and the sweeper moves the operation to FAILED_TEMP
    heartbeat_at            TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX vnf_lcm_op_occ_instance ON vnf_lcm_op_occ (vnf_instance_id);

-- Operations on one VNF are serialised by the database, across replicas: at most one operation
-- per instance is unfinished (FAILED_TEMP blocks others until retried, rolled back or failed).
CREATE UNIQUE INDEX vnf_lcm_one_open_op ON vnf_lcm_op_occ (vnf_instance_id)
    WHERE operation_state IN ('STARTING', 'PROCESSING', 'FAILED_TEMP', 'ROLLING_BACK');
