package dev.mano.dataplane.vnf.firewall;

import dev.mano.dataplane.vnf.chain.Published;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The firewall VNF's control side: the published rule set (replaced whole on change, connections
 * survive a rule change), one {@link FirewallStage} with its own connection table per worker.
 */
public final class Firewall implements AutoCloseable {
    private final Published<AclClassifier> rules;
    private final List<FirewallStage> stages = new CopyOnWriteArrayList<>();
    private final List<ConnectionTable> tables = new CopyOnWriteArrayList<>();
    private final FirewallConfig config;

    public Firewall(FirewallConfig config) {
        this.config = config;
        this.rules = new Published<>(new AclClassifier(config.rules()));
    }

    public FirewallStage newStage() {
        ConnectionTable table = new ConnectionTable(config.maxConnections());
        tables.add(table);
        FirewallStage stage = new FirewallStage(rules.register(), table, config.timeouts(), config.defaultAllow());
        stages.add(stage);
        return stage;
    }

    /** Replaces the ordered rules; tracked connections keep passing. */
    public void replaceRules(List<AclRule> next) {
        rules.replace(new AclClassifier(next)).close();
    }

    public List<AclRule> rules() {
        return rules.current().rules();
    }

    /** Packets that matched each rule (as first packets of connections) since the rules were last replaced. */
    public Map<String, Long> ruleHits() {
        AclClassifier classifier = rules.current();
        Map<String, Long> hits = new java.util.LinkedHashMap<>();
        for (int i = 0; i < classifier.rules().size(); i++) {
            hits.put(classifier.rules().get(i).id(), classifier.hits(i));
        }
        return hits;
    }

    public Map<FirewallDrop, Long> drops() {
        Map<FirewallDrop, Long> total = new EnumMap<>(FirewallDrop.class);
        for (FirewallStage stage : stages) {
            stage.drops().snapshot().forEach((reason, count) -> total.merge(reason, count, Long::sum));
        }
        return total;
    }

    public long connections() {
        return stages.stream().mapToLong(FirewallStage::connections).sum();
    }

    @Override
    public void close() {
        rules.current().close();
        tables.forEach(ConnectionTable::close);
    }
}
