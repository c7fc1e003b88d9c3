package dev.mano.vim.lifecycle;

import dev.mano.vim.LibvirtConnection;
import dev.mano.vim.VimException;
import dev.mano.vim.Xml;
import dev.mano.vim.domain.DomainSpec;
import dev.mano.vim.domain.DomainXmlReader;
import dev.mano.vim.domain.DomainXmlWriter;
import dev.mano.vim.domain.VnfcMetadata;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.Error;
import org.libvirt.LibvirtException;
import org.libvirt.StorageVol;
import org.w3c.dom.Element;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Define, start, stop and remove our domains on one host, and find them again by our metadata. Thread-safe as far
 * as libvirt's connection is (one connection serves many threads). Domains are addressed by name.
 */
public final class DomainLifecycle {
    private static final int METADATA_ELEMENT = 2;          // VIR_DOMAIN_METADATA_ELEMENT
    private static final int UNDEFINE_MANAGED_SAVE = 1;     // VIR_DOMAIN_UNDEFINE_MANAGED_SAVE
    private static final int UNDEFINE_SNAPSHOTS_METADATA = 2;
    private static final int UNDEFINE_NVRAM = 4;
    private static final int UNDEFINE_CHECKPOINTS_METADATA = 16;
    private static final Duration POLL = Duration.ofMillis(100);

    private final Connect connect;
    private final String uri;

    public DomainLifecycle(Connect connect) {
        this.connect = connect;
        this.uri = LibvirtConnection.uriOf(connect);
    }

    /** Defines (persistently) the domain; redefining an existing name with the same UUID updates it. */
    public void define(DomainSpec spec) throws VimException {
        defineXml(spec.name(), DomainXmlWriter.toXml(spec));
    }

    public void defineXml(String name, String xml) throws VimException {
        try {
            connect.domainDefineXML(xml).free();
        } catch (LibvirtException e) {
            throw failure("define domain " + name, e);
        }
    }

    public void start(String name) throws VimException {
        withDomain(name, "start", domain -> {
            domain.create();
            return null;
        });
    }

    /** Power cut; a no-op when not running. */
    public void destroy(String name) throws VimException {
        withDomain(name, "destroy", domain -> {
            if (domain.isActive() == 1) {
                domain.destroy();
            }
            return null;
        });
    }

    /** Power cut and undefine; nothing to do when there is no such domain (cleanup after a test or a failure). */
    public void removeIfPresent(String name) throws VimException {
        if (state(name).isPresent()) {
            destroy(name);
            undefine(name);
        }
    }

    /** Asks the guest to shut down (ACPI) and waits up to {@code timeout}; destroys it if it is still running then. */
    public ShutdownOutcome shutdown(String name, Duration timeout) throws VimException {
        return withDomain(name, "shut down", domain -> {
            if (domain.isActive() != 1) {
                return new ShutdownOutcome.WasNotRunning();
            }
            long start = System.nanoTime();
            long deadline = start + timeout.toNanos();
            try {
                domain.shutdown();
            } catch (LibvirtException e) {
                // a guest that cannot take the request (no ACPI yet) gets the power cut below
                if (domain.isActive() != 1) {
                    return new ShutdownOutcome.Graceful(Duration.ofNanos(System.nanoTime() - start));
                }
            }
            while (System.nanoTime() < deadline) {
                if (domain.isActive() != 1) {
                    return new ShutdownOutcome.Graceful(Duration.ofNanos(System.nanoTime() - start));
                }
                sleep(POLL);
            }
            try {
                domain.destroy();
            } catch (LibvirtException e) {
                if (domain.isActive() == 1) {
                    throw e;
                }
                // it went down by itself between our last poll and the destroy
                return new ShutdownOutcome.Graceful(Duration.ofNanos(System.nanoTime() - start));
            }
            return new ShutdownOutcome.Destroyed(Duration.ofNanos(System.nanoTime() - start));
        });
    }

    /**
     * Removes the definition, with its managed-save image, snapshot/checkpoint metadata and NVRAM, and the disk
     * volumes it uses that belong to a libvirt storage pool (like {@code virsh undefine --remove-all-storage};
     * files outside pools, such as a shared base image, are left alone). The domain must not be running.
     */
    public void undefine(String name) throws VimException {
        withDomain(name, "undefine", domain -> {
            if (domain.isActive() == 1) {
                throw new IllegalStateException("domain " + name + " on " + uri + " is running: shut it down before undefining");
            }
            List<String> disks = diskSources(domain.getXMLDesc(0));
            undefineWithFlags(domain);
            for (String disk : disks) {
                deletePoolVolume(disk);
            }
            return null;
        });
    }

    private void undefineWithFlags(Domain domain) throws LibvirtException {
        int all = UNDEFINE_MANAGED_SAVE | UNDEFINE_SNAPSHOTS_METADATA | UNDEFINE_NVRAM | UNDEFINE_CHECKPOINTS_METADATA;
        try {
            domain.undefine(all);
        } catch (LibvirtException e) {
            // drivers without NVRAM or checkpoints (the test driver) refuse those flags; nothing of that kind exists there
            if (e.getError() != null && (e.getError().getCode() == Error.ErrorNumber.VIR_ERR_INVALID_ARG
                    || e.getError().getCode() == Error.ErrorNumber.VIR_ERR_NO_SUPPORT)) {
                domain.undefine(UNDEFINE_MANAGED_SAVE | UNDEFINE_SNAPSHOTS_METADATA);
            } else {
                throw e;
            }
        }
    }

