package dev.mano.dataplane.vnf.router;

/** An IPv4 route: prefix/depth to the next hop with this index in the neighbour table. */
public record Route(int prefix, int depth, int nextHop) {
    public Route {
        if (depth < 0 || depth > 32) {
            throw new IllegalArgumentException("prefix length must be 0..32, was " + depth);
        }
        prefix = depth == 0 ? 0 : prefix & (-1 << (32 - depth));
    }

    /** Parses "10.1.0.0/16". */
    public static Route parse(String cidr, int nextHop) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("route destination must be address/length, was '" + cidr + "'");
        }
        return new Route(Ipv4Address.parse(cidr.substring(0, slash)), Integer.parseInt(cidr.substring(slash + 1).trim()), nextHop);
    }

    @Override
    public String toString() {
        return Ipv4Address.format(prefix) + "/" + depth + " -> " + nextHop;
    }
}
