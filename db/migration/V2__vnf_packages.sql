-- The VNF package catalog (ETSI SOL005 VnfPkgInfo). The package file itself lives on disk,
-- content-addressed by its SHA-256 (content_sha256); this row is the metadata and the state.
CREATE TABLE vnf_package (
    id                   UUID PRIMARY KEY,
    row_version          BIGINT       NOT NULL,           -- optimistic locking (@Version)
    onboarding_state     VARCHAR(16)  NOT NULL CHECK (onboarding_state IN ('CREATED', 'UPLOADING', 'PROCESSING', 'ONBOARDED', 'ERROR')),
    operational_state    VARCHAR(16)  NOT NULL CHECK (operational_state IN ('ENABLED', 'DISABLED')),
    usage_state          VARCHAR(16)  NOT NULL CHECK (usage_state IN ('IN_USE', 'NOT_IN_USE')),
    user_defined_data    TEXT         NOT NULL DEFAULT '{}', -- a JSON object, opaque to us
    vnfd_id              VARCHAR(255),
    vnf_provider         VARCHAR(255),
    vnf_product_name     VARCHAR(255),
    vnf_software_version VARCHAR(255),
    vnfd_version         VARCHAR(255),
    content_sha256       VARCHAR(64)  CHECK (content_sha256 ~ '^[0-9a-f]{64}$'), -- names the stored file
    content_kind         VARCHAR(8)   CHECK (content_kind IN ('CSAR', 'YAML')),
    content_size         BIGINT,
    vnfd_path            VARCHAR(1024),                    -- the entry definitions file inside the CSAR
    onboarding_failure   TEXT,                             -- RFC 9457 problem details as JSON, when ERROR
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    -- A package that has content has all of its identity; nothing half-stored.
    CHECK ((onboarding_state = 'ONBOARDED') = (content_sha256 IS NOT NULL AND vnfd_id IS NOT NULL))
);

-- One onboarded package per VNFD id: NS descriptors and instances refer to VNFs by vnfdId.
CREATE UNIQUE INDEX vnf_package_onboarded_vnfd_id ON vnf_package (vnfd_id) WHERE onboarding_state = 'ONBOARDED';
CREATE INDEX vnf_package_content ON vnf_package (content_sha256);

-- Files of a CSAR other than the descriptors (SOL005 additionalArtifacts), with their checksum.
CREATE TABLE vnf_package_artifact (
    package_id         UUID          NOT NULL REFERENCES vnf_package (id) ON DELETE CASCADE,
    artifact_path      VARCHAR(1024) NOT NULL,
    checksum_algorithm VARCHAR(16)   NOT NULL,
    checksum_hash      VARCHAR(128)  NOT NULL,
    size_bytes         BIGINT        NOT NULL,
    PRIMARY KEY (package_id, artifact_path)
);
