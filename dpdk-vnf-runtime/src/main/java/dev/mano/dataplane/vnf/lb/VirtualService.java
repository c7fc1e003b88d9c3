package dev.mano.dataplane.vnf.lb;

import java.util.List;

/** A virtual IP:port (protocol 6 or 17) balanced over backends. */
public record VirtualService(String name, int address, int port, int protocol, List<Backend> backends) {
    public VirtualService {
        backends = List.copyOf(backends);
        if (protocol != 6 && protocol != 17) {
            throw new IllegalArgumentException("service " + name + ": protocol must be tcp or udp");
        }
        if (backends.stream().map(Backend::name).distinct().count() != backends.size()) {
            throw new IllegalArgumentException("service " + name + ": backend names must be unique");
        }
    }

    public VirtualService withBackends(List<Backend> next) {
        return new VirtualService(name, address, port, protocol, next);
    }
}
