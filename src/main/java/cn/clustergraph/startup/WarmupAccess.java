package cn.clustergraph.startup;

/**
 * How the warm-up's loopback calls get past sign-in: a credential issued for the warm-up and revoked when it ends,
 * provided by the security module (so startup does not depend on it).
 */
public interface WarmupAccess {

    /** A bearer token valid for GET requests until {@link #revoke()}. */
    String issue();

    void revoke();
}
