package dev.mano.orchestrator.vnflcm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mano.orchestrator.catalog.vnfd.ConnectionPoint;
import dev.mano.orchestrator.catalog.vnfd.InterfaceType;
import dev.mano.orchestrator.placement.NodePlacement;
import dev.mano.orchestrator.placement.VfAssignment;
import dev.mano.orchestrator.placement.VnfcPlacement;
import dev.mano.vim.domain.NetInterface;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a VNFC's data ports become guest NICs: which CP is which port, which VF each CP gets, what the NS wired it to. */
class DomainSpecsTest {
    private final DomainSpecs specs = new DomainSpecs(new VnfLcmProperties(Duration.ofSeconds(2), Duration.ofSeconds(30),
            "/tmp/mano-domain-specs-test", Duration.ofSeconds(20), "", "", Duration.ofSeconds(5), Duration.ofSeconds(30)), "auto", true);
    private final UUID vnfcId = UUID.randomUUID();

    private static ConnectionPoint cp(String id, int order, InterfaceType type, String physnet) {
        return new ConnectionPoint(id, "vdu", Optional.empty(), type, Optional.ofNullable(physnet), order, List.of("ethernet"));
    }

    private VnfcPlacement placedWith(VfAssignment... vfs) {
        return new VnfcPlacement(vnfcId, "vnf/vdu", UUID.randomUUID(), "host", List.of(
                new NodePlacement(0, 0, List.of(1), List.of(), List.of(0), 2048, 512, List.of(vfs))));
    }

    @Test
    void vfPortsAreTheDataCpsVfsTaggedInPortOrderAndOtherVfsStayUntagged() {
        // order 0 is virtio and the VDU has more than two CPs: management, no chain port
        List<ConnectionPoint> cps = List.of(cp("mgmt", 0, InterfaceType.VIRTIO, null), cp("in", 1, InterfaceType.SRIOV_VF, "north"),
                cp("out", 2, InterfaceType.SRIOV_VF, "north"), cp("spare", 3, InterfaceType.SRIOV_VF, "south"));
        VnfcPlacement placed = placedWith(new VfAssignment("0000:5e:02.0", "south", "0000:5e:00.0", 0),
                new VfAssignment("0000:3b:02.0", "north", "0000:3b:00.0", 0), new VfAssignment("0000:3b:02.1", "north", "0000:3b:00.0", 0));
        GuestSetup guest = new GuestSetup(List.of(new GuestSetup.DataPort.Vf("north", 2001), new GuestSetup.DataPort.Vf("north", 2002)), null);

        assertThat(specs.interfaces(cps, placed, guest)).containsExactly(
                new NetInterface.SriovVf("0000:3b:02.0", 2001, DomainSpecs.mac(vnfcId, 0)),
                new NetInterface.SriovVf("0000:3b:02.1", 2002, DomainSpecs.mac(vnfcId, 1)),
                new NetInterface.SriovVf("0000:5e:02.0", null, null));
    }

    @Test
    void aMemberCanHaveABridgePortBeforeAndAVfPortAfter() {
        List<ConnectionPoint> cps = List.of(cp("mgmt", 0, InterfaceType.VIRTIO, null), cp("inside", 1, InterfaceType.VHOST_USER, null),
                cp("outside", 2, InterfaceType.SRIOV_VF, "physnet-data"));
        VnfcPlacement placed = placedWith(new VfAssignment("0000:3b:02.3", "physnet-data", "0000:3b:00.0", 0));
        GuestSetup guest = new GuestSetup(List.of(new GuestSetup.DataPort.Network("mano-1234abcd-in"),
                new GuestSetup.DataPort.Vf("physnet-data", 2500)), null);

        assertThat(specs.interfaces(cps, placed, guest)).containsExactly(
                new NetInterface.Network("mano-1234abcd-in", DomainSpecs.mac(vnfcId, 0), true),
                new NetInterface.SriovVf("0000:3b:02.3", 2500, DomainSpecs.mac(vnfcId, 1)));
    }

