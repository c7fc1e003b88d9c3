package dev.mano.dataplane.config;

import dev.mano.dataplane.vnf.l2fwd.L2fwd;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every configuration error names the file, the path inside it and what was expected. */
class RuntimeConfigTest {

    private static RuntimeConfig parse(String yaml) {
        return RuntimeConfig.parse("vnf.yaml", yaml, "l2fwd");
    }

    @Test
    void defaultsAndExplicitValues() {
        RuntimeConfig config = parse("""
                ports:
                  - {name: a, devargs: net_null0}
                  - {name: b, queues: 4, rxDescriptors: 512}
                burst: 64
                metrics: {port: 9464}
                l2fwd: {pairs: [[a, b]]}
                """);
        assertThat(config.ports().get(0).queues()).as("unset: one per lcore, decided at start").isZero();
        assertThat(config.ports().get(0).withQueuesIfUnset(3).queues()).isEqualTo(3);
        assertThat(config.ports().get(1).withQueuesIfUnset(3).queues()).isEqualTo(4);
        assertThat(config.ports().get(1).rxDescriptors()).isEqualTo(512);
        assertThat(config.ports().get(0).txDescriptors()).isEqualTo(1024);
        assertThat(config.burst()).isEqualTo(64);
        assertThat(config.metricsPort()).isEqualTo(9464);
        assertThat(config.mbufs()).isZero();
        assertThat(config.idleSleepMicros()).as("default: pure polling").isZero();
        assertThat(parse("ports: [{name: a}]\nidleSleepUs: 50").idleSleepMicros()).isEqualTo(50);
        assertThat(L2fwd.fromConfig(config.vnf()).identity().mode()).isEqualTo("macswap");
    }

    @Test
    void errorsPointAtTheField() {
        assertThatThrownBy(() -> parse("ports: [{name: a, queues: many}]\nl2fwd: {pairs: [[a, a]]}"))
                .hasMessage("vnf.yaml: ports[0].queues: expected an integer in 1..1024, got 'many'");
        assertThatThrownBy(() -> parse("ports: [{name: a, qeues: 2}]"))
                .hasMessageStartingWith("vnf.yaml: ports[0].qeues: unknown key (allowed here: devargs, name, queues");
        assertThatThrownBy(() -> parse("ports: [{name: a}, {name: a}]"))
                .hasMessage("vnf.yaml: ports[1].name: port a is listed twice");
        assertThatThrownBy(() -> parse("ports: [{name: a}]\nburst: 1000"))
                .hasMessage("vnf.yaml: burst: expected an integer in 1..64, got 1000");
        assertThatThrownBy(() -> parse("ports: [{name: a}]\nidleSleepUs: -1"))
                .hasMessage("vnf.yaml: idleSleepUs: expected an integer in 0..100000, got -1");
        assertThatThrownBy(() -> parse("ports: [{name: a, devargs: net_null0, socketMode: \"0660\"}]"))
                .hasMessageStartingWith("vnf.yaml: ports[0].socketMode: only a vhost-user server port has a socket");
        assertThatThrownBy(() -> parse("ports: [{name: a, devargs: \"net_vhost0,iface=/x.sock\", socketMode: \"rw\"}]"))
                .hasMessageStartingWith("vnf.yaml: ports[0].socketMode: expected octal permission bits like \"0660\"");
        assertThat(parse("ports: [{name: a, devargs: \"net_vhost0,iface=/x.sock\", socketMode: \"0660\", socketGroup: kvm}]")
                .ports().get(0).socketAccess()).isEqualTo(new dev.mano.dataplane.port.SocketAccess(0660, "kvm"));
        assertThatThrownBy(() -> parse("ports: [{name: a}]\nrouter: {}"))
                .hasMessageContaining("vnf.yaml: router: unknown key");
        assertThatThrownBy(() -> parse("ports: {name: a}"))
                .hasMessage("vnf.yaml: ports: expected a list, got a mapping");
        assertThatThrownBy(() -> parse("ports: [a: b: c"))
                .hasMessageStartingWith("vnf.yaml: not valid YAML");
        assertThatThrownBy(() -> L2fwd.fromConfig(parse("ports: [{name: a}, {name: b}]\nl2fwd: {pairs: [[a]]}").vnf()))
                .hasMessage("vnf.yaml: l2fwd.pairs[0]: expected a pair of port names like [net_null0, net_null1]");
        assertThatThrownBy(() -> L2fwd.fromConfig(parse("ports: [{name: a}, {name: b}]\nl2fwd: {pairs: [[a, b]], peerMacs: {b: nope}}").vnf()))
                .hasMessageStartingWith("vnf.yaml: l2fwd.peerMacs.b: not a MAC address");
    }
}
