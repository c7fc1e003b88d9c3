package dev.mano.orchestrator.auth;

/** What a user may do. Each role includes the ones below it. */
public enum Role {
    VIEWER, OPERATOR, ADMIN;

    /** Spring authorities: a role grants itself and every lower role. */
    public String[] authorities() {
        return java.util.Arrays.stream(values())
                .filter(r -> r.ordinal() <= ordinal())
                .map(r -> "ROLE_" + r.name())
                .toArray(String[]::new);
    }
}
