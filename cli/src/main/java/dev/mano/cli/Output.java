package dev.mano.cli;

import tools.jackson.databind.JsonNode;

final class Output {
    private Output() {}

    static void json(JsonNode node) {
        System.out.println(node.toPrettyString());
    }
}
