// Labels of the backup page (issue 15): {key: [中文, English]}.
import { extend } from './i18n.js';

extend({
  'nav.backup': ['备份', 'Backup'],
  'bk.title': ['备份与恢复', 'Backup and restore'],
  'bk.intro': ['备份包含系统中的全部数据：方案、企业名录、用户与令牌（仅哈希）、年度计划、重点企业清单、审计日志及以后新增的一切。备份文件含密码哈希，请妥善保管。',
    'A backup holds everything the app keeps: the programme, registers, users and tokens (hashes only), plans, key-enterprise lists, the audit trail and whatever later features write. It contains password hashes: keep it safe.'],
  'bk.now': ['立即备份', 'Back up now'],
  'bk.running': ['正在备份……', 'Backing up…'],
  'bk.done': ['备份完成：{name}，{nodes} 个节点、{rels} 条关系，写入暂停 {paused} 毫秒。', 'Backup written: {name}, {nodes} nodes, {rels} relationships; writes paused {paused} ms.'],
  'bk.guarantee': ['一致性', 'Guarantee'],
  'bk.dir': ['备份目录', 'Backup folder'],
  'bk.schedule': ['自动备份', 'Schedule'],
  'bk.noSchedule': ['未设置（clustergraph.backup.schedule）', 'off (clustergraph.backup.schedule)'],
  'bk.keep': ['保留份数', 'Kept'],
  'bk.file': ['文件', 'File'],
  'bk.size': ['大小', 'Size'],
  'bk.modified': ['时间', 'Written'],
  'bk.none': ['备份目录中还没有备份。', 'No backup in the folder yet.'],
  'bk.restoreHelp': ['恢复：停止应用后运行 java -jar cluster-graph.jar restore --file=备份文件（先自动保存当前数据，恢复后核对数量与校验和）。详见 docs/operations.md。',
    'Restore: stop the app, then run java -jar cluster-graph.jar restore --file=BACKUP (the current graph is saved first; counts and checksum are compared afterwards). See docs/operations.md.'],
});
