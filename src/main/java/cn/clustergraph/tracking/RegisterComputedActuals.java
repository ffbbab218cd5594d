package cn.clustergraph.tracking;

import cn.clustergraph.indicator.TargetRecords.TargetItem;
import cn.clustergraph.indicator.TargetService;
import cn.clustergraph.tracking.TrackingRecords.ComputedActual;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Figures computed from the enterprise register by the target rules ({@code indicator.TargetService}: output sums and
 * honour counts, our interpretation): the year's figure of a year target's progress, offered for the year-end (Q4) only,
 * because the register holds annual figures.
 */
@Component
class RegisterComputedActuals implements ComputedActuals {

    private final TargetService targets;

    RegisterComputedActuals(TargetService targets) {
        this.targets = targets;
    }

    @Override
    public List<ComputedActual> computed(String indicatorId, Period period) {
        if (period.asQuarter().quarter() != 4) {
            return List.of();
        }
        List<TargetItem> items = targets.list(indicatorId, true, period.year(), true, null, 1, 20).items();
        return items.stream().filter(t -> t.town() == null && t.progress() != null && t.progress().forYear() != null).limit(1)
                .map(t -> new ComputedActual(indicatorId, period.asQuarter().id(), null, t.progress().forYear(),
                        "register:" + t.progress().rule() + " " + t.progress().scopeName(),
                        "由企业登记册按目标规则计算（" + (t.progress().rule().equals("counts-honour") ? "按荣誉计数" : "按产值合计")
                                + "），年度口径 computed from the register by the target rule, annual figures",
                        Boolean.TRUE.equals(t.progress().assumed()), t.progress().sample()))
                .toList();
    }
}
