package dev.mano.orchestrator.placement;

/** PACK fills the fullest host that fits (keeps whole hosts free); SPREAD picks the emptiest (limits blast radius). */
public enum Strategy {
    PACK, SPREAD
}
