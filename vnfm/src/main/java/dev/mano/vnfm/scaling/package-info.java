/**
 * Autoscaling: when a VNF stays overloaded (busy-cycle ratio or drop rate above a threshold
 * for a window) it scales out; when it stays idle for a longer window it scales in. The
 * logic is pure and driven by the caller's clock so every rule is tested without waiting.
 */
package dev.mano.vnfm.scaling;
