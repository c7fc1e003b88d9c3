/**
 * The VNFM agent protocol: the messages a VNF's agent and the VNFM exchange, as
 * newline-delimited JSON.
 *
 * <p>This module is shared by the data plane (which must stay free of the control
 * plane's libraries) and the VNFM, so it has no dependency at all: the JSON codec in
 * {@link dev.mano.agent.protocol.json} is hand-written and bounded against hostile input.
 */
package dev.mano.agent.protocol;
