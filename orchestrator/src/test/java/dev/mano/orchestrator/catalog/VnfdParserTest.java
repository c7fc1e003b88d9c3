package dev.mano.orchestrator.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mano.orchestrator.catalog.vnfd.AutoscalingPolicy;
import dev.mano.orchestrator.catalog.vnfd.ConnectionPoint;
import dev.mano.orchestrator.catalog.vnfd.CpuPolicy;
import dev.mano.orchestrator.catalog.vnfd.InterfaceType;
import dev.mano.orchestrator.catalog.vnfd.PageSize;
import dev.mano.orchestrator.catalog.vnfd.ScalingMetric;
import dev.mano.orchestrator.catalog.vnfd.ThreadPolicy;
import dev.mano.orchestrator.catalog.vnfd.Vdu;
import dev.mano.orchestrator.catalog.vnfd.Vnfd;
import dev.mano.orchestrator.catalog.vnfd.VnfdParser;
import dev.mano.orchestrator.catalog.vnfd.VnfdViolation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class VnfdParserTest {
    private static final String PROBE = resource("/catalog/probe-vnfd.yaml");
    private static final String VDU = "topology_template.node_templates.fw_vdu";
    private static final String COMPUTE = VDU + ".capabilities.virtual_compute.properties";
    private final VnfdParser parser = new VnfdParser();

    @ParameterizedTest
    @ValueSource(strings = {"l2fwd", "router", "firewall", "nat44"})
    void parsesEveryBundledVnfd(String name) {
        Vnfd vnfd = parser.parse("Definitions/" + name + ".yaml",
                resource("/vnf-packages/" + name + "/Definitions/" + name + ".yaml"));
        assertThat(vnfd.identity().productName()).isEqualTo(name);
        assertThat(vnfd.identity().provider()).isEqualTo("mano.dev");
        Vdu vdu = vnfd.vdu(name + "_vdu").orElseThrow();
        assertThat(vdu.compute().cpuPolicy()).isEqualTo(CpuPolicy.DEDICATED);
        assertThat(vdu.compute().threadPolicy()).contains(ThreadPolicy.ISOLATE);
        assertThat(vdu.compute().pageSize()).isEqualTo(PageSize.HUGE_2M);
        assertThat(vdu.compute().pmdLcores()).isBetween(1, vdu.compute().vcpus() - 1);
        // a virtio management port, and data ports whose kinds the chains they sit in need
        assertThat(vnfd.connectionPointsOf(vdu.id())).extracting(ConnectionPoint::interfaceType)
                .contains(InterfaceType.VIRTIO).containsAnyOf(InterfaceType.VHOST_USER, InterfaceType.SRIOV_VF);
        assertThat(vnfd.flavour().autoscalingPolicies()).extracting(AutoscalingPolicy::metric).contains(ScalingMetric.BUSY_RATIO);
        assertThat(vnfd.configSchema().parameters()).isNotEmpty();
        var aspect = vnfd.flavour().scalingAspects().getFirst();
        // Scaling can reach exactly the VDU's maximum: min + steps x delta.
        assertThat(vdu.minInstances() + aspect.maxScaleLevel() * aspect.instancesAddedAtStep(vdu.id(), 1))
                .isEqualTo(vdu.maxInstances());
    }

    @Test
    void readsTheL2fwdVnfdInDetail() {
        Vnfd vnfd = parser.parse("Definitions/l2fwd.yaml", resource("/vnf-packages/l2fwd/Definitions/l2fwd.yaml"));
        assertThat(vnfd.descriptorId()).isEqualTo("5f0c2a4e-1b7d-4a55-9a38-0b8c1c2f0001");
        assertThat(vnfd.identity().softwareVersion()).isEqualTo("0.1.0");
        assertThat(vnfd.identity().descriptorVersion()).isEqualTo("1.0");
        Vdu vdu = vnfd.vdus().getFirst();
        assertThat(vdu.compute().vcpus()).isEqualTo(3);
        assertThat(vdu.compute().memoryBytes()).isEqualTo(2L << 30);
        assertThat(vdu.compute().pages()).isEqualTo(1024);
        assertThat(vdu.compute().numaNodes()).isEqualTo(1);
        assertThat(vdu.minInstances()).isEqualTo(1);
        assertThat(vdu.maxInstances()).isEqualTo(4);
        assertThat(vdu.swImage().orElseThrow().name()).isEqualTo("mano-vnf");
        assertThat(vdu.monitoringParameters()).extracting(m -> m.performanceMetric())
                .containsExactly("mano.busy_ratio", "mano.drop_rate");
        ConnectionPoint port0 = vnfd.connectionPoints().stream().filter(c -> c.id().equals("port0")).findFirst().orElseThrow();
        assertThat(port0.physicalNetwork()).contains("physnet-data");
        assertThat(port0.external()).isTrue();
        var flavour = vnfd.flavour();
        assertThat(flavour.id()).isEqualTo("default");
        assertThat(flavour.defaultInstantiationLevel()).isEqualTo("small");
        assertThat(flavour.instantiationLevel("large").orElseThrow().vduInstances()).containsEntry("l2fwd_vdu", 2);
        assertThat(flavour.instantiationLevel("large").orElseThrow().aspectScaleLevels()).containsEntry("forwarding", 1);
        assertThat(flavour.scalingAspect("forwarding").orElseThrow().maxScaleLevel()).isEqualTo(3);
        AutoscalingPolicy auto = flavour.autoscalingPolicies().getFirst();
        assertThat(auto.scaleOutThreshold()).isEqualTo(0.8);
        assertThat(auto.scaleInThreshold()).isEqualTo(0.3);
        assertThat(auto.window()).isEqualTo(Duration.ofSeconds(30));
        assertThat(auto.cooldown()).isEqualTo(Duration.ofSeconds(60));
        assertThat(auto.vduIds()).containsExactly("l2fwd_vdu");
        var config = vnfd.configSchema();
        assertThat(config.dataType()).isEqualTo("mano.datatypes.L2fwdConfig");
        assertThat(config.withDefaults(Map.of())).containsEntry("mode", "macswap");
        assertThat(config.problems(Map.of("mode", "rewrite"))).isEmpty();
        assertThat(config.problems(Map.of("mode", "broadcast", "colour", "red")))
                .anySatisfy(p -> assertThat(p).startsWith("mode: expected one of"))
                .anySatisfy(p -> assertThat(p).startsWith("colour: not a parameter"));
    }

    @Test
    void acceptsPlainSol001AndIgnoresWhatItDoesNotDeploy() {
        Vnfd vnfd = parser.parse("probe.yaml", PROBE);
        assertThat(vnfd.vdus()).extracting(Vdu::id).containsExactly("fw_vdu"); // storage ignored
        Vdu vdu = vnfd.vdus().getFirst();
        assertThat(vdu.compute().cpuPolicy()).isEqualTo(CpuPolicy.SHARED);
        assertThat(vdu.compute().pageSize()).isEqualTo(PageSize.SMALL_4K);
        assertThat(vdu.compute().memoryBytes()).isEqualTo(1L << 30);
        assertThat(vnfd.virtualLinks()).extracting(v -> v.id()).containsExactly("internal_vl");
        ConnectionPoint in = vnfd.connectionPoints().getFirst();
        assertThat(in.virtualLinkId()).contains("internal_vl");
        assertThat(in.interfaceType()).isEqualTo(InterfaceType.VIRTIO);
        assertThat(vnfd.flavour().id()).isEqualTo("simple");
        assertThat(vnfd.flavour().instantiationLevels()).extracting(l -> l.id()).containsExactly("default");
        assertThat(vnfd.flavour().scalingAspect("fw_scale").orElseThrow().stepDeltas()).containsExactly("d1");
        assertThat(vnfd.flavour().autoscalingPolicies().getFirst().vduIds()).containsExactly("fw_vdu");
        assertThat(vnfd.configSchema().parameters()).isEmpty();
    }

    /** One broken input: {@code find} in the probe VNFD becomes {@code replace}. */
    record Broken(String name, String find, String replace, String path, String expected) {
        @Override public String toString() { return name; }
    }

    static Stream<Broken> brokenInputs() {
        return Stream.of(
            new Broken("VDU without compute", "      capabilities:\n        virtual_compute:", "      kapabilities:\n        virtual_compute:",
                    VDU + ".capabilities", "virtual_compute"),
            new Broken("memory that is no size", "virtual_mem_size: 1 GiB", "virtual_mem_size: lots",
                    COMPUTE + ".virtual_memory.virtual_mem_size", "size"),
            new Broken("memory with an unknown unit", "virtual_mem_size: 1 GiB", "virtual_mem_size: 1 parsec",
                    COMPUTE + ".virtual_memory.virtual_mem_size", "GiB"),
            new Broken("no vCPUs", "num_virtual_cpu: 2", "num_virtual_cpu: 0",
                    COMPUTE + ".virtual_cpu.num_virtual_cpu", "vCPU count"),
            new Broken("thread policy on shared CPUs", "num_virtual_cpu: 2",
                    "num_virtual_cpu: 2\n              vdu_cpu_requirements:\n                mano.cpu_thread_policy: isolate",
                    COMPUTE + ".virtual_cpu.vdu_cpu_requirements.mano.cpu_thread_policy", "dedicated"),
            new Broken("more PMD lcores than vCPUs", "num_virtual_cpu: 2",
                    "num_virtual_cpu: 2\n              vdu_cpu_requirements:\n                mano.pmd_lcores: '5'",
                    COMPUTE + ".virtual_cpu.vdu_cpu_requirements.mano.pmd_lcores", "PMD lcore count"),
            new Broken("pinning policy contradicting cpu policy", "num_virtual_cpu: 2",
                    "num_virtual_cpu: 2\n              virtual_cpu_pinning:\n                virtual_cpu_pinning_policy: static\n"
                            + "              vdu_cpu_requirements:\n                mano.cpu_policy: shared",
                    COMPUTE + ".virtual_cpu.vdu_cpu_requirements.mano.cpu_policy", "dedicated"),
            new Broken("unsupported hugepage size", "virtual_mem_size: 1 GiB",
                    "virtual_mem_size: 1 GiB\n              vdu_mem_requirements:\n                mano.hugepage_size: 3MB",
                    COMPUTE + ".virtual_memory.vdu_mem_requirements.mano.hugepage_size", "2MB or 1GB"),
            new Broken("max instances below min", "max_number_of_instances: 3", "max_number_of_instances: 0",
                    VDU + ".properties.vdu_profile.max_number_of_instances", "no lower than"),
            new Broken("CP bound to a missing VDU", "- virtual_binding: fw_vdu", "- virtual_binding: ghost_vdu",
                    "topology_template.node_templates.cp_in.requirements[0].virtual_binding", "fw_vdu"),
            new Broken("CP linked to a missing VL", "- virtual_link: internal_vl", "- virtual_link: ghost_vl",
                    "topology_template.node_templates.cp_in.requirements[1].virtual_link", "internal_vl"),
            new Broken("CP bound to nothing", "        - virtual_binding: fw_vdu\n", "",
                    "topology_template.node_templates.cp_in.requirements", "virtual_binding"),
            new Broken("unknown interface type", "mano.interface_type: sriov-vf", "mano.interface_type: e1000",
                    "topology_template.node_templates.cp_out.properties.mano.interface_type", "vhost-user"),
            new Broken("SR-IOV CP without physical network", "        mano.physical_network: physnet1\n", "",
                    "topology_template.node_templates.cp_out.properties.mano.physical_network", "physical network"),
            new Broken("policy targeting a missing VDU", "targets: [ fw_vdu ]", "targets: [ ghost_vdu ]",
                    "topology_template.policies[1].deltas.targets[0]", "fw_vdu"),
            new Broken("deltas of an unknown aspect", "aspect: fw_scale\n          deltas", "aspect: other\n          deltas",
                    "topology_template.policies[1].deltas.properties.aspect", "fw_scale"),
            new Broken("step delta that is not declared", "max_scale_level: 2", "max_scale_level: 2\n              step_deltas: [ d9 ]",
                    "topology_template.policies[0].aspects.properties.aspects.fw_scale.step_deltas[0]", "d1"),
            new Broken("autoscaling on CPU%", "metric: drop_rate", "metric: cpu",
                    "topology_template.policies[3].auto.properties.metric", "busy_ratio or drop_rate"),
            new Broken("scale-in threshold above scale-out", "scale_in_threshold: 0.001", "scale_in_threshold: 0.5",
                    "topology_template.policies[3].auto.properties.scale_in_threshold", "below scale_out_threshold"),
            new Broken("window that is no time", "window: 10 s", "window: soon",
                    "topology_template.policies[3].auto.properties.window", "30 s"),
            new Broken("no VNF node", "type: tosca.nodes.nfv.VNF\n", "type: acme.nodes.Thing\n",
                    "topology_template.node_templates", "tosca.nodes.nfv.VNF"),
            new Broken("VNF without descriptor_id", "descriptor_id: probe-vnfd-1", "descriptor_idx: probe-vnfd-1",
                    "topology_template.node_templates.vnf.properties.descriptor_id", "descriptor_id"),
            new Broken("unsupported TOSCA version", "tosca_simple_yaml_1_3", "tosca_simple_yaml_2_0",
                    "tosca_definitions_version", "tosca_simple_yaml_1_3"),
            new Broken("import of a file that is not there", "  - etsi_nfv_sol001_common_types.yaml", "  - acme_types.yaml",
                    "imports[0]", "inside the package"),
            new Broken("malformed YAML", "      type: tosca.nodes.nfv.VNF\n", "      type: [unclosed\n",
                    "line ", "well-formed YAML"),
            new Broken("duplicate key", "        provider: tests\n", "        provider: tests\n        provider: others\n",
                    "line ", "well-formed YAML"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenInputs")
    void rejectsBrokenInputWithFileAndPath(Broken broken) {
        assertThat(PROBE).contains(broken.find());
        String yaml = PROBE.replace(broken.find(), broken.replace());
        assertThatThrownBy(() -> parser.parse("Definitions/probe.yaml", yaml))
                .isInstanceOfSatisfying(VnfdViolation.class, v -> {
                    assertThat(v.file()).isEqualTo("Definitions/probe.yaml");
                    assertThat(v.path()).startsWith(broken.path());
                    assertThat(v.expected()).contains(broken.expected());
                    assertThat(v.getMessage()).isNotBlank();
                });
    }

    @Test
    void refusesBillionLaughsQuickly() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> parser.parse("bomb.yaml", resource("/catalog/billion-laughs.yaml")))
                .isInstanceOfSatisfying(VnfdViolation.class, v -> {
                    assertThat(v.path()).isEqualTo("(document)");
                    assertThat(v.getMessage()).containsIgnoringCase("aliases");
                });
        // Not a speed assertion, a sanity one: expanding 9^8 nodes would take far longer.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void refusesImportsOnlyWhenTheyAreMissingFromThePackage() {
        String yaml = PROBE.replace("  - etsi_nfv_sol001_common_types.yaml", "  - types/acme.yaml");
        assertThat(parser.parse("Definitions/probe.yaml", yaml, List.of("Definitions/types/acme.yaml")::contains)
                .descriptorId()).isEqualTo("probe-vnfd-1");
    }

    static String resource(String name) {
        try (InputStream in = VnfdParserTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
