package dev.mano.vnfm.healing;

import dev.mano.vnfm.VnfcRef;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Detects VNFCs whose heartbeats stopped. A VNFC is watched from the moment it is expected
 * to talk (its boot finished), so one that never sends a first heartbeat is caught too.
 * Each loss is reported once; a heartbeat after a loss re-arms the watch.
 * Thread-safe: the agent threads report heartbeats while the policy loop asks for losses.
 */
public final class HeartbeatWatch {

    private final Duration timeout;
    private final Map<VnfcRef, Watched> watched = new HashMap<>();

    private record Watched(Instant lastSeen, boolean heard, boolean reported) {
    }

    /** A lost heartbeat is a VNFC silent for longer than this (e.g. 5 s = five missed heartbeats). */
    public HeartbeatWatch(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Starts watching: the VNFC must send a heartbeat within the timeout from {@code since}. */
    public synchronized void watch(VnfcRef vnfc, Instant since) {
        watched.put(vnfc, new Watched(since, false, false));
    }

    public synchronized void heartbeat(VnfcRef vnfc, Instant at) {
        Watched w = watched.get(vnfc);
        if (w != null && !at.isBefore(w.lastSeen())) {
            watched.put(vnfc, new Watched(at, true, false));
        }
    }

    /** Stops watching (the VNFC is being terminated, scaled in or already healing). */
    public synchronized void forget(VnfcRef vnfc) {
        watched.remove(vnfc);
    }

    /** The VNFCs that became lost since the last call, each reported once. */
    public synchronized List<HeartbeatLoss> newlyLost(Instant now) {
        List<HeartbeatLoss> out = new ArrayList<>();
        watched.replaceAll((vnfc, w) -> {
            if (!w.reported() && Duration.between(w.lastSeen(), now).compareTo(timeout) > 0) {
                out.add(new HeartbeatLoss(vnfc, w.lastSeen(), w.heard(), Duration.between(w.lastSeen(), now)));
                return new Watched(w.lastSeen(), w.heard(), true);
            }
            return w;
        });
        return out;
    }

    /** Whether the VNFC is currently silent past the timeout (false for VNFCs not watched). */
    public synchronized boolean isLost(VnfcRef vnfc, Instant now) {
        Watched w = watched.get(vnfc);
        return w != null && Duration.between(w.lastSeen(), now).compareTo(timeout) > 0;
    }
}
