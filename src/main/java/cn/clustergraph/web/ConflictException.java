package cn.clustergraph.web;

/**
 * Thrown when a write lost a race: another writer saved a new version on top of the one this write started from (or a
 * concurrent create took the same key); answered as 409 problem+json, type "/problems/conflict", telling the user to
 * reload and retry.
 */
public class ConflictException extends RuntimeException {

    /** The detail of every lost race, in Chinese. */
    public static final String ZH = "该内容刚被他人修改，请刷新页面查看最新版本后重试";
    /** The detail of every lost race, in English. */
    public static final String EN = "Someone else saved a new version of this at the same time; reload to see the latest version and retry";

    public ConflictException(String what) {
        super(what);
    }
}