    private void deletePoolVolume(String path) throws LibvirtException {
        StorageVol volume;
        try {
            volume = connect.storageVolLookupByPath(path);
        } catch (LibvirtException notInAPool) {
            return;
        }
        try {
            volume.delete(0);
        } finally {
            volume.free();
        }
    }

    private static List<String> diskSources(String domainXml) {
        List<String> paths = new ArrayList<>();
        try {
            Element domain = Xml.parse(domainXml, "domain XML").getDocumentElement();
            Optional<Element> devices = Xml.child(domain, "devices");
            if (devices.isPresent()) {
                for (Element disk : Xml.children(devices.get(), "disk")) {
                    if ("disk".equals(disk.getAttribute("device"))) {
                        Xml.child(disk, "source").map(s -> s.getAttribute("file")).filter(f -> !f.isEmpty()).ifPresent(paths::add);
                    }
                }
            }
        } catch (VimException e) {
            throw new IllegalStateException("libvirt returned unparseable domain XML", e);
        }
        return paths;
    }

    public Optional<DomainState> state(String name) throws VimException {
        try {
            Domain domain = connect.domainLookupByName(name);
            try {
                return Optional.of(DomainState.of(domain.getInfo().state));
            } finally {
                domain.free();
            }
        } catch (LibvirtException e) {
            if (isNoDomain(e)) {
                return Optional.empty();
            }
            throw failure("read the state of domain " + name, e);
        }
    }

    /** The domain's XML as libvirt holds it (for checks and the reconciler), or empty if there is no such domain. */
    public Optional<String> xml(String name) throws VimException {
        try {
            Domain domain = connect.domainLookupByName(name);
            try {
                return Optional.of(domain.getXMLDesc(0));
            } finally {
                domain.free();
            }
        } catch (LibvirtException e) {
            if (isNoDomain(e)) {
                return Optional.empty();
            }
            throw failure("read the XML of domain " + name, e);
        }
    }

    /** Host CPU each vCPU is on right now, indexed by vCPU (running domains only). */
    public int[] vcpuHostCpus(String name) throws VimException {
        return withDomain(name, "read vCPU placement of", domain -> {
            org.libvirt.VcpuInfo[] infos = domain.getVcpusInfo();
            int[] cpus = new int[infos.length];
            for (org.libvirt.VcpuInfo info : infos) {
                cpus[info.number] = info.cpu;
            }
            return cpus;
        });
    }

    /** Every domain on the host, running or not, that carries our metadata element. */
    public List<OurDomain> listOurs() throws VimException {
        List<OurDomain> ours = new ArrayList<>();
        try {
            for (String name : allDomainNames()) {
                ourDomain(name).ifPresent(ours::add);
            }
        } catch (LibvirtException e) {
            throw failure("list domains", e);
        }
        return ours;
    }

    public Optional<OurDomain> findByVnfcId(String vnfcId) throws VimException {
        return listOurs().stream().filter(d -> d.metadata().vnfcId().equals(vnfcId)).findFirst();
    }

    private Set<String> allDomainNames() throws LibvirtException {
        Set<String> names = new LinkedHashSet<>();
        for (int id : connect.listDomains()) {
            try {
                Domain domain = connect.domainLookupByID(id);
                try {
                    names.add(domain.getName());
                } finally {
                    domain.free();
                }
            } catch (LibvirtException e) {
                if (!isNoDomain(e)) {
                    throw e;
                }
                // stopped between listing and lookup; if still defined, listDefinedDomains has it
            }
        }
        names.addAll(List.of(connect.listDefinedDomains()));
        return names;
    }

    private Optional<OurDomain> ourDomain(String name) throws LibvirtException {
        Domain domain;
        try {
            domain = connect.domainLookupByName(name);
        } catch (LibvirtException e) {
            if (isNoDomain(e)) {
                return Optional.empty();
            }
            throw e;
        }
        try {
            String element;
            try {
                element = domain.getMetadata(METADATA_ELEMENT, VnfcMetadata.NAMESPACE, 0);
            } catch (LibvirtException e) {
                if (e.getError() != null && (e.getError().getCode() == Error.ErrorNumber.VIR_ERR_NO_DOMAIN_METADATA || isNoDomain(e))) {
                    return Optional.empty();
                }
                throw e;
            }
            Optional<VnfcMetadata> metadata = DomainXmlReader.metadataElement(element);
            if (metadata.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new OurDomain(name, domain.getUUIDString(), metadata.get(), DomainState.of(domain.getInfo().state)));
        } catch (VimException e) {
            // someone wrote our namespace with garbage: not a domain we can manage
            return Optional.empty();
        } finally {
            domain.free();
        }
    }

    private interface DomainAction<T> {
        T apply(Domain domain) throws LibvirtException;
    }

    private <T> T withDomain(String name, String what, DomainAction<T> action) throws VimException {
        try {
            Domain domain = connect.domainLookupByName(name);
            try {
                return action.apply(domain);
            } finally {
                domain.free();
            }
        } catch (LibvirtException e) {
            throw failure(what + " domain " + name, e);
        }
    }

    private VimException failure(String what, LibvirtException e) {
        return new VimException("cannot " + what + " on " + uri + ": " + LibvirtConnection.reason(e), e);
    }

    static boolean isNoDomain(LibvirtException e) {
        return e.getError() != null && e.getError().getCode() == Error.ErrorNumber.VIR_ERR_NO_DOMAIN;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a domain to shut down", e);
        }
    }
}
