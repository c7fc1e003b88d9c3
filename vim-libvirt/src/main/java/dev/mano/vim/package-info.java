/**
 * The VIM driver over libvirt: host inventory, domain XML, domain lifecycle and events. Plain Java, no Spring.
 */
package dev.mano.vim;
