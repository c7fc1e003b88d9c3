-- A chain's two ends are service access points (SOL005 sapInfo): the segment where traffic enters
-- the first VNF and the one where it leaves the last, each an isolated network on a host that an
-- operator plugs a NIC or a veth into. They are stored beside the chain links they bound.
ALTER TABLE ns_link DROP CONSTRAINT ns_link_path_kind_check;
ALTER TABLE ns_link ADD CONSTRAINT ns_link_path_kind_check
    CHECK (path_kind IN ('VHOST_USER', 'SRIOV_VLAN', 'TAP_BRIDGE', 'SAP'));
