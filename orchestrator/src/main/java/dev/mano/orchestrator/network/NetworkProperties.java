package dev.mano.orchestrator.network;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param vlanRange the VLANs chain segments over SR-IOV take, per physical network, as {@code first-last}
 *                  (inclusive, within 1-4094): the provider network's VLANs the fabric carries for this
 *                  orchestrator. Checked at start, so a wrong range stops the orchestrator, not an NS.
 */
@ConfigurationProperties("mano.network")
public record NetworkProperties(@DefaultValue("2000-2999") String vlanRange) {
    public NetworkProperties {
        range(vlanRange);
    }

    public int firstVlan() {
        return range(vlanRange)[0];
    }

    public int lastVlan() {
        return range(vlanRange)[1];
    }

    private static int[] range(String text) {
        String[] parts = text.trim().split("\\s*-\\s*");
        try {
            if (parts.length == 2) {
                int first = Integer.parseInt(parts[0]);
                int last = Integer.parseInt(parts[1]);
                if (first >= 1 && last <= 4094 && first <= last) return new int[] {first, last};
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("mano.network.vlan-range must be first-last within 1-4094, e.g. 2000-2999, not '" + text + "'");
    }
}
