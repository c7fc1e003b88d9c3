package dev.mano.orchestrator.vnflcm;

import java.util.UUID;

/** A small VNFD for lifecycle tests: one VDU (PMD cores + 1 vCPUs, 1 GiB of 2 MB pages, a VF, a vhost-user port). */
public final class LcmTestVnfd {
    private LcmTestVnfd() {}

    public static String yaml(String vnfdId, String physnet, int pmdLcores) {
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
                        product_name: lcm-test
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
                            virtual_memory:
                              virtual_mem_size: 1 GiB
                              vdu_mem_requirements:
                                mano.hugepage_size: 2MB
                    data:
                      type: tosca.nodes.nfv.VduCp
                      properties:
                        layer_protocols: [ ethernet ]
                        order: 0
                        mano.interface_type: sriov-vf
                        mano.physical_network: %s
                      requirements:
                        - virtual_binding: fwd
                    chain:
                      type: tosca.nodes.nfv.VduCp
                      properties:
                        layer_protocols: [ ethernet ]
                        order: 1
                        mano.interface_type: vhost-user
                      requirements:
                        - virtual_binding: fwd
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
                    - busy_autoscale:
                        type: mano.policies.Autoscaling
                        targets: [ fwd ]
                        properties:
                          aspect: capacity
                          metric: busy_ratio
                          scale_out_threshold: 0.8
                          scale_in_threshold: 0.3
                          window: 30 s
                          cooldown: 60 s
                """.formatted(vnfdId, Math.max(2, pmdLcores + 1), pmdLcores, physnet);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }
}
