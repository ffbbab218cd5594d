// Labels of the chain's share of larger targets and of error answers (issue 14): {key: [中文, English]}.
import { extend } from './i18n.js';

extend({
  'chain.contribution': ['本链贡献', 'This chain contributes'],
  'chain.shareOf': ['占{scope}的 {pct}%', '{pct}% of {scope}'],
  'chain.scopeProgress': ['{scope}进度', 'Progress of {scope}'],
  'chain.scope.Programme': ['全方案', 'the whole programme'],
  'chain.scope.Cluster': ['所属产业群', 'the cluster'],
  'chain.scope.Honour': ['全市', 'the city'],
});
