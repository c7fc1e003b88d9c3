package dev.mano.orchestrator.catalog.vnfd;

import java.util.Arrays;
import java.util.Optional;

/** The virtual NIC a connection point becomes in the guest. */
public enum InterfaceType {
    /** Kernel virtio-net through the host bridge: management and slow paths. */
    VIRTIO("virtio"),
    /** virtio-net backed by a vhost-user socket: a fast hop to a neighbour on the same host. */
    VHOST_USER("vhost-user"),
    /** An SR-IOV virtual function passed through with vfio: wire speed to the physical network. */
    SRIOV_VF("sriov-vf");

    private final String yamlName;

    InterfaceType(String yamlName) { this.yamlName = yamlName; }

    public String yamlName() { return yamlName; }

    public static Optional<InterfaceType> fromYaml(String name) {
        return Arrays.stream(values()).filter(t -> t.yamlName.equals(name)).findFirst();
    }
}
