package cn.clustergraph.rollup;

/**
 * Published after every rollup refresh has written its values, so rules derived from the rollups (the gap status of each
 * segment) are recomputed in the same step and never read stale.
 */
public record RollupsRefreshed(long millis) {
}
