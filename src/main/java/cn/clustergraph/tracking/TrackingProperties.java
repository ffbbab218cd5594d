package cn.clustergraph.tracking;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of plan tracking ({@code clustergraph.tracking.*}, documented in README and docs/tracking.md).
 *
 * @param reportDueDays days after a quarter ends that its 季度进展 and 指标实绩 are due (default 15)
 * @param yellowPoints  percentage points behind 序时进度 from which a light is yellow (default 10)
 * @param redPoints     percentage points behind 序时进度 beyond which a light is red (default 30)
 * @param sample        load the fictional tracking history 2023Q1–2024Q4 when the sample register is loaded (default true)
 */
@ConfigurationProperties("clustergraph.tracking")
public record TrackingProperties(@DefaultValue("15") int reportDueDays, @DefaultValue("10") double yellowPoints,
                                 @DefaultValue("30") double redPoints, @DefaultValue("true") boolean sample) {
}
