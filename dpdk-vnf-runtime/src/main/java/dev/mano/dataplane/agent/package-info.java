/**
 * The VNFM agent inside the runtime: speaks the agent protocol to the VNFM over TCP on
 * loopback or over the VM's virtio-serial port, reporting the runtime through
 * {@link dev.mano.dataplane.agent.RuntimeView}. It runs on ordinary threads, never on
 * the data-plane lcores.
 */
package dev.mano.dataplane.agent;
