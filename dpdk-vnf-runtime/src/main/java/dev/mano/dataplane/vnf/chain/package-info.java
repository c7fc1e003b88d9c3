/**
 * Composing VNF stages: several network functions run as stages of one worker over the same burst
 * (zero copy), and the mechanism they share to change their tables at run time without stopping
 * forwarding ({@link dev.mano.dataplane.vnf.chain.Published}).
 */
package dev.mano.dataplane.vnf.chain;
