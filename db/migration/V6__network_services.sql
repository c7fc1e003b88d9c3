-- Network services (ETSI SOL005): NS descriptors, NS instances made of VNF instances chained by
-- links, NS lifecycle operation occurrences, and subscriptions to their notifications.

CREATE TABLE ns_descriptor (
    id                   UUID PRIMARY KEY,
    nsd_id               VARCHAR(255),
    nsd_name             VARCHAR(255),
    nsd_designer         VARCHAR(255),
    nsd_version          VARCHAR(255),
    nsd_invariant_id     VARCHAR(255),
    onboarding_state     VARCHAR(16)  NOT NULL CHECK (onboarding_state IN ('CREATED', 'ONBOARDED')),
    operational_state    VARCHAR(16)  NOT NULL CHECK (operational_state IN ('ENABLED', 'DISABLED')),
    content              TEXT,
    user_defined_data    JSONB        NOT NULL DEFAULT '{}',
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK ((onboarding_state = 'ONBOARDED') = (content IS NOT NULL AND nsd_id IS NOT NULL))
);
CREATE UNIQUE INDEX ns_descriptor_onboarded_nsd_id ON ns_descriptor (nsd_id) WHERE onboarding_state = 'ONBOARDED';

CREATE TABLE ns_instance (
    id                  UUID PRIMARY KEY,
    ns_instance_name    VARCHAR(255) NOT NULL,
    ns_instance_description TEXT,
    nsd_info_id         UUID         NOT NULL REFERENCES ns_descriptor (id),
    nsd_id              VARCHAR(255) NOT NULL,
    ns_state            VARCHAR(20)  NOT NULL CHECK (ns_state IN ('NOT_INSTANTIATED', 'INSTANTIATED')),
    -- a client's idempotency key: the same key creates one instance, however often it is sent
    client_request_id   VARCHAR(255) UNIQUE,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The VNF instances of an NS, in chain order.
CREATE TABLE ns_vnf (
    ns_instance_id  UUID         NOT NULL REFERENCES ns_instance (id) ON DELETE CASCADE,
    position        INT          NOT NULL,
    member_node     VARCHAR(255) NOT NULL,
    vnf_instance_id UUID         NOT NULL UNIQUE REFERENCES vnf_instance (id),
    PRIMARY KEY (ns_instance_id, position)
);

-- How each chain link was realised: vhost-user on one host, SR-IOV VF + VLAN between hosts,
-- a tap/bridge on simulated hosts.
CREATE TABLE ns_link (
    ns_instance_id  UUID         NOT NULL REFERENCES ns_instance (id) ON DELETE CASCADE,
    position        INT          NOT NULL,
    name            VARCHAR(255) NOT NULL,
    from_node       VARCHAR(255) NOT NULL,
    to_node         VARCHAR(255) NOT NULL,
    path_kind       VARCHAR(16)  NOT NULL CHECK (path_kind IN ('VHOST_USER', 'SRIOV_VLAN', 'TAP_BRIDGE')),
    details         JSONB        NOT NULL DEFAULT '{}',
    PRIMARY KEY (ns_instance_id, position)
);

CREATE TABLE ns_lcm_op_occ (
    id                 UUID PRIMARY KEY,
    ns_instance_id     UUID        NOT NULL REFERENCES ns_instance (id) ON DELETE CASCADE,
    operation          VARCHAR(16) NOT NULL CHECK (operation IN ('INSTANTIATE', 'SCALE', 'HEAL', 'TERMINATE')),
    operation_state    VARCHAR(16) NOT NULL CHECK (operation_state IN
                           ('STARTING', 'PROCESSING', 'COMPLETED', 'FAILED_TEMP', 'FAILED', 'ROLLING_BACK', 'ROLLED_BACK')),
    state_entered_time TIMESTAMPTZ NOT NULL,
    start_time         TIMESTAMPTZ NOT NULL,
    operation_params   JSONB       NOT NULL DEFAULT '{}',
    progress_detail    TEXT,
    error              JSONB,
    is_cancel_pending  BOOLEAN     NOT NULL DEFAULT false,
    heartbeat_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ns_lcm_op_occ_instance ON ns_lcm_op_occ (ns_instance_id);
CREATE UNIQUE INDEX ns_lcm_one_open_op ON ns_lcm_op_occ (ns_instance_id)
    WHERE operation_state IN ('STARTING', 'PROCESSING', 'FAILED_TEMP', 'ROLLING_BACK');

-- The VNF operations an NS operation drove: its per-VNF progress.
CREATE TABLE ns_lcm_op_vnf (
    ns_op_id        UUID NOT NULL REFERENCES ns_lcm_op_occ (id) ON DELETE CASCADE,
    vnf_instance_id UUID NOT NULL,
    vnf_op_id       UUID NOT NULL,
    PRIMARY KEY (ns_op_id, vnf_op_id)
);

CREATE TABLE ns_subscription (
    id                 UUID PRIMARY KEY,
    callback_uri       TEXT        NOT NULL,
    -- empty arrays match everything
    ns_instance_ids    JSONB       NOT NULL DEFAULT '[]',
    notification_types JSONB       NOT NULL DEFAULT '[]',
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
