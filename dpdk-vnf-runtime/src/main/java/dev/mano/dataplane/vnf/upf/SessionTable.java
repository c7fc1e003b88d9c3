package dev.mano.dataplane.vnf.upf;

import java.util.List;

/**
 * The packet detection rules of all sessions, as a worker reads them: uplink TEID -> session and UE
 * address -> session, each pointing at a stable counter slot. Rebuilt whole on each session change.
 */
final class SessionTable {
    private final List<Session> sessions;
    private final IntIndex byTeid;
    private final IntIndex byUe;
    private final int[] slots;
    private final int[] ueAddresses;
    private final int[] downlinkTeids;
    private final int[] gnbAddresses;

    /** @param counterSlots the counter slot of each session, in the same order */
    SessionTable(List<Session> sessions, int[] counterSlots) {
        this.sessions = List.copyOf(sessions);
        int n = sessions.size();
        int[] teids = new int[n];
        int[] ues = new int[n];
        int[] indexes = new int[n];
        this.slots = counterSlots.clone();
        this.ueAddresses = new int[n];
        this.downlinkTeids = new int[n];
        this.gnbAddresses = new int[n];
        for (int i = 0; i < n; i++) {
            Session s = sessions.get(i);
            teids[i] = s.uplinkTeid();
            ues[i] = s.ueAddress();
            indexes[i] = i;
            ueAddresses[i] = s.ueAddress();
            downlinkTeids[i] = s.downlinkTeid();
            gnbAddresses[i] = s.gnbAddress();
        }
        this.byTeid = new IntIndex(teids, indexes);
        this.byUe = new IntIndex(ues, indexes);
    }

    int byUplinkTeid(int teid) {
        return teid == 0 ? IntIndex.MISSING : byTeid.get(teid);
    }

    int byUeAddress(int address) {
        return address == 0 ? IntIndex.MISSING : byUe.get(address);
    }

    int counterSlot(int session) {
        return slots[session];
    }

    int ueAddress(int session) {
        return ueAddresses[session];
    }

    int downlinkTeid(int session) {
        return downlinkTeids[session];
    }

    int gnbAddress(int session) {
        return gnbAddresses[session];
    }

    List<Session> sessions() {
        return sessions;
    }
}
