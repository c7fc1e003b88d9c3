package dev.mano.agent.protocol;

import dev.mano.agent.protocol.json.JsonLimits;
import dev.mano.agent.protocol.json.JsonReader;
import dev.mano.agent.protocol.json.JsonValue;
import dev.mano.agent.protocol.json.JsonWriter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Agent messages to and from one line of JSON: an object whose {@code op} member names
 * the message ({@code {"op":"drain"}}). Encoded lines carry no newline; the transport
 * adds the terminator.
 */
public final class AgentCodec {

    private AgentCodec() {
    }

    public static String encode(AgentMessage message) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        switch (message) {
            case Hello h -> {
                m.put("op", str("hello"));
                m.put("vnfType", str(h.vnfType()));
                m.put("version", str(h.version()));
                m.put("lcores", arr(h.lcores().stream().map(l -> (JsonValue) JsonValue.Num.of(l)).toList()));
                m.put("ports", arr(h.ports().stream().map(p -> (JsonValue) str(p)).toList()));
            }
            case Heartbeat hb -> {
                m.put("op", str("heartbeat"));
                m.put("seq", JsonValue.Num.of(hb.seq()));
                m.put("timestampMs", JsonValue.Num.of(hb.timestampMs()));
                m.put("ports", arr(hb.ports().stream().map(AgentCodec::port).toList()));
                m.put("lcores", arr(hb.lcores().stream().map(AgentCodec::lcore).toList()));
                Map<String, JsonValue> counters = new LinkedHashMap<>();
                hb.counters().forEach((k, v) -> counters.put(k, JsonValue.Num.of(v)));
                m.put("counters", new JsonValue.Obj(counters));
            }
            case ConfigApply c -> {
                m.put("op", str("configApply"));
                m.put("id", str(c.id()));
                Map<String, JsonValue> config = new LinkedHashMap<>();
                c.config().forEach((k, v) -> config.put(k, str(v)));
                m.put("config", new JsonValue.Obj(config));
            }
            case ConfigResult r -> {
                m.put("op", str("configResult"));
                m.put("id", str(r.id()));
                m.put("ok", r.ok() ? JsonValue.Bool.TRUE : JsonValue.Bool.FALSE);
                m.put("error", r.error() == null ? JsonValue.Null.INSTANCE : str(r.error()));
            }
            case Drain d -> m.put("op", str("drain"));
            case Drained d -> m.put("op", str("drained"));
            case Shutdown s -> m.put("op", str("shutdown"));
        }
        return JsonWriter.write(new JsonValue.Obj(m));
    }

    public static AgentMessage decode(String line) {
        return decode(line, JsonLimits.DEFAULT);
    }

    /** @throws ProtocolException for bad JSON, an unknown op, or a missing or mistyped field */
    public static AgentMessage decode(String line, JsonLimits limits) {
        JsonValue value = JsonReader.parse(line, limits);
        Fields top = Fields.of(value, "message");
        String op = top.string("op");
        Fields f = new Fields((JsonValue.Obj) value, op);
        try {
            return switch (op) {
                case "hello" -> new Hello(f.string("vnfType"), f.string("version"),
                        f.list("lcores", (v, where) -> toInt(Fields.integer(v, where), where)),
                        f.list("ports", Fields::string));
                case "heartbeat" -> new Heartbeat(f.integer("seq"), f.integer("timestampMs"),
                        f.list("ports", AgentCodec::port), f.list("lcores", AgentCodec::lcore),
                        f.map("counters", Fields::integer));
                case "configApply" -> new ConfigApply(f.string("id"), f.map("config", Fields::string));
                case "configResult" -> new ConfigResult(f.string("id"), f.bool("ok"), f.optionalString("error"));
                case "drain" -> new Drain();
                case "drained" -> new Drained();
                case "shutdown" -> new Shutdown();
                default -> throw new ProtocolException("unknown op \"" + op + "\"");
            };
        } catch (IllegalArgumentException e) {
            // a record's own invariant (busy ratio range, ok/error consistency)
            throw new ProtocolException(op + ": " + e.getMessage());
        }
    }

    private static JsonValue port(PortCounters p) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("port", str(p.port()));
        m.put("rxPackets", JsonValue.Num.of(p.rxPackets()));
        m.put("txPackets", JsonValue.Num.of(p.txPackets()));
        m.put("missed", JsonValue.Num.of(p.missed()));
        m.put("errors", JsonValue.Num.of(p.errors()));
        return new JsonValue.Obj(m);
    }

    private static PortCounters port(JsonValue v, String where) {
        Fields f = Fields.of(v, where);
        return new PortCounters(f.string("port"), f.integer("rxPackets"), f.integer("txPackets"),
                f.integer("missed"), f.integer("errors"));
    }

    private static JsonValue lcore(LcoreLoad l) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("lcore", JsonValue.Num.of(l.lcore()));
        m.put("busyRatio", JsonValue.Num.of(l.busyRatio()));
        return new JsonValue.Obj(m);
    }

    private static LcoreLoad lcore(JsonValue v, String where) {
        Fields f = Fields.of(v, where);
        return new LcoreLoad(f.smallInteger("lcore"), f.number("busyRatio"));
    }

    private static int toInt(long v, String where) {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new ProtocolException(where + ": " + v + " is out of the 32-bit range");
        }
        return (int) v;
    }

    private static JsonValue str(String s) {
        return new JsonValue.Str(s);
    }

    private static JsonValue arr(List<JsonValue> items) {
        return new JsonValue.Arr(items);
    }
}
