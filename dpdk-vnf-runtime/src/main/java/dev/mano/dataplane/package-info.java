/**
 * The data plane: DPDK poll-mode VNFs written in Java on the Foreign Function &amp; Memory API.
 * {@code bindings} is jextract output (regenerate with {@code bindings/generate.sh}); {@code eal},
 * {@code port} wrap the control path; {@code engine} runs the run-to-completion burst loop;
 * {@code packet} reads and writes headers in place; {@code vnf} holds the network functions.
 */
package dev.mano.dataplane;
