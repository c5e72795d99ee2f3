//! Timing one measurement: best and median wall time, and the best CPU
//! time of the measuring thread, over a few runs. The machines these run on
//! are shared, so CPU time is the figure to compare, and only as a ratio of
//! two measurements made in one run.

use std::hint::black_box;
use std::time::Instant;

/// The times of one measurement, in seconds.
#[derive(Clone, Copy)]
pub struct Measured {
    pub best: f64,
    pub median: f64,
    /// The least CPU time of the measuring thread in one run: unlike wall
    /// time, it does not grow while other processes hold the cores.
    pub best_cpu: Option<f64>,
}

/// CPU time of the calling thread so far, in seconds (Linux only).
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(stat.split_whitespace().next()?.parse::<f64>().ok()? / 1e9)
}

/// Best and median wall time, and best CPU time, of `repeat` runs of `f`.
pub fn measure<R>(repeat: usize, mut f: impl FnMut() -> R) -> Measured {
    let mut times = Vec::with_capacity(repeat.max(1));
    let mut best_cpu: Option<f64> = None;
    for _ in 0..repeat.max(1) {
        let cpu = thread_cpu_seconds();
        let t = Instant::now();
        black_box(f());
        times.push(t.elapsed().as_secs_f64());
        if let (Some(before), Some(after)) = (cpu, thread_cpu_seconds()) {
            best_cpu = Some(best_cpu.map_or(after - before, |b| b.min(after - before)));
        }
    }
    times.sort_by(f64::total_cmp);
    Measured {
        best: times[0],
        median: times[times.len() / 2],
        best_cpu,
    }
}

impl Measured {
    /// The cost to compare: the best CPU time where the system reports
    /// it, else the best wall time.
    pub fn cost(self) -> f64 {
        self.best_cpu.unwrap_or(self.best)
    }
}
