package dev.mano.vim.lifecycle;

import org.libvirt.DomainInfo;

/** libvirt's domain states, without libvirt-java types leaking into callers. */
public enum DomainState {
    NO_STATE, RUNNING, BLOCKED, PAUSED, SHUTTING_DOWN, SHUT_OFF, CRASHED;

    public boolean active() {
        return this != SHUT_OFF && this != NO_STATE;
    }

    static DomainState of(DomainInfo.DomainState state) {
        return switch (state) {
            case VIR_DOMAIN_NOSTATE -> NO_STATE;
            case VIR_DOMAIN_RUNNING -> RUNNING;
            case VIR_DOMAIN_BLOCKED -> BLOCKED;
            case VIR_DOMAIN_PAUSED -> PAUSED;
            case VIR_DOMAIN_SHUTDOWN -> SHUTTING_DOWN;
            case VIR_DOMAIN_SHUTOFF -> SHUT_OFF;
            case VIR_DOMAIN_CRASHED -> CRASHED;
        };
    }
}
