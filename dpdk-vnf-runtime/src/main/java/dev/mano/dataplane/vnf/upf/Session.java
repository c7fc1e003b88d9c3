package dev.mano.dataplane.vnf.upf;

/**
 * One PDU session as the UPF sees it (the N4 subset): the uplink PDR matches the TEID the UPF allocated
 * (F-TEID on N3) and the UE address as inner source; the downlink PDR matches the UE address as
 * destination on N6, and its FAR encapsulates towards the gNB's TEID and address.
 */
public record Session(long seid, int ueAddress, int uplinkTeid, int downlinkTeid, int gnbAddress) {
    public Session {
        if (uplinkTeid == 0 || downlinkTeid == 0) {
            throw new IllegalArgumentException("session " + seid + ": TEID 0 is reserved (GTP-U signalling)");
        }
        if (ueAddress == 0 || gnbAddress == 0) {
            throw new IllegalArgumentException("session " + seid + ": UE and gNB addresses are required");
        }
    }
}
