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
 * @param startTimeout   how long a (re)started switch may take until every socket listens
 * @param simulatedHosts also run a real switch for test-driver hosts (tests attach DPDK virtio-user frontends to it)
 */
@ConfigurationProperties("mano.chain-switch")
public record ChainSwitchProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("dpdk-vnf-runtime/target/*:dpdk-vnf-runtime/target/lib/*") String classpath,
        @DefaultValue("0") int cpu,
        @DefaultValue("256") int memoryMb,
        @DefaultValue("30s") Duration startTimeout,
        @DefaultValue("false") boolean simulatedHosts) {}
