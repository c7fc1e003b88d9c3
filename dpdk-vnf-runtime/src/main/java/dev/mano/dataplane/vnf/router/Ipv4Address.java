package dev.mano.dataplane.vnf.router;

/** IPv4 addresses as ints in host order (network byte order read big-endian), to and from text. */
public final class Ipv4Address {
    private Ipv4Address() {
    }

    public static int parse(String text) {
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: '" + text + "'");
        }
        int address = 0;
        for (String part : parts) {
            int octet;
            try {
                octet = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IPv4 address: '" + text + "'");
            }
            if (octet < 0 || octet > 255) {
                throw new IllegalArgumentException("not an IPv4 address: '" + text + "'");
            }
            address = address << 8 | octet;
        }
        return address;
    }

    public static String format(int address) {
        return (address >>> 24) + "." + (address >>> 16 & 0xFF) + "." + (address >>> 8 & 0xFF) + "." + (address & 0xFF);
    }

    /** Parses "a.b.c.d/len" into {prefix, length}. */
    public static int[] parseCidr(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return new int[] {parse(cidr), 32};
        }
        int length = Integer.parseInt(cidr.substring(slash + 1).trim());
        if (length < 0 || length > 32) {
            throw new IllegalArgumentException("prefix length must be 0..32: '" + cidr + "'");
        }
        return new int[] {parse(cidr.substring(0, slash)) & mask(length), length};
    }

    public static int mask(int length) {
        return length == 0 ? 0 : -1 << (32 - length);
    }
}