    @Test
    void thePortFacingTheSegmentBeforeTheMemberIsAnIsolatedTapTheOneAfterIsNot() {
        // copies of one member must not reach each other over their upstream bridge: no loop when scaled out
        List<ConnectionPoint> cps = List.of(cp("in", 0, InterfaceType.VIRTIO, null), cp("out", 1, InterfaceType.VIRTIO, null));
        GuestSetup wired = new GuestSetup(List.of(new GuestSetup.DataPort.Network("mano-1234abcd-in"),
                new GuestSetup.DataPort.Network("mano-1234abcd-1")), null);

        assertThat(specs.interfaces(cps, placedWith(), wired)).containsExactly(
                new NetInterface.Network("mano-1234abcd-in", DomainSpecs.mac(vnfcId, 0), true),
                new NetInterface.Network("mano-1234abcd-1", DomainSpecs.mac(vnfcId, 1), false));
        assertThat(specs.interfaces(cps, placedWith(), GuestSetup.from(Map.of("dataNetworks", List.of("a", "b")))))
                .extracting(nic -> ((NetInterface.Network) nic).isolated()).containsExactly(true, false);
    }

    @Test
    void aVhostUserPortZeroLeavesTheBridgePortAfterItNonIsolated() {
        List<ConnectionPoint> cps = List.of(cp("in", 0, InterfaceType.VHOST_USER, null), cp("out", 1, InterfaceType.VIRTIO, null));
        GuestSetup wired = new GuestSetup(List.of(new GuestSetup.DataPort.VhostUser("/run/mano/vhost/s-1-down.sock"),
                new GuestSetup.DataPort.Network("mano-1234abcd-out")), null);

        assertThat(specs.interfaces(cps, placedWith(), wired)).containsExactly(
                new NetInterface.VhostUser("/run/mano/vhost/s-1-down.sock", NetInterface.VhostUserMode.CLIENT, DomainSpecs.mac(vnfcId, 0)),
                new NetInterface.Network("mano-1234abcd-out", DomainSpecs.mac(vnfcId, 1), false));
    }

    @Test
    void aVfPortOnACpThatIsNoVfIsAnErrorNotASilentlyUnwiredPort() {
        List<ConnectionPoint> cps = List.of(cp("a", 0, InterfaceType.VIRTIO, null), cp("b", 1, InterfaceType.VIRTIO, null));
        GuestSetup guest = new GuestSetup(List.of(new GuestSetup.DataPort.Vf("north", 2001), new GuestSetup.DataPort.Network("n")), null);
        assertThatThrownBy(() -> specs.interfaces(cps, placedWith(), guest))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("VLAN 2001").hasMessageContaining("placement gave CP a no VF");
    }

    @Test
    void withoutNsWiringEveryVfIsUntaggedAndVhostUserCpsGetSockets() {
        List<ConnectionPoint> cps = List.of(cp("data", 0, InterfaceType.SRIOV_VF, "north"), cp("chain", 1, InterfaceType.VHOST_USER, null));
        List<NetInterface> nics = specs.interfaces(cps, placedWith(new VfAssignment("0000:3b:02.0", "north", "0000:3b:00.0", 0)), GuestSetup.NONE);
        assertThat(nics).hasSize(2);
        assertThat(nics.getFirst()).isEqualTo(new NetInterface.SriovVf("0000:3b:02.0", null, null));
        assertThat(nics.get(1)).isInstanceOfSatisfying(NetInterface.VhostUser.class,
                v -> assertThat(v.socketPath()).isEqualTo("/tmp/mano-domain-specs-test/vhost/" + vnfcId + "-chain.sock"));
    }

    @Test
    void dataPortsAreReadFromTheRequestAndTheOlderNetworkListStillWorks() {
        assertThat(GuestSetup.from(Map.of("dataPorts", List.of(Map.of("network", "mano-x-in"),
                Map.of("physicalNetwork", "north", "vlan", 2001)))).dataPorts())
                .containsExactly(new GuestSetup.DataPort.Network("mano-x-in"), new GuestSetup.DataPort.Vf("north", 2001));
        assertThat(GuestSetup.from(Map.of("dataNetworks", List.of("a", "b"))).dataPorts())
                .containsExactly(new GuestSetup.DataPort.Network("a"), new GuestSetup.DataPort.Network("b"));
        assertThatThrownBy(() -> GuestSetup.from(Map.of("dataPorts", List.of(Map.of("physicalNetwork", "north", "vlan", 5000)))))
                .isInstanceOfSatisfying(GuestSetup.Invalid.class, e -> assertThat(e.field()).isEqualTo("additionalParams.dataPorts[0]"));
        assertThatThrownBy(() -> GuestSetup.from(Map.of("dataPorts", List.of(), "dataNetworks", List.of())))
                .isInstanceOf(GuestSetup.Invalid.class);
    }
}
