package dev.mano.vim.events;

import org.libvirt.event.DomainEventType;

/** libvirt's domain lifecycle event types. */
public enum DomainEventKind {
    DEFINED, UNDEFINED, STARTED, SUSPENDED, RESUMED, STOPPED, SHUTDOWN, PMSUSPENDED, CRASHED, UNKNOWN;

    static DomainEventKind of(DomainEventType type) {
        return type == null ? UNKNOWN : switch (type) {
            case DEFINED -> DEFINED;
            case UNDEFINED -> UNDEFINED;
            case STARTED -> STARTED;
            case SUSPENDED -> SUSPENDED;
            case RESUMED -> RESUMED;
            case STOPPED -> STOPPED;
            case SHUTDOWN -> SHUTDOWN;
            case PMSUSPENDED -> PMSUSPENDED;
            case CRASHED -> CRASHED;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
