package dev.mano.image.guest;

import dev.mano.dataplane.config.ConfigException;
import dev.mano.dataplane.config.RuntimeConfig;
import dev.mano.dataplane.vnf.firewall.FirewallConfig;
import dev.mano.dataplane.vnf.router.RouterConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DayOneConfigTest {
    /** What run-vnf writes for a VM with two NICs. */
    private static String base(String type) {
        return """
                ports:
                  - {name: net_af_packet0, devargs: 'net_af_packet0,iface=eth0'}
                  - {name: net_af_packet1, devargs: 'net_af_packet1,iface=eth1'}
                %s:
                  ports: [net_af_packet0, net_af_packet1]
                """.formatted(type);
    }

    @Test
    void dayOneKeysJoinTheGuestsPorts() {
        RuntimeConfig config = DayOneConfig.merge(base("firewall"), """
                {"default":"deny","max-connections":4096,
                 "rules":[{"id":"iperf","action":"allow","protocol":"udp","destination-ports":"5001"}]}""", "firewall");
        FirewallConfig firewall = FirewallConfig.from(config.vnf());
        assertThat(firewall.ports()).containsExactly("net_af_packet0", "net_af_packet1");
        assertThat(firewall.maxConnections()).isEqualTo(4096);
        assertThat(firewall.rules()).singleElement().satisfies(r -> assertThat(r.id()).isEqualTo("iperf"));
        assertThat(config.ports()).hasSize(2);
    }

    @Test
    void aRouterGetsItsNeighboursAndRoutes() {
        RuntimeConfig config = DayOneConfig.merge(base("router"), """
                {"neighbours":[{"name":"right","port":"net_af_packet1","mac":"02:00:00:00:02:02"}],
                 "routes":[{"destination":"10.2.0.0/24","via":"right"}]}""", "router");
        RouterConfig router = RouterConfig.from(config.vnf());
        assertThat(router.routes()).hasSize(1);
        assertThat(router.neighbours()).singleElement().satisfies(n -> assertThat(n.name()).isEqualTo("right"));
    }

    @Test
    void theFirmwareEntryIsBase64() {
        String json = "{\"default\":\"allow\"}";
        assertThat(DayOneConfig.fromFirmware(java.util.Base64.getEncoder().encodeToString(json.getBytes()) + "\n")).isEqualTo(json);
        assertThatThrownBy(() -> DayOneConfig.fromFirmware("{not base64}")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("base64");
    }

    @Test
    void mistakesNameTheirPlace() {
        assertThatThrownBy(() -> DayOneConfig.merge(base("firewall"), "{\"ports\":[\"x\",\"y\"]}", "firewall"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ports");
        assertThatThrownBy(() -> DayOneConfig.merge(base("firewall"), "{\"rules\": [", "firewall"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("day-1 config");
        assertThatThrownBy(() -> DayOneConfig.merge(base("firewall"), "[1, 2]", "firewall"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("expected an object");
        assertThatThrownBy(() -> FirewallConfig.from(DayOneConfig.merge(base("firewall"), "{\"default\":\"maybe\"}", "firewall").vnf()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("default");
    }
}
