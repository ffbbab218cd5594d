package cn.clustergraph.rollup;

/**
 * The names of the maintained rollup properties: the contract between the rollup pass that writes them and the read
 * features (chain, gap, target, enterprise, explorer, reports) that read them — one place to find every reader of a name.
 * See docs/model.md for what each holds.
 */
public final class RollupNames {

    private RollupNames() {
    }

    // Segment, Chain, Cluster, Programme (and StageRollup for the first three counts)
    /** Enterprises (local and not) in the scope. */
    public static final String ENTERPRISES = "rollupEnterprises";
    /** Local enterprises. */
    public static final String LOCAL = "rollupLocal";
    /** Local 规上 (above-scale) enterprises. */
    public static final String SCALE = "rollupScale";
    /** Enterprises elsewhere (招商 candidates). */
    public static final String CANDIDATES = "rollupCandidates";
    /** Local output (万元), each enterprise's output split by IN_SEGMENT.share. */
    public static final String OUTPUT = "rollupOutput";
    /** Local 规上 output (万元), split the same way. */
    public static final String SCALE_OUTPUT = "rollupScaleOutput";
    /** Latest output year seen. */
    public static final String OUTPUT_YEAR = "rollupOutputYear";
    /** Sample (fictional) enterprises counted. */
    public static final String SAMPLE = "rollupSample";
    /** Local enterprises reporting output. */
    public static final String LOCAL_REPORTING = "rollupLocalReporting";
    /** Local 规上 enterprises reporting output. */
    public static final String SCALE_REPORTING = "rollupScaleReporting";
    /** Years of the per-year series (also the award years of an Honour). */
    public static final String YEARS = "rollupYears";
    /** Output per year of {@link #YEARS}. */
    public static final String OUTPUT_BY_YEAR = "rollupOutputByYear";
    /** 规上 output per year of {@link #YEARS}. */
    public static final String SCALE_OUTPUT_BY_YEAR = "rollupScaleOutputByYear";

    // Segment only
    /** Local enterprises with an honour. */
    public static final String HONOURS = "rollupHonours";
    /** 链主 enterprises. */
    public static final String LEADER_COUNT = "rollupLeaderCount";
    /** Names of the three largest local enterprises. */
    public static final String TOP_LOCAL = "rollupTopLocal";
    /** Ids of the largest local enterprises, largest first. */
    public static final String TOP_LOCAL_IDS = "rollupTopLocalIds";
    /** Ids of the largest candidates elsewhere, largest first. */
    public static final String TOP_CANDIDATE_IDS = "rollupTopCandidateIds";
    /** The chain view's rows of {@link #TOP_LOCAL_IDS} (one JSON object per row, shaped by {@link SegmentTopRows.Row}). */
    public static final String TOP_LOCAL_ROWS = "rollupTopLocalRows";
    /** The chain view's rows of {@link #TOP_CANDIDATE_IDS}, the same way. */
    public static final String TOP_CANDIDATE_ROWS = "rollupTopCandidateRows";
    /** Supply links from local enterprises of the segment to local enterprises. */
    public static final String LOCAL_SUPPLY_LINKS = "rollupLocalSupplyLinks";
    /** Supply links from enterprises elsewhere into local enterprises, for this segment. */
    public static final String EXTERNAL_SUPPLY_LINKS = "rollupExternalSupplyLinks";
    /** Examples of those links ("supplier → customer"). */
    public static final String EXTERNAL_SUPPLY_EXAMPLES = "rollupExternalSupplyExamples";

    // Chain only
    /** 链主 enterprises of the chain. */
    public static final String LEADERS = "rollupLeaders";
    /** Platforms hosting the chain's enterprises, most first. */
    public static final String PLATFORMS = "rollupPlatforms";
    /** Enterprises per platform of {@link #PLATFORMS}. */
    public static final String PLATFORM_COUNTS = "rollupPlatformCounts";
    /** Honour names, one entry per (honour, year). */
    public static final String HONOUR_NAMES = "rollupHonourNames";
    /** Award year per entry of {@link #HONOUR_NAMES}. */
    public static final String HONOUR_YEARS = "rollupHonourYears";
    /** Enterprises per entry of {@link #HONOUR_NAMES}. */
    public static final String HONOUR_COUNTS = "rollupHonourCounts";
    /** Enterprises in the chain's maintained order. */
    public static final String RANK_TOTAL = "rollupRankTotal";
    /** Positions between two bookmarks of the chain's order. */
    public static final String RANK_EVERY = "rollupRankEvery";
    /** outputRank of each bookmark. */
    public static final String RANK_MARK_RANKS = "rollupRankMarkRanks";
    /** Enterprise id of each bookmark. */
    public static final String RANK_MARK_IDS = "rollupRankMarkIds";

    // Honour only
    /** Local enterprises per year of {@link #YEARS}. */
    public static final String COUNTS = "rollupCounts";
    /** Towns, one entry per (town, year). */
    public static final String TOWNS = "rollupTowns";
    /** Year per entry of {@link #TOWNS}. */
    public static final String TOWN_YEARS = "rollupTownYears";
    /** Enterprises per entry of {@link #TOWNS}. */
    public static final String TOWN_COUNTS = "rollupTownCounts";

    // Derived from the rollups by gap.GapRule after every refresh (and at every start)
    /** Segment: 缺链, 弱链 or 有链. */
    public static final String GAP_STATUS = "gapStatus";
    /** Segment: why, in words, with the figures and thresholds. */
    public static final String GAP_REASON = "gapReason";
    /** Segment: the thresholds the status was computed with, in words. */
    public static final String GAP_RULE = "gapRule";
    /** Chain: its segments with status 缺链. */
    public static final String GAP_MISSING = "gapMissing";
    /** Chain: its segments with status 弱链. */
    public static final String GAP_WEAK = "gapWeak";
}
