package dev.mano.dataplane.bindings;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.UnionLayout;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every struct the runtime binds, checked against the installed DPDK headers: a generated C program
 * prints sizeof and offsetof of each struct and of every field jextract bound (nested unions and
 * structs included), and the Java layouts must say the same.
 */
class StructLayoutTest {

    /** The binding classes of C structs and unions (every generated class with a layout()). */
    private static final List<Class<?>> STRUCTS = List.of(
            rte_mbuf.class, rte_mempool.class, rte_mempool_ops.class, rte_mempool_ops_table.class, rte_ring.class,
            rte_ring_headtail.class, rte_eth_conf.class, rte_eth_rxmode.class, rte_eth_txmode.class,
            rte_eth_rss_conf.class, rte_eth_rxconf.class, rte_eth_txconf.class, rte_eth_thresh.class,
            rte_eth_dev_info.class, rte_eth_desc_lim.class, rte_eth_dev_portconf.class, rte_eth_switch_info.class,
            rte_eth_stats.class, rte_eth_xstat.class, rte_eth_xstat_name.class, rte_eth_fp_ops.class,
            rte_ethdev_qdata.class, rte_ether_addr.class, rte_eth_dcb_rx_conf.class, rte_eth_dcb_tx_conf.class,
            rte_eth_intr_conf.class, rte_eth_rxseg_capa.class, rte_eth_vmdq_dcb_conf.class,
            rte_eth_vmdq_dcb_tx_conf.class, rte_eth_vmdq_rx_conf.class, rte_eth_vmdq_tx_conf.class,
            rte_mbuf_sched.class, rte_mempool_memhdr_list.class, rte_mempool_objhdr_list.class,
            rte_ring_hts_headtail.class, rte_ring_rts_headtail.class, __rte_ring_hts_pos.class,
            __rte_ring_rts_poscnt.class);

    record Expectation(String key, String cExpression, long javaValue) {
    }

    @Test
    void javaLayoutsMatchTheInstalledHeaders() throws Exception {
        assumeTrue(Files.exists(Path.of("/usr/include/dpdk/rte_mbuf.h")), "libdpdk-dev is not installed");
        List<Expectation> expectations = new ArrayList<>();
        for (Class<?> type : STRUCTS) {
            GroupLayout layout = (GroupLayout) type.getMethod("layout").invoke(null);
            String cType = (layout instanceof UnionLayout ? "union " : "struct ") + type.getSimpleName();
            expectations.add(new Expectation("sizeof " + cType, "sizeof(" + cType + ")", layout.byteSize()));
            collectOffsets(type, cType, "", expectations);
        }
        // struct rte_eth_link's bitfields are read by hand in Port.link(): duplex bit 0, autoneg bit 1, status bit 2
        // of the 16-bit word at offset 4.
        expectations.add(new Expectation("rte_eth_link bits", "link_bits()", 7));
        expectations.add(new Expectation("sizeof struct rte_eth_link", "sizeof(struct rte_eth_link)", 8));

        Map<String, Long> c = runC(expectations);
        List<String> mismatches = new ArrayList<>();
        for (Expectation e : expectations) {
            Long actual = c.get(e.key());
            if (actual == null || actual != e.javaValue()) {
                mismatches.add(e.key() + ": C says " + actual + ", Java layout says " + e.javaValue());
            }
        }
        assertThat(mismatches).as("layout mismatches between jextract bindings and DPDK headers").isEmpty();
        assertThat(expectations).hasSizeGreaterThan(300);
    }

    /** Adds one expectation per {@code field$offset()} of the class and of its nested (named member) classes. */
    private static void collectOffsets(Class<?> type, String cType, String prefix, List<Expectation> out) throws Exception {
        for (Method method : type.getDeclaredMethods()) {
            if (Modifier.isStatic(method.getModifiers()) && Modifier.isPublic(method.getModifiers())
                    && method.getName().endsWith("$offset") && method.getParameterCount() == 0) {
                String field = method.getName().substring(0, method.getName().length() - "$offset".length());
                String member = prefix + field;
                String expression = prefix.isEmpty()
                        ? "offsetof(" + cType + ", " + member + ")"
                        : "offsetof(" + cType + ", " + member + ") - offsetof(" + cType + ", " + prefix.substring(0, prefix.length() - 1) + ")";
                out.add(new Expectation("offset " + cType + "." + member, expression, (long) method.invoke(null)));
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            if (Modifier.isPublic(nested.getModifiers())) {
                String member = nested.getSimpleName();
                // an array of structs (pool_map[64]): the element's offsets are relative to element 0
                boolean array = Arrays.isArrayMember(type, member);
                collectOffsets(nested, cType, prefix + member + (array ? "[0]" : "") + ".", out);
            }
        }
    }

    private static Map<String, Long> runC(List<Expectation> expectations) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(Path.of("target", "struct-layout"));
        StringBuilder source = new StringBuilder("""
                #include <stdio.h>
                #include <stddef.h>
                #include <string.h>
                #include <rte_config.h>
                #include <rte_eal.h>
                #include <rte_ethdev.h>
                #include <rte_mbuf.h>
                #include <rte_mempool.h>
                #include <rte_ring.h>
                static long link_bits(void) {
                    struct rte_eth_link link; unsigned short word;
                    memset(&link, 0, sizeof link);
                    link.link_duplex = 1; link.link_autoneg = 1; link.link_status = 1;
                    memcpy(&word, (char *)&link + 4, 2);
                    return word;
                }
                int main(void) {
                """);
        for (Expectation e : expectations) {
            source.append("    printf(\"%s=%ld\\n\", \"").append(e.key()).append("\", (long)(").append(e.cExpression()).append("));\n");
        }
        source.append("    return 0;\n}\n");
        Path c = dir.resolve("layouts.c");
        Path exe = dir.resolve("layouts");
        Files.writeString(c, source);
        String cflags = run(List.of("pkg-config", "--cflags", "libdpdk")).trim();
        List<String> compile = new ArrayList<>(List.of("gcc", "-o", exe.toString(), c.toString()));
        compile.addAll(List.of(cflags.split("\\s+")));
        run(compile);
        Map<String, Long> values = new HashMap<>();
        for (String line : run(List.of(exe.toString())).split("\n")) {
            int eq = line.lastIndexOf('=');
            values.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1)));
        }
        return values;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }

    private static final class Arrays {
        static boolean isArrayMember(Class<?> owner, String member) {
            try {
                return owner.getMethod(member + "$dimensions") != null;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
    }
}
