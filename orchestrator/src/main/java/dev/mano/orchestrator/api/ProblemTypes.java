package dev.mano.orchestrator.api;

import java.net.URI;

/** Problem {@code type} URIs: a URN per slug, stable across releases and hosts. */
public final class ProblemTypes {
    private ProblemTypes() {}

    public static URI uri(String slug) {
        return URI.create("urn:mano:problem:" + slug);
    }
}
