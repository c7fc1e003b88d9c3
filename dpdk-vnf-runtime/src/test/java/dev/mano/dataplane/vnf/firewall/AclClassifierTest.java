package dev.mano.dataplane.vnf.firewall;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class AclClassifierTest {

    @Test
    void firstMatchAgreesWithTheRulesOwnMatchingOnRandomTraffic() {
        Random random = new Random(3);
        List<AclRule> rules = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int low = random.nextInt(60000);
            rules.add(new AclRule("r" + i, 0x0A000000 | random.nextInt(1 << 16) << 8, 8 + random.nextInt(25),
                    random.nextBoolean() ? 0 : 0xC0A80000, random.nextBoolean() ? 0 : 16,
                    random.nextInt(4) == 0 ? -1 : (random.nextBoolean() ? 6 : 17), 0, 65535, low,
                    low + random.nextInt(5000), random.nextBoolean() ? AclRule.Action.ALLOW : AclRule.Action.DENY));
        }
        try (AclClassifier classifier = new AclClassifier(rules)) {
            long[] expectedHits = new long[rules.size()];
            for (int n = 0; n < 100_000; n++) {
                int src = 0x0A000000 | random.nextInt(1 << 24);
                int dst = random.nextBoolean() ? 0xC0A80000 | random.nextInt(1 << 16) : random.nextInt();
                int proto = random.nextBoolean() ? 6 : 17;
                int sport = random.nextInt(65536);
                int dport = random.nextInt(65536);
                int expected = -1;
                for (int i = 0; i < rules.size(); i++) {
                    if (rules.get(i).matches(src, dst, proto, sport, dport)) {
                        expected = i;
                        break;
                    }
                }
                if (expected >= 0) {
                    expectedHits[expected]++;
                }
                assertThat(classifier.classify(src, dst, proto, sport, dport)).isEqualTo(expected);
            }
            for (int i = 0; i < rules.size(); i++) {
                assertThat(classifier.hits(i)).isEqualTo(expectedHits[i]);
                assertThat(classifier.allows(i)).isEqualTo(rules.get(i).action() == AclRule.Action.ALLOW);
            }
        }
    }
}
