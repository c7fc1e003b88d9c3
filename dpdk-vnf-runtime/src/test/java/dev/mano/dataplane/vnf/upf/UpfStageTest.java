package dev.mano.dataplane.vnf.upf;

import dev.mano.dataplane.engine.Burst;
import dev.mano.dataplane.packet.MacAddress;
import dev.mano.dataplane.vnf.chain.Packets;
import dev.mano.dataplane.vnf.chain.TestConfig;
import dev.mano.dataplane.vnf.chain.TestMbufs;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static dev.mano.dataplane.vnf.chain.Packets.ip;
import static dev.mano.dataplane.vnf.chain.Packets.u16;
import static dev.mano.dataplane.vnf.chain.Packets.u32;
import static dev.mano.dataplane.vnf.chain.Packets.u8;
import static org.assertj.core.api.Assertions.assertThat;

class UpfStageTest {

    static UpfConfig config() {
        return UpfConfig.from(TestConfig.section("""
                upf:
                  n3: {port: a, address: 192.0.2.1, mac: "02:00:00:00:03:01", next-hop-mac: "02:00:00:00:03:02"}
                  n6: {port: b, mac: "02:00:00:00:06:01", next-hop-mac: "02:00:00:00:06:02"}
                  max-sessions: 16
                  sessions:
                    - {seid: 1, ue: 10.45.0.2, uplink-teid: 0x100, downlink-teid: 0x200, gnb: 192.0.2.10}
                """, "upf"));
    }

    static byte[] innerUdp(String src, String dst) {
        return Arrays.copyOfRange(Packets.udpFrame(src, dst, 4000, 5000, 64, 30), 14, 14 + 20 + 8 + 30);
    }

    @Test
    void decapsulatesUplinkByTeidAndEncapsulatesDownlinkByUeAddress() {
        try (Upf upf = new Upf(config()); TestMbufs mbufs = new TestMbufs(4)) {
            UpfStage stage = upf.newStage(config().resolve(TestConfig.PORTS));
            byte[] inner = innerUdp("10.45.0.2", "8.8.8.8");
            Burst burst = mbufs.load(0, 1, Packets.gtpuFrame("192.0.2.10", "192.0.2.1", 0x100, inner));
            stage.process(burst);
            assertThat(burst.dropped(0)).isFalse();
            byte[] up = mbufs.frame(0);
            assertThat(up.length).isEqualTo(14 + inner.length);
            assertThat(Arrays.copyOfRange(up, 14, up.length)).isEqualTo(inner);
            assertThat(Arrays.copyOfRange(up, 0, 6)).isEqualTo(MacAddress.parse("02:00:00:00:06:02").bytes());
            assertThat(u16(up, 12)).isEqualTo(0x0800);

            byte[] reply = Packets.udpFrame("8.8.8.8", "10.45.0.2", 5000, 4000, 64, 30);
            burst = mbufs.load(1, 0, reply);
            stage.process(burst);
            assertThat(burst.dropped(0)).isFalse();
            byte[] down = mbufs.frame(0);
            assertThat(down.length).isEqualTo(reply.length + 36);
            assertThat(Arrays.copyOfRange(down, 0, 6)).isEqualTo(MacAddress.parse("02:00:00:00:03:02").bytes());
            assertThat(u32(down, 26)).isEqualTo(ip("192.0.2.1"));
            assertThat(u32(down, 30)).isEqualTo(ip("192.0.2.10"));
            assertThat(u16(down, 36)).isEqualTo(2152);
            assertThat(u16(down, 38)).isEqualTo(reply.length - 14 + 16);
            assertThat(u8(down, 42)).isEqualTo(0x30);
            assertThat(u8(down, 43)).isEqualTo(0xFF);
            assertThat(u16(down, 44)).isEqualTo(reply.length - 14);
            assertThat(u32(down, 46)).isEqualTo(0x200);
            assertThat(Arrays.copyOfRange(down, 50, down.length)).isEqualTo(Arrays.copyOfRange(reply, 14, reply.length));
            assertThat(Packets.checksumsValid(down)).isTrue();

            SessionUsage usage = upf.usage(1);
            assertThat(usage).isEqualTo(new SessionUsage(1, 1, inner.length, 1, reply.length - 14));
        }
    }

    @Test
    void dropsUnknownTeidsSpoofedUesSignallingAndMalformedGtp() {
        try (Upf upf = new Upf(config()); TestMbufs mbufs = new TestMbufs(8)) {
            UpfStage stage = upf.newStage(config().resolve(TestConfig.PORTS));
            byte[] good = Packets.gtpuFrame("192.0.2.10", "192.0.2.1", 0x100, innerUdp("10.45.0.2", "8.8.8.8"));
            byte[] echo = good.clone();
            echo[43] = 1; // echo request
            byte[] badLength = good.clone();
            badLength[44] = 0x7F; // GTP length beyond the UDP payload
            Burst burst = mbufs.load(0, 1,
                    Packets.gtpuFrame("192.0.2.10", "192.0.2.1", 0x999, innerUdp("10.45.0.2", "8.8.8.8")),
                    Packets.gtpuFrame("192.0.2.10", "192.0.2.1", 0x100, innerUdp("10.45.0.3", "8.8.8.8")),
                    echo, badLength, Packets.udpFrame("192.0.2.10", "192.0.2.1", 2152, 2153, 64, 10));
            stage.process(burst);
            for (int i = 0; i < 5; i++) {
                assertThat(burst.dropped(i)).as("packet " + i).isTrue();
            }
            assertThat(stage.drops().snapshot()).containsEntry(UpfDrop.UNKNOWN_TEID, 1L)
                    .containsEntry(UpfDrop.UE_ADDRESS_MISMATCH, 1L).containsEntry(UpfDrop.GTPU_SIGNALLING, 1L)
                    .containsEntry(UpfDrop.BAD_GTPU, 1L).containsEntry(UpfDrop.NOT_GTPU, 1L);
        }
    }

    @Test
    void sessionsInstalledAtRunTimeTakeEffectAndRemovedOnesStop() {
        try (Upf upf = new Upf(config()); TestMbufs mbufs = new TestMbufs(4)) {
            UpfStage stage = upf.newStage(config().resolve(TestConfig.PORTS));
            byte[] toNewUe = Packets.udpFrame("8.8.8.8", "10.45.0.9", 5000, 4000, 64, 30);
            Burst burst = mbufs.load(1, 0, toNewUe);
            stage.process(burst);
            assertThat(burst.dropped(0)).isTrue();
            upf.putSession(new Session(2, ip("10.45.0.9"), 0x101, 0x201, ip("192.0.2.11")));
            burst = mbufs.load(1, 0, toNewUe);
            stage.process(burst);
            assertThat(burst.dropped(0)).isFalse();
            assertThat(u32(mbufs.frame(0), 46)).isEqualTo(0x201);
            assertThat(upf.removeSession(2)).isTrue();
            burst = mbufs.load(1, 0, toNewUe);
            stage.process(burst);
            assertThat(burst.dropped(0)).isTrue();
            assertThat(upf.usage(1).downlinkPackets()).isZero();
        }
    }
}
