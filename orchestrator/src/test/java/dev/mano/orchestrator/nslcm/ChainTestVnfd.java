package dev.mano.orchestrator.nslcm;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * VNFDs for chain tests: one VDU with the given PMD cores and guest NUMA nodes, and connection points of
 * the given kinds in order (order 0, 1, ...): {@code virtio}, {@code vhost-user}, {@code sriov-vf}.
 */
public final class ChainTestVnfd {
    /** Appended to {@link #yaml}: the aspect {@code capacity}, one more VNFC per step, up to level 2. */
    public static final String CAPACITY_ASPECT = """
              policies:
                - aspects:
                    type: tosca.policies.nfv.ScalingAspects
                    properties:
                      aspects:
                        capacity: { name: capacity, max_scale_level: 2, step_deltas: [ one ] }
                - deltas:
                    type: tosca.policies.nfv.VduScalingAspectDeltas
                    properties:
                      aspect: capacity
                      deltas: { one: { number_of_instances: 1 } }
                    targets: [ fwd ]
            """;

    private ChainTestVnfd() {}

    static String yaml(String physnet, int pmdLcores, int numaNodes, String... cpKinds) {
        return yaml(UUID.randomUUID().toString(), physnet, pmdLcores, numaNodes, cpKinds);
    }

    /** The same with a given descriptor id. */
    public static String yaml(String vnfdId, String physnet, int pmdLcores, int numaNodes, String... cpKinds) {
        List<String> cps = new ArrayList<>();
        for (int i = 0; i < cpKinds.length; i++) {
            cps.add("""
                        cp%d:
                          type: tosca.nodes.nfv.VduCp
                          properties:
                            layer_protocols: [ ethernet ]
                            order: %d
                            mano.interface_type: %s%s
                          requirements:
                            - virtual_binding: fwd
                    """.formatted(i, i, cpKinds[i], cpKinds[i].equals("sriov-vf") ? "\n        mano.physical_network: " + physnet : ""));
        }
        return """
                tosca_definitions_version: tosca_simple_yaml_1_3
                imports: [ etsi_nfv_sol001_common_types.yaml ]
                topology_template:
                  node_templates:
                    vnf:
                      type: tosca.nodes.nfv.VNF
                      properties:
                        descriptor_id: %s
                        descriptor_version: "1.0"
                        provider: mano.test
                        product_name: chain-test
                        software_version: 0.1.0
                        flavour_id: default
                    fwd:
                      type: tosca.nodes.nfv.Vdu.Compute
                      properties:
                        name: fwd
                        vdu_profile: { min_number_of_instances: 1, max_number_of_instances: 3 }
                      capabilities:
                        virtual_compute:
                          properties:
                            virtual_cpu:
                              num_virtual_cpu: %d
                              vdu_cpu_requirements:
                                mano.cpu_policy: dedicated
                                mano.cpu_thread_policy: prefer
                                mano.pmd_lcores: "%d"
                                mano.numa_nodes: "%d"
                            virtual_memory:
                              virtual_mem_size: 1 GiB
                              vdu_mem_requirements:
                                mano.hugepage_size: 2MB
                """.formatted(vnfdId, pmdLcores + 1, pmdLcores, numaNodes) + String.join("", cps);
    }
}
