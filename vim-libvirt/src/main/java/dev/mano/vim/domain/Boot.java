package dev.mano.vim.domain;

/** What the guest boots. */
public sealed interface Boot {
    /** Direct kernel boot (the VNF image as kernel + initramfs). */
    record Kernel(String kernelPath, String initrdPath, String cmdline) implements Boot {
    }

    /** A disk image, attached as virtio disk vda and booted from. {@code format}: qcow2 or raw. */
    record Disk(String imagePath, String format) implements Boot {
    }

    /** No boot media: the guest stays in its firmware. For probing a host's ability to run our domains. */
    record Firmware() implements Boot {
    }
}
