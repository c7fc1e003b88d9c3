package dev.mano.dataplane.metrics;

import dev.mano.dataplane.engine.DataplaneSnapshot;
import dev.mano.dataplane.engine.DropReason;
import dev.mano.dataplane.engine.LcoreSnapshot;
import dev.mano.dataplane.engine.PortSnapshot;

import java.util.Locale;

/** A snapshot in the Prometheus text exposition format (version 0.0.4). */
public final class PrometheusText {
    private PrometheusText() {
    }

    public static String render(DataplaneSnapshot s) {
        StringBuilder out = new StringBuilder(4096);
        String vnf = "vnf=\"" + s.vnf().type() + "\"";
        header(out, "dataplane_info", "gauge", "What runs: VNF type, version and mode.");
        out.append("dataplane_info{").append(vnf).append(",version=\"").append(s.vnf().version())
                .append("\",mode=\"").append(s.vnf().mode()).append("\"} 1\n");
        header(out, "dataplane_uptime_seconds", "gauge", "Time since the workers were launched.");
        out.append("dataplane_uptime_seconds{").append(vnf).append("} ")
                .append(String.format(Locale.ROOT, "%.3f", s.uptimeNanos() / 1e9)).append('\n');

        header(out, "dataplane_lcore_rx_packets_total", "counter", "Packets a worker lcore received.");
        for (LcoreSnapshot l : s.lcores()) {
            sample(out, "dataplane_lcore_rx_packets_total", lcore(vnf, l), l.rxPackets());
        }
        header(out, "dataplane_lcore_tx_packets_total", "counter", "Packets a worker lcore transmitted.");
        for (LcoreSnapshot l : s.lcores()) {
            sample(out, "dataplane_lcore_tx_packets_total", lcore(vnf, l), l.txPackets());
        }
        header(out, "dataplane_lcore_dropped_packets_total", "counter", "Packets a worker lcore dropped, by reason.");
        for (LcoreSnapshot l : s.lcores()) {
            for (DropReason reason : DropReason.values()) {
                sample(out, "dataplane_lcore_dropped_packets_total",
                        lcore(vnf, l) + ",reason=\"" + reason.name().toLowerCase(Locale.ROOT) + "\"", l.drops().get(reason));
            }
        }
        header(out, "dataplane_lcore_polls_total", "counter", "Poll loop iterations, busy (found packets) or idle.");
        for (LcoreSnapshot l : s.lcores()) {
            sample(out, "dataplane_lcore_polls_total", lcore(vnf, l) + ",state=\"busy\"", l.busyPolls());
            sample(out, "dataplane_lcore_polls_total", lcore(vnf, l) + ",state=\"idle\"", l.idlePolls());
        }
        header(out, "dataplane_lcore_busy_seconds_total", "counter", "Time in poll iterations that found packets.");
        for (LcoreSnapshot l : s.lcores()) {
            out.append("dataplane_lcore_busy_seconds_total{").append(lcore(vnf, l)).append("} ")
                    .append(String.format(Locale.ROOT, "%.6f", l.busyNanos() / 1e9)).append('\n');
        }
        header(out, "dataplane_lcore_poll_seconds_total", "counter", "Time in all poll iterations.");
        for (LcoreSnapshot l : s.lcores()) {
            out.append("dataplane_lcore_poll_seconds_total{").append(lcore(vnf, l)).append("} ")
                    .append(String.format(Locale.ROOT, "%.6f", l.totalNanos() / 1e9)).append('\n');
        }

        portCounter(out, s, vnf, "dataplane_port_rx_packets_total", "Packets the port received (device count).", "rx");
        portCounter(out, s, vnf, "dataplane_port_tx_packets_total", "Packets the port transmitted (device count).", "tx");
        portCounter(out, s, vnf, "dataplane_port_rx_missed_total", "Packets the device dropped: rx queue full.", "missed");
        portCounter(out, s, vnf, "dataplane_port_rx_errors_total", "Erroneous received packets.", "rxerr");
        portCounter(out, s, vnf, "dataplane_port_tx_errors_total", "Failed transmissions.", "txerr");
        header(out, "dataplane_port_link_up", "gauge", "1 when the link is up.");
        for (PortSnapshot p : s.ports()) {
            sample(out, "dataplane_port_link_up", port(vnf, p), p.linkUp() ? 1 : 0);
        }
        return out.toString();
    }

    private static void portCounter(StringBuilder out, DataplaneSnapshot s, String vnf, String name, String help, String which) {
        header(out, name, "counter", help);
        for (PortSnapshot p : s.ports()) {
            long value = switch (which) {
                case "rx" -> p.stats().rxPackets();
                case "tx" -> p.stats().txPackets();
                case "missed" -> p.stats().rxMissed();
                case "rxerr" -> p.stats().rxErrors();
                default -> p.stats().txErrors();
            };
            sample(out, name, port(vnf, p), value);
        }
    }

    private static String lcore(String vnf, LcoreSnapshot l) {
        return vnf + ",lcore=\"" + l.lcore() + "\"";
    }

    private static String port(String vnf, PortSnapshot p) {
        return vnf + ",port=\"" + p.name() + "\"";
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String name, String labels, long value) {
        out.append(name).append('{').append(labels).append("} ").append(value).append('\n');
    }
}
