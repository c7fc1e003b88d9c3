package dev.mano.vim.inventory;

/** PCI addresses in the kernel's text form "dddd:bb:ss.f", the form the ledger stores and domain XML takes apart. */
public record PciAddress(int domain, int bus, int slot, int function) {
    public static String format(int domain, int bus, int slot, int function) {
        return String.format("%04x:%02x:%02x.%x", domain, bus, slot, function);
    }

    public static PciAddress parse(String text) {
        String[] parts = text.split("[:.]");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a PCI address dddd:bb:ss.f: " + text);
        }
        return new PciAddress(Integer.parseInt(parts[0], 16), Integer.parseInt(parts[1], 16), Integer.parseInt(parts[2], 16),
                Integer.parseInt(parts[3], 16));
    }

    @Override
    public String toString() {
        return format(domain, bus, slot, function);
    }
}
