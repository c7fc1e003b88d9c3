package dev.mano.orchestrator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mano.orchestrator.hosts.SimulatedHosts;
import dev.mano.orchestrator.hosts.TestApi;
import dev.mano.orchestrator.vnflcm.LibvirtHosts;
import dev.mano.vim.lifecycle.DomainLifecycle;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reconciler against libvirt's test driver (domains defined on a registered simulated host) and
 * the real database. The scheduled pass may run concurrently in this context, so the test waits for
 * outcomes in the database rather than trusting one pass's return value.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReconcilerTest {
    @LocalServerPort int port;
    @Autowired Reconciler reconciler;
    @Autowired LibvirtHosts libvirt;
    @Autowired JdbcTemplate jdbc;

    private static String domainXml(String name, String metadata) {
        return "<domain type='test'><name>" + name + "</name><memory unit='MiB'>64</memory><vcpu>1</vcpu>"
                + "<os><type>hvm</type></os>" + metadata + "</domain>";
    }

    private void passUntil(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 60 && !done.getAsBoolean(); i++) {
            if (reconciler.reconcileOnce().isEmpty()) {
                Thread.sleep(500); // the scheduled pass holds the lease
            }
        }
        assertThat(done.getAsBoolean()).as(what).isTrue();
    }

    private boolean action(String kind, String subject) {
        return jdbc.queryForObject("SELECT count(*) FROM reconciler_action WHERE kind = ? AND subject = ?",
                Integer.class, kind, subject) > 0;
    }

    @Test
    void orphanDomainsGoAfterTheGracePeriodForeignDomainsStayOrphanPlacementsAreReleased() throws Exception {
        TestApi api = new TestApi(port);
        String network = "rec-" + UUID.randomUUID();
        String uri = SimulatedHosts.write("rec");
        assertThat(api.post("/vim/v1/hosts", SimulatedHosts.registration(network, uri, network)).status()).isEqualTo(201);
        DomainLifecycle domains = libvirt.lifecycle(uri);
        String orphan = "orphan-" + UUID.randomUUID();
        String foreign = "foreign-" + UUID.randomUUID();
        domains.defineXml(orphan, domainXml(orphan, "<metadata><mano:vnfc xmlns:mano='https://mano.dev/xmlns/libvirt-domain/1'>"
                + "<mano:vnfc-id>" + UUID.randomUUID() + "</mano:vnfc-id><mano:vnf-instance-id>" + UUID.randomUUID()
                + "</mano:vnf-instance-id></mano:vnfc></metadata>"));
        domains.defineXml(foreign, domainXml(foreign, ""));

        TestApi.Response placed = api.post("/vim/v1/placements", Map.of("chain", List.of(Map.of("name", "lonely",
                "vcpus", 2, "pmdCores", 1, "memoryMib", 256, "vfsPerNetwork", Map.of(network, 1)))));
        assertThat(placed.status()).isEqualTo(201);
        String placement = placed.body().path("id").asString();
        jdbc.update("UPDATE placement SET created_at = now() - interval '1 hour' WHERE id = ?::uuid", placement);

        passUntil("the orphan domain is noticed", () -> action("ORPHAN_DOMAIN_SEEN", orphan));
        passUntil("the orphan placement is released", () -> action("ORPHAN_PLACEMENT_RELEASED", placement));
        assertThat(domains.state(orphan)).as("still inside its grace period").isPresent();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM cpu_allocation WHERE placement_id = ?::uuid", Integer.class,
                placement)).isZero();
        assertThat(api.get("/vim/v1/placements/" + placement).status()).isEqualTo(404);

        jdbc.update("UPDATE reconciler_orphan_domain SET first_seen = now() - interval '1 hour' WHERE domain_name = ?", orphan);
        passUntil("the orphan domain is removed", () -> action("ORPHAN_DOMAIN_REMOVED", orphan));
        assertThat(domains.state(orphan)).isEmpty();
        assertThat(domains.state(foreign)).as("a domain without our metadata is never touched").isPresent();
        assertThat(action("ORPHAN_DOMAIN_SEEN", foreign)).isFalse();

        TestApi.Response log = api.get("/vim/v1/reconciler/actions?limit=1000");
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.body().toString()).contains(orphan).contains(placement);
    }

    @Test
    void aVnfcWhoseDomainVanishedIsMarkedFailedAndOneWithItsDomainIsLeftAlone() throws Exception {
        TestApi api = new TestApi(port);
        String name = "lost-" + UUID.randomUUID();
        String uri = SimulatedHosts.write("lost");
        String hostId = api.post("/vim/v1/hosts", SimulatedHosts.registration(name, uri, name)).body().path("id").asString();
        UUID pkg = UUID.randomUUID();
        UUID instance = UUID.randomUUID();
        UUID lost = UUID.randomUUID();
        UUID alive = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO vnf_package (id, row_version, onboarding_state, operational_state, usage_state)
                VALUES (?, 0, 'CREATED', 'DISABLED', 'NOT_IN_USE')""", pkg);
        jdbc.update("""
                INSERT INTO vnf_instance (id, vnfd_id, vnf_pkg_id, vnf_provider, vnf_product_name, vnf_software_version,
                    vnfd_version, instantiation_state) VALUES (?, 'reconciler-test', ?, 'test', 'test', '1', '1', 'INSTANTIATED')""",
                instance, pkg);
        for (UUID vnfc : List.of(lost, alive)) {
            jdbc.update("""
                    INSERT INTO vnfc (id, vnf_instance_id, vdu_id, placement_id, host_id, domain_name, state, created_by_op)
                    VALUES (?, ?, 'vdu', ?, ?::uuid, ?, 'RUNNING', ?)""",
                    vnfc, instance, UUID.randomUUID(), hostId, "dom-" + vnfc, UUID.randomUUID());
        }
        DomainLifecycle domains = libvirt.lifecycle(uri);
        domains.defineXml("dom-" + alive, domainXml("dom-" + alive, "<metadata><mano:vnfc xmlns:mano='https://mano.dev/xmlns/libvirt-domain/1'>"
                + "<mano:vnfc-id>" + alive + "</mano:vnfc-id><mano:vnf-instance-id>" + instance
                + "</mano:vnf-instance-id></mano:vnfc></metadata>"));
        try {
            passUntil("the VNFC without a domain is marked FAILED", () -> action("VNFC_DOMAIN_MISSING", lost.toString()));
            assertThat(jdbc.queryForObject("SELECT state FROM vnfc WHERE id = ?", String.class, lost)).isEqualTo("FAILED");
            assertThat(jdbc.queryForObject("SELECT state FROM vnfc WHERE id = ?", String.class, alive)).isEqualTo("RUNNING");
            assertThat(action("ORPHAN_DOMAIN_SEEN", "dom-" + alive)).as("its VNFC exists").isFalse();
            assertThat(domains.state("dom-" + alive)).isPresent();
        } finally {
            jdbc.update("DELETE FROM vnfc WHERE vnf_instance_id = ?", instance);
            jdbc.update("DELETE FROM vnf_instance WHERE id = ?", instance);
            jdbc.update("DELETE FROM vnf_package WHERE id = ?", pkg);
            domains.undefine("dom-" + alive);
        }
    }

    @Test
    void onlyTheLeaseHolderReconciles() throws Exception {
        passUntil("a pass can take the lease", () -> true);
        jdbc.update("UPDATE reconciler_lease SET holder = 'another-replica', expires_at = now() + interval '1 hour'");
        try {
            assertThat(reconciler.reconcileOnce()).isEmpty();
            assertThat(new TestApi(port).post("/vim/v1/reconciler/runs", Map.of()).type())
                    .isEqualTo("urn:mano:problem:reconciler-busy");
        } finally {
            jdbc.update("UPDATE reconciler_lease SET holder = NULL, expires_at = '-infinity'");
        }
        passUntil("the lease is free again", () -> jdbc.queryForObject(
                "SELECT expires_at < now() FROM reconciler_lease", Boolean.class));
    }
}
