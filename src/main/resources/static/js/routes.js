// Every page of the app: a route (the URL after #) and the view module that renders it.
// Later phases add their views here and their menu entries in NAV, e.g.
//   define('/chains', () => import('./views/chains.js'));            NAV: { href: '#/chains', label: 'nav.chains', match: /^\/chains/ }
//   define('/chains/:name', () => import('./views/chain.js'));
//   define('/enterprises', ...), define('/enterprises/:id', ...), define('/search', ...)  (→ /api/search),
//   define('/gaps', ...), define('/reports', ...), define('/cypher', ...)
// Until a route is defined, links to it render as plain text (components.entityLink) and it stays out of the menu.
import { define } from './router.js';

define('/', () => import('./views/home.js'));
define('/departments', () => import('./views/matrix.js'));
define('/departments/:name', () => import('./views/department.js'));
define('/tasks', () => import('./views/tasks.js'));
define('/tasks/:no', () => import('./views/task.js'));
define('/indicators', () => import('./views/indicators.js'));
define('/indicators/:id', () => import('./views/indicator.js'));
define('/towns', () => import('./views/towns.js'));
define('/towns/:name', () => import('./views/town.js'));
define('/consistency', () => import('./views/consistency.js'));
// phase 2
define('/chains', () => import('./views/chains.js'));
define('/chains/:name', () => import('./views/chain.js'));
define('/gaps', () => import('./views/gaps.js'));
define('/enterprises', () => import('./views/enterprises.js'));
define('/enterprises/:id', () => import('./views/enterprise.js'));
define('/search', () => import('./views/search.js'));
define('/explore', () => import('./views/explore.js'));
define('/explore/:kind/:id', () => import('./views/explore.js'));
define('/reports', () => import('./views/reports.js'));
define('/reports/:name', () => import('./views/report.js'));
define('/console', () => import('./views/console.js'));
// issue 13: uploads
define('/upload', () => import('./views/upload.js'));
// people (issue 13)
define('/account', () => import('./views/account.js'));
define('/audit', () => import('./views/audit.js'));
// the 招商 pipeline (issue 17)
define('/pipeline', () => import('./views/pipeline.js'));
define('/pipeline/:name', () => import('./views/pipeline.js').then((m) => ({ default: m.boardView })));
define('/leads/:id', () => import('./views/pipeline.js').then((m) => ({ default: m.leadView })));
// issue 15: backups (admin)
define('/backup', () => import('./views/backup.js'));
// carrying out the plan (issue 16)
define('/tracking', () => import('./views/tracking.js'));
define('/tracking/tasks/:no', () => import('./views/tracking-task.js'));
define('/tracking/indicators/:id', () => import('./views/tracking-indicator.js'));
define('/workspace', () => import('./views/workspace.js'));
define('/scorecards', () => import('./views/scorecards.js'));

/** The main menu, in order; `match` marks the entry as current for the routes below it. */
export const NAV = [
  { href: '#/', label: 'nav.home', match: /^\/$/ },
  { href: '#/departments', label: 'nav.responsibilities', match: /^\/departments/ },
  { href: '#/tasks', label: 'nav.tasks', match: /^\/tasks/ },
  { href: '#/indicators', label: 'nav.indicators', match: /^\/indicators/ },
  { href: '#/towns', label: 'nav.towns', match: /^\/towns/ },
  { href: '#/chains', label: 'nav.chains', match: /^\/chains/ },
  { href: '#/gaps', label: 'nav.gaps', match: /^\/gaps/ },
  { href: '#/enterprises', label: 'nav.enterprises', match: /^\/enterprises/ },
  { href: '#/consistency', label: 'nav.consistency', match: /^\/consistency/ },
  { href: '#/explore', label: 'nav.explore', match: /^\/explore/ },
  { href: '#/reports', label: 'nav.reports', match: /^\/reports/ },
  { href: '#/console', label: 'nav.console', match: /^\/console/ },
  { href: '#/upload', label: 'nav.upload', match: /^\/upload/ },
  { href: '#/pipeline', label: 'nav.pipeline', match: /^\/(pipeline|leads)/ },
  { href: '#/tracking', label: 'nav.tracking', match: /^\/tracking/ },
  { href: '#/workspace', label: 'nav.workspace', match: /^\/workspace/ },
  { href: '#/scorecards', label: 'nav.scorecards', match: /^\/scorecards/ },
];
