package dev.mano.dataplane.vnf.firewall;

import dev.mano.dataplane.vnf.router.Ipv4Address;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * Ordered first-match 5-tuple classifier compiled into one off-heap array (ten ints per rule),
 * with a packet counter per rule. Only the first packet of a connection is classified (later ones
 * hit connection tracking), so a linear scan over a few hundred rules is not on the per-packet path.
 * Immutable once built; rule changes build a new classifier and publish it.
 */
public final class AclClassifier implements AutoCloseable {
    public static final int NO_MATCH = -1;
    private static final int INTS_PER_RULE = 10;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;

    private final Arena arena = Arena.ofShared();
    private final MemorySegment rules;
    private final MemorySegment hits;
    private final int count;
    private final List<AclRule> source;

    public AclClassifier(List<AclRule> ruleList) {
        this.source = List.copyOf(ruleList);
        this.count = source.size();
        this.rules = arena.allocate(Math.max(1, count) * INTS_PER_RULE * 4L, 64);
        this.hits = arena.allocate(Math.max(1, count) * 8L, 64);
        for (int i = 0; i < count; i++) {
            AclRule rule = source.get(i);
            long base = (long) i * INTS_PER_RULE;
            rules.setAtIndex(INT, base, rule.sourcePrefix());
            rules.setAtIndex(INT, base + 1, Ipv4Address.mask(rule.sourceLength()));
            rules.setAtIndex(INT, base + 2, rule.destinationPrefix());
            rules.setAtIndex(INT, base + 3, Ipv4Address.mask(rule.destinationLength()));
            rules.setAtIndex(INT, base + 4, rule.protocol());
            rules.setAtIndex(INT, base + 5, rule.sourcePortLow());
            rules.setAtIndex(INT, base + 6, rule.sourcePortHigh());
            rules.setAtIndex(INT, base + 7, rule.destinationPortLow());
            rules.setAtIndex(INT, base + 8, rule.destinationPortHigh());
            rules.setAtIndex(INT, base + 9, rule.action() == AclRule.Action.ALLOW ? 1 : 0);
        }
    }

    /** Index of the first matching rule, or {@link #NO_MATCH}; counts the hit. */
    public int classify(int source, int destination, int protocol, int sourcePort, int destinationPort) {
        for (int i = 0; i < count; i++) {
            long base = (long) i * INTS_PER_RULE;
            if ((source & rules.getAtIndex(INT, base + 1)) != rules.getAtIndex(INT, base)) {
                continue;
            }
            if ((destination & rules.getAtIndex(INT, base + 3)) != rules.getAtIndex(INT, base + 2)) {
                continue;
            }
            int proto = rules.getAtIndex(INT, base + 4);
            if (proto != -1 && proto != protocol) {
                continue;
            }
            if (sourcePort < rules.getAtIndex(INT, base + 5) || sourcePort > rules.getAtIndex(INT, base + 6)) {
                continue;
            }
            if (destinationPort < rules.getAtIndex(INT, base + 7) || destinationPort > rules.getAtIndex(INT, base + 8)) {
                continue;
            }
            hits.setAtIndex(ValueLayout.JAVA_LONG, i, hits.getAtIndex(ValueLayout.JAVA_LONG, i) + 1);
            return i;
        }
        return NO_MATCH;
    }

    public boolean allows(int ruleIndex) {
        return rules.getAtIndex(INT, (long) ruleIndex * INTS_PER_RULE + 9) == 1;
    }

    public long hits(int ruleIndex) {
        return hits.getAtIndex(ValueLayout.JAVA_LONG, ruleIndex);
    }

    public List<AclRule> rules() {
        return source;
    }

    @Override
    public void close() {
        arena.close();
    }
}
