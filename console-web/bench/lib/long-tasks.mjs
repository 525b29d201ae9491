// Main-thread responsiveness in Chromium: PerformanceObserver('longtask') entries (tasks over
// 50 ms), animation frames, and the DevTools TaskDuration/ScriptDuration counters (every task,
// short ones too, so an idle page still gives a baseline), over a window after the page settled.

// Runs in the page before any of its scripts.
export const OBSERVER_SCRIPT = `
  window.__bench = { frames: 0, tasks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const frame = () => { window.__bench.frames++; requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
`;

async function devtools(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const pick = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { script: pick('ScriptDuration') * 1000, task: pick('TaskDuration') * 1000 };
}

export async function measure(page, cdp, seconds) {
  const d0 = await devtools(cdp);
  const t0 = await page.evaluate(() => {
    window.__bench.tasks = [];
    window.__bench.frames = 0;
    return performance.now();
  });
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const { frames, tasks, t1 } = await page.evaluate(() => ({
    frames: window.__bench.frames,
    t1: performance.now(),
    tasks: window.__bench.tasks,
  }));
  const d1 = await devtools(cdp);
  const inWindow = tasks.filter(([start]) => start >= t0);
  const total = inWindow.reduce((sum, [, d]) => sum + d, 0);
  const windowMs = t1 - t0;
  return {
    busyPct: (100 * total) / windowMs,
    count: inWindow.length,
    fps: (frames * 1000) / windowMs,
    maxMs: inWindow.reduce((max, [, d]) => Math.max(max, d), 0),
    scriptMs: d1.script - d0.script,
    taskMs: d1.task - d0.task,
    taskPct: (100 * (d1.task - d0.task)) / windowMs,
    totalMs: total,
  };
}
