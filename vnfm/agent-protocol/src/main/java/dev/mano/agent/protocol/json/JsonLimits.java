package dev.mano.agent.protocol.json;

/**
 * Bounds that keep a parser safe from hostile input: a peer can neither exhaust the
 * stack (nesting) nor make the parser chew on absurd numbers. Line length is bounded
 * before parsing, by {@link dev.mano.agent.protocol.BoundedLineReader}.
 *
 * @param maxDepth        deepest nesting of arrays and objects (the top level is depth 1)
 * @param maxNumberLength longest number literal in characters
 */
public record JsonLimits(int maxDepth, int maxNumberLength) {

    /** Agent messages nest three levels deep and carry 64-bit counters; these leave room. */
    public static final JsonLimits DEFAULT = new JsonLimits(16, 32);

    public JsonLimits {
        if (maxDepth < 1 || maxNumberLength < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
