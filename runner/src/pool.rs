//! The one worker pool of the batch commands (`verify`, `dev check`): items
//! handed out one at a time to a fixed number of threads, so that a slow
//! item never holds up the ones behind it.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Calls `work` on each of `items`, `jobs` at a time (at least one, never
/// more threads than items). Each thread first makes its own state with
/// `init`. Once `stop` says so, items not yet started are skipped. Returns
/// the results in the order they finished.
pub(crate) fn run<T, S, R>(
    items: &[T],
    jobs: usize,
    init: impl Fn() -> S + Sync,
    stop: impl Fn() -> bool + Sync,
    work: impl Fn(&S, &T) -> R + Sync,
) -> Vec<R>
where
    T: Sync,
    R: Send,
{
    let next = AtomicUsize::new(0);
    let results = Mutex::new(Vec::with_capacity(items.len()));
    std::thread::scope(|s| {
        for _ in 0..jobs.clamp(1, items.len().max(1)) {
            s.spawn(|| {
                let state = init();
                loop {
                    let k = next.fetch_add(1, Ordering::SeqCst);
                    let Some(item) = items.get(k) else { break };
                    if stop() {
                        break;
                    }
                    let r = work(&state, item);
                    results.lock().unwrap_or_else(|e| e.into_inner()).push(r);
                }
            });
        }
    });
    results.into_inner().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

    #[test]
    fn every_item_is_worked_once_and_a_stop_skips_the_rest() {
        let items: Vec<usize> = (0..100).collect();
        let mut got = super::run(&items, 4, || (), || false, |(), i| i * 2);
        got.sort_unstable();
        assert_eq!(got, (0..100).map(|i| i * 2).collect::<Vec<_>>());

        let stopped = AtomicBool::new(false);
        let done = AtomicUsize::new(0);
        let got = super::run(
            &items,
            2,
            || (),
            || stopped.load(Ordering::SeqCst),
            |(), _| {
                if done.fetch_add(1, Ordering::SeqCst) == 9 {
                    stopped.store(true, Ordering::SeqCst);
                }
            },
        );
        assert!(got.len() < 100 && got.len() >= 10, "{}", got.len());
        assert!(super::run(&[] as &[u8], 8, || (), || false, |(), _| ()).is_empty());
    }
}
