-- The VLAN ledger: an SR-IOV chain segment (VFs of both ends on one physical network) carries one
-- VLAN of that network, taken from the configured range (mano.network.vlan-range) when the NS's links
-- are recorded, in the same transaction, and given back when the NS terminates or rolls back. The
-- primary key is what makes two NSs never share a VLAN on one physical network, even from two replicas.
CREATE TABLE chain_vlan (
    physical_network VARCHAR(255) NOT NULL,
    vlan             INT          NOT NULL CHECK (vlan BETWEEN 1 AND 4094),
    ns_instance_id   UUID         NOT NULL REFERENCES ns_instance (id) ON DELETE CASCADE,
    segment_position INT          NOT NULL,
    allocated_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (physical_network, vlan),
    UNIQUE (ns_instance_id, segment_position)
);
