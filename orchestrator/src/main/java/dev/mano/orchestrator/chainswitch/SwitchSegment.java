package dev.mano.orchestrator.chainswitch;

import java.nio.file.Path;

/**
 * One point-to-point link through the chain switch: frames in on one socket leave by the other.
 *
 * @param upstream   the socket of the member before the link (its chain port 1)
 * @param downstream the socket of the member after the link (its chain port 0)
 */
public record SwitchSegment(String id, Path upstream, Path downstream) {
    public SwitchSegment {
        if (!id.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("switch segment id '" + id + "' must be 1-40 of [A-Za-z0-9_-]");
        }
    }
}
