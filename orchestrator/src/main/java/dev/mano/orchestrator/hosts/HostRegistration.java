package dev.mano.orchestrator.hosts;

import java.util.Map;

/**
 * The body of {@code POST /vim/v1/hosts}.
 *
 * @param name             unique; registering the same name again updates the host (the Ansible role re-registers)
 * @param libvirtUri       qemu:///system, qemu+ssh://…, qemu+tls://…, or test:///abs/path.xml for a simulated host
 * @param physicalNetworks PF PCI address or netdev -> physical network; the PF's VFs serve that network
 * @param isolatedCpus     CPUs kept free for PMDs: a cpuset string ("2-7,10-15") or a list of numbers;
 *                         null keeps what the host was registered with before (none for a new host)
 */
public record HostRegistration(String name, String libvirtUri, Map<String, String> physicalNetworks, Object isolatedCpus) {
    public HostRegistration {
        physicalNetworks = physicalNetworks == null ? Map.of() : Map.copyOf(physicalNetworks);
    }
}
