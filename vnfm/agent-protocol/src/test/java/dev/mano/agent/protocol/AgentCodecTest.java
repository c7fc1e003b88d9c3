package dev.mano.agent.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AgentCodecTest {

    @Test
    void encodesTheDocumentedWireFormat() {
        Heartbeat hb = new Heartbeat(7, 1_700_000_000_000L,
                List.of(new PortCounters("net_null0", 100, 99, 1, 0)),
                List.of(new LcoreLoad(1, 0.5)),
                Map.of("acl_denied", 3L));
        assertEquals("{\"op\":\"heartbeat\",\"seq\":7,\"timestampMs\":1700000000000,"
                + "\"ports\":[{\"port\":\"net_null0\",\"rxPackets\":100,\"txPackets\":99,\"missed\":1,\"errors\":0}],"
                + "\"lcores\":[{\"lcore\":1,\"busyRatio\":0.5}],\"counters\":{\"acl_denied\":3}}",
                AgentCodec.encode(hb));
        assertEquals("{\"op\":\"drain\"}", AgentCodec.encode(new Drain()));
        assertEquals("{\"op\":\"configResult\",\"id\":\"c1\",\"ok\":false,\"error\":\"bad route\"}",
                AgentCodec.encode(ConfigResult.failure("c1", "bad route")));
    }

    @Test
    void ignoresUnknownMembersForForwardCompatibility() {
        assertEquals(new Drained(), AgentCodec.decode("{\"op\":\"drained\",\"flowsLeft\":0}"));
        assertEquals(ConfigResult.success("x"), AgentCodec.decode("{\"op\":\"configResult\",\"id\":\"x\",\"ok\":true}"));
    }

    @Test
    void randomMessagesSurviveEncodeThenDecode() {
        Random r = new Random(5L);
        for (int i = 0; i < 2000; i++) {
            AgentMessage m = randomMessage(r);
            String line = AgentCodec.encode(m);
            assertFalse(line.contains("\n"));
            assertEquals(m, AgentCodec.decode(line), line);
        }
    }

    /** Well-formed JSON that is not a valid message: each error names the field. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `[]`                                              | message: expected an object, found array
            `{}`                                              | message.op: missing
            `{"op":3}`                                        | message.op: expected a string, found number
            `{"op":"reboot"}`                                 | unknown op "reboot"
            `{"op":"hello","version":"1","lcores":[],"ports":[]}` | hello.vnfType: missing
            `{"op":"hello","vnfType":"l2fwd","version":"1","lcores":[1,"2"],"ports":[]}` | hello.lcores[1]: expected an integer, found string
            `{"op":"hello","vnfType":"l2fwd","version":"1","lcores":[4294967296],"ports":[]}` | hello.lcores[0]: 4294967296 is out of the 32-bit range
            `{"op":"heartbeat","seq":1.5,"timestampMs":0,"ports":[],"lcores":[],"counters":{}}` | heartbeat.seq: expected a 64-bit integer, found 1.5
            `{"op":"heartbeat","seq":1,"timestampMs":0,"ports":[{"port":"p","rxPackets":1,"txPackets":1,"missed":0}],"lcores":[],"counters":{}}` | heartbeat.ports[0].errors: missing
            `{"op":"heartbeat","seq":1,"timestampMs":0,"ports":[],"lcores":[{"lcore":1,"busyRatio":1.5}],"counters":{}}` | heartbeat: busyRatio must be within [0, 1]: 1.5
            `{"op":"heartbeat","seq":1,"timestampMs":0,"ports":[],"lcores":[],"counters":{"x":"1"}}` | heartbeat.counters.x: expected an integer, found string
            `{"op":"heartbeat","seq":1,"timestampMs":0,"ports":{},"lcores":[],"counters":{}}` | heartbeat.ports: expected an array, found object
            `{"op":"configApply","id":"a","config":{"route":1}}` | configApply.config.route: expected a string, found number
            `{"op":"configResult","id":"a","ok":"yes"}`       | configResult.ok: expected a boolean, found string
            `{"op":"configResult","id":"a","ok":false}`       | configResult: error must be present exactly when ok is false
            """)
    void rejectsInvalidMessagesNamingTheField(String line, String message) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> AgentCodec.decode(line));
        assertEquals(message, e.getMessage());
    }

    static AgentMessage randomMessage(Random r) {
        return switch (r.nextInt(7)) {
            case 0 -> new Hello(word(r), word(r), ints(r), words(r));
            case 1 -> {
                List<PortCounters> ports = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    ports.add(new PortCounters(word(r), r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()));
                }
                List<LcoreLoad> lcores = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    lcores.add(new LcoreLoad(r.nextInt(128), r.nextInt(3) == 0 ? r.nextInt(2) : r.nextDouble()));
                }
                Map<String, Long> counters = new LinkedHashMap<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    counters.put(word(r), r.nextLong());
                }
                yield new Heartbeat(r.nextLong(), r.nextLong(), ports, lcores, counters);
            }
            case 2 -> {
                Map<String, String> config = new LinkedHashMap<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    config.put(word(r), word(r));
                }
                yield new ConfigApply(word(r), config);
            }
            case 3 -> r.nextBoolean() ? ConfigResult.success(word(r)) : ConfigResult.failure(word(r), word(r));
            case 4 -> new Drain();
            case 5 -> new Drained();
            default -> new Shutdown();
        };
    }

    private static String word(Random r) {
        StringBuilder s = new StringBuilder();
        for (int i = r.nextInt(10); i > 0; i--) {
            s.append((char) (r.nextBoolean() ? 0x20 + r.nextInt(0x5f) : r.nextInt(0x3000)));
        }
        return s.toString();
    }

    private static List<String> words(Random r) {
        List<String> out = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            out.add(word(r));
        }
        return out;
    }

    private static List<Integer> ints(Random r) {
        List<Integer> out = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            out.add(r.nextInt());
        }
        return out;
    }
}
