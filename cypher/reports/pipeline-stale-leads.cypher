// @title 久未跟进的招商线索（按负责人） | Stale leads by owner
// @description 在办线索（未投产、未终止）中最近一次跟进记录（无跟进时为建立日期）早于今天减去 days 天的，按负责人汇总并列出线索。最近跟进日期由应用在每次写入线索后写在线索上（lastFollowUp）。
// @description 招商线索为内部数据；样例线索（sample-pipeline）为虚构。
// @param days Integer = 60  多少天未跟进算久未跟进
// @column owner String 负责人
// @column staleLeads Integer 久未跟进线索数
// @column leads List<String> 线索（编号 企业 阶段 最近跟进）
MATCH (l:Lead)
WHERE NOT l.stage IN ['投产', '终止'] AND l.lastFollowUp IS NOT NULL AND l.lastFollowUp < date() - duration({days: $days})
WITH l ORDER BY l.lastFollowUp, l.id
RETURN l.owner AS owner, count(l) AS staleLeads,
       collect(l.id + ' ' + l.enterpriseName + ' ' + l.stage + ' ' + toString(l.lastFollowUp)) AS leads
ORDER BY staleLeads DESC, owner;
