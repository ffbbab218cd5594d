// Charts with the vendored ECharts (static/vendor/echarts), loaded only by the views that draw one.
// The graph views of later phases load Cytoscape.js the same way: loadScript('vendor/cytoscape/cytoscape.min.js').

const loaded = new Map();

/** Loads a vendored classic script once (from this server only). */
export function loadScript(src) {
  if (!loaded.has(src)) {
    loaded.set(
      src,
      new Promise((resolve, reject) => {
        const s = document.createElement('script');
        s.src = src;
        s.async = true;
        s.onload = () => resolve();
        s.onerror = () => {
          loaded.delete(src);
          reject(new Error('Could not load ' + src));
        };
        document.head.appendChild(s);
      })
    );
  }
  return loaded.get(src);
}

export function echarts() {
  return loadScript('vendor/echarts/echarts.min.js').then(() => window.echarts);
}

export function cytoscape() {
  return loadScript('vendor/cytoscape/cytoscape.min.js').then(() => window.cytoscape);
}

export const FONT =
  '"Microsoft YaHei", "微软雅黑", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

export const COLORS = { primary: '#1d4e89', accent: '#c8102e', muted: '#8a99ad', light: '#7fa3cf', warn: '#b45309', ok: '#2f7d32' };

/**
 * Draws an ECharts option into an element; returns a cleanup function for the router.
 * Animation is off: faster on office PCs, and the printed chart is the final one.
 */
export async function draw(el, option) {
  const ec = await echarts();
  if (!el.isConnected) return () => {};
  const chart = ec.init(el, null, { renderer: 'canvas' });
  chart.setOption(Object.assign({ animation: false, textStyle: { fontFamily: FONT } }, option));
  const onResize = () => chart.resize();
  window.addEventListener('resize', onResize);
  const beforePrint = () => chart.resize();
  window.addEventListener('beforeprint', beforePrint);
  return () => {
    window.removeEventListener('resize', onResize);
    window.removeEventListener('beforeprint', beforePrint);
    chart.dispose();
  };
}
