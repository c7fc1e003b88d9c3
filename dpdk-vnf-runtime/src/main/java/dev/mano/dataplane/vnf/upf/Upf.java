package dev.mano.dataplane.vnf.upf;

import dev.mano.dataplane.vnf.chain.Published;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The UPF's control side (what an N4/PFCP agent would drive): sessions are established, modified and
 * deleted at run time; each change publishes a rebuilt session table while workers keep forwarding.
 * Usage counters live in stable slots, so a session's figures survive changes to other sessions.
 */
public final class Upf implements AutoCloseable {
    private final UpfConfig config;
    private final SessionCounters counters;
    private final Published<SessionTable> table;
    private final Map<Long, Session> sessions = new HashMap<>();
    private final Map<Long, Integer> slots = new HashMap<>();
    private final Deque<Integer> freeSlots = new ArrayDeque<>();
    private final List<UpfStage> stages = new CopyOnWriteArrayList<>();

    public Upf(UpfConfig config) {
        this.config = config;
        this.counters = new SessionCounters(config.maxSessions());
        for (int slot = 0; slot < config.maxSessions(); slot++) {
            freeSlots.add(slot);
        }
        this.table = new Published<>(new SessionTable(List.of(), new int[0]));
        replaceSessions(config.sessions());
    }

    /** A stage for one worker; {@code resolved} is the config with port ids and MACs filled in. */
    public UpfStage newStage(UpfConfig resolved) {
        if (resolved.n3Port() < 0 || resolved.n6Port() < 0) {
            throw new IllegalArgumentException("resolve the UPF ports before making stages");
        }
        UpfStage stage = new UpfStage(table.register(), counters, resolved);
        stages.add(stage);
        return stage;
    }

    /** Establishes or modifies (same SEID) a session. */
    public synchronized void putSession(Session session) {
        Map<Long, Session> next = new HashMap<>(sessions);
        next.put(session.seid(), session);
        apply(next);
    }

    public synchronized boolean removeSession(long seid) {
        if (!sessions.containsKey(seid)) {
            return false;
        }
        Map<Long, Session> next = new HashMap<>(sessions);
        next.remove(seid);
        apply(next);
        return true;
    }

    /** Replaces all sessions (a config reload); sessions kept by SEID keep their counters. */
    public synchronized void replaceSessions(List<Session> all) {
        Map<Long, Session> next = new HashMap<>();
        for (Session s : all) {
            if (next.put(s.seid(), s) != null) {
                throw new IllegalArgumentException("SEID " + s.seid() + " appears twice");
            }
        }
        apply(next);
    }

    private void apply(Map<Long, Session> next) {
        List<Session> list = new ArrayList<>(next.values());
        Map<Long, Integer> nextSlots = new HashMap<>();
        List<Integer> taken = new ArrayList<>();
        for (Session s : list) {
            Integer slot = slots.get(s.seid());
            if (slot == null) {
                if (freeSlots.isEmpty()) {
                    taken.forEach(freeSlots::addFirst);
                    throw new IllegalStateException("more than " + config.maxSessions() + " sessions (max-sessions)");
                }
                slot = freeSlots.poll();
                counters.clear(slot);
                taken.add(slot);
            }
            nextSlots.put(s.seid(), slot);
        }
        int[] slotArray = list.stream().mapToInt(s -> nextSlots.get(s.seid())).toArray();
        SessionTable built;
        try {
            built = new SessionTable(list, slotArray);
        } catch (IllegalArgumentException e) {
            taken.forEach(freeSlots::addFirst);
            throw new IllegalArgumentException("sessions conflict: " + e.getMessage() + " (TEIDs and UE addresses must be unique)");
        }
        table.replace(built);
        for (Map.Entry<Long, Integer> old : slots.entrySet()) {
            if (!nextSlots.containsKey(old.getKey())) {
                freeSlots.add(old.getValue());
            }
        }
        sessions.clear();
        sessions.putAll(next);
        slots.clear();
        slots.putAll(nextSlots);
    }

    public synchronized List<Session> sessions() {
        return List.copyOf(sessions.values());
    }

    public synchronized SessionUsage usage(long seid) {
        Integer slot = slots.get(seid);
        if (slot == null) {
            throw new IllegalArgumentException("no session " + seid);
        }
        return counters.read(seid, slot);
    }

    public Map<UpfDrop, Long> drops() {
        Map<UpfDrop, Long> total = new EnumMap<>(UpfDrop.class);
        for (UpfStage stage : stages) {
            stage.drops().snapshot().forEach((reason, count) -> total.merge(reason, count, Long::sum));
        }
        return total;
    }

    @Override
    public void close() {
        counters.close();
    }
}
