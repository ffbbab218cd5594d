package cn.clustergraph.register;

/** Published after a register was imported or removed (caches of dataset notices listen to it). */
public record RegisterChangedEvent(String dataset) {
}
