/**
 * Healing: a VNFC whose heartbeats stop, or whose domain libvirt reports crashed or shut
 * off, is healed (restarted or re-created). Loss detection and the crash-loop limit are
 * pure logic driven by the caller's clock.
 */
package dev.mano.vnfm.healing;
