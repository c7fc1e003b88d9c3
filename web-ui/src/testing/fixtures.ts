/** A SOL001 VNFD in the shape the bundled VNFs use: one flavour, one VDU with EPA needs, SR-IOV and vhost-user ports. */
export const firewallVnfd = `tosca_definitions_version: tosca_simple_yaml_1_3
description: Stateful firewall
topology_template:
  node_templates:
    VNF:
      type: mano.nodes.Firewall
      properties:
        descriptor_id: 7f1c6a2e-firewall
        provider: mano.dev
        product_name: firewall
        software_version: '1.2'
        descriptor_version: '1.0'
        flavour_id: small
        flavour_description: two PMD cores
    fw_vdu:
      type: tosca.nodes.nfv.Vdu.Compute
      properties:
        name: fw
        description: firewall worker
        vdu_profile:
          min_number_of_instances: 1
          max_number_of_instances: 4
      capabilities:
        virtual_compute:
          properties:
            virtual_memory:
              virtual_mem_size: 2 GiB
              vdu_mem_requirements:
                mano.hugepage_size: 2MB
            virtual_cpu:
              num_virtual_cpu: 3
              virtual_cpu_pinning:
                virtual_cpu_pinning_policy: static
              vdu_cpu_requirements:
                mano.cpu_policy: dedicated
                mano.cpu_thread_policy: isolate
                mano.pmd_lcores: "2"
                emulator_threads: housekeeping
    fw_in:
      type: tosca.nodes.nfv.VduCp
      properties:
        mano.interface_type: sriov-vf
        mano.physical_network: physnet-a
      requirements:
        - virtual_binding: fw_vdu
    fw_out:
      type: tosca.nodes.nfv.VduCp
      properties:
        mano.interface_type: vhost-user
      requirements:
        - virtual_binding: fw_vdu
  policies:
    - scaling:
        type: tosca.policies.nfv.ScalingAspects
        properties:
          aspects:
            fw_workers:
              name: firewall workers
              max_scale_level: 3
    - busy_autoscale:
        type: mano.policies.Autoscaling
        targets: [ fw_vdu ]
        properties:
          aspect: fw_workers
          metric: busy_ratio
          scale_out_threshold: 0.8
          scale_in_threshold: 0.3
          window: 30 s
          cooldown: 60 s
`;

/** The same VNFD with a broken field, as a validator would report it. */
export const brokenVnfd = firewallVnfd.replace('num_virtual_cpu: 3', "num_virtual_cpu: three");

export const brokenProblem = {
  type: 'https://mano.dev/problems/descriptor-invalid',
  title: 'Invalid VNFD',
  detail: 'num_virtual_cpu must be a positive integer',
  file: 'firewall.yaml',
  path: 'topology_template.node_templates.fw_vdu.capabilities.virtual_compute.properties.virtual_cpu.num_virtual_cpu',
  expected: 'a positive integer',
};
