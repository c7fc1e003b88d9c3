/**
 * The VNFM's side of the agent protocol: one {@link dev.mano.vnfm.agent.AgentConnection}
 * per VNFC over TCP or the unix socket behind the VM's virtio-serial port, reconnecting on
 * its own, dropping bad lines without ever breaking, and fanning messages out to
 * {@link dev.mano.vnfm.agent.AgentListener}s.
 */
package dev.mano.vnfm.agent;
