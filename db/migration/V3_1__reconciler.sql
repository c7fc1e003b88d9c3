-- The reconciler compares libvirt with the database. One replica acts at a time (a lease row,
-- not a JVM lock); what it did is kept so people can see it in the API.

CREATE TABLE reconciler_lease (
    name       VARCHAR(32) PRIMARY KEY,
    holder     TEXT,
    expires_at TIMESTAMPTZ NOT NULL
);
INSERT INTO reconciler_lease (name, holder, expires_at) VALUES ('reconciler', NULL, '-infinity');

-- A domain with our metadata but no VNFC row, first seen at: destroyed once the grace period is over
-- (a VNFC being created right now has its domain before its row may be visible).
CREATE TABLE reconciler_orphan_domain (
    host_id     UUID        NOT NULL REFERENCES vim_host (id) ON DELETE CASCADE,
    domain_name TEXT        NOT NULL,
    vnfc_id     TEXT        NOT NULL,
    first_seen  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (host_id, domain_name)
);

CREATE TABLE reconciler_action (
    id        BIGSERIAL PRIMARY KEY,
    at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- no foreign key: the record outlives the host
    host_id   UUID,
    host_name TEXT,
    kind      VARCHAR(32) NOT NULL CHECK (kind IN ('ORPHAN_DOMAIN_SEEN', 'ORPHAN_DOMAIN_REMOVED',
                  'VNFC_DOMAIN_MISSING', 'ORPHAN_PLACEMENT_RELEASED', 'HOST_SKIPPED')),
    subject   TEXT        NOT NULL,
    detail    TEXT        NOT NULL
);
CREATE INDEX reconciler_action_at ON reconciler_action (at DESC);
