package dev.mano.orchestrator.chainswitch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the orchestrator runs the chain switch (our runtime's l2fwd in patch mode over DPDK's vhost PMD) on the
 * hosts whose libvirt is on this machine.
 *
 * @param enabled        false: vhost-user links always fall back to a bridge
 * @param classpath      the runtime's jars (as ./mvnw package leaves them, relative to the working directory); missing jars make the switch
 *                       unavailable, with that reason on the link
 * @param cpu            the CPU the switch polls on: on a tuned host one kept out of the VNF pool; by default
 *                       0, the housekeeping CPU of a test machine
 * @param memoryMb       DPDK memory of the switch (its mbufs; it maps the guests' memory, it does not copy it there)
 * @param idleSleepUs    how long the switch's worker sleeps between polls once they keep finding nothing (the
 *                       runtime's {@code idleSleepUs}): 0 = pure polling, for a CPU of its own; the default
 *                       suits a switch sharing the housekeeping CPU (measured idle: 0 = 97% of a CPU, 50 = 16%,
 *                       200 = 7%), at up to about 0.25 ms of added
 *                       latency for the first frame after a quiet spell
 * @param socketGroup    the group of the switch's sockets (mode 0660): QEMU's group, kvm on Debian
 * @param startTimeout   how long a (re)started switch may take until every socket listens
 * @param simulatedHosts also run a real switch for test-driver hosts (tests check the orchestrator drives a real one)
 */
@ConfigurationProperties("mano.chain-switch")
public record ChainSwitchProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("dpdk-vnf-runtime/target/*:dpdk-vnf-runtime/target/lib/*") String classpath,
        @DefaultValue("0") int cpu,
        @DefaultValue("256") int memoryMb,
        @DefaultValue("200") int idleSleepUs,
        @DefaultValue("kvm") String socketGroup,
        @DefaultValue("30s") Duration startTimeout,
        @DefaultValue("false") boolean simulatedHosts) {}
