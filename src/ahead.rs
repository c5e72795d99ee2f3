//! Work items ahead on other threads, consuming the results in order.
//!
//! Repairing a stream is chunk by chunk, and the chunks are independent
//! (see [`crate::chunk`]): a filter that repairs one at a time leaves all
//! cores but one idle. Segmenting words costs as much as jieba-rs's own
//! cut, and repair about as much again; done one after the other they
//! halve the throughput of `zhtidy --words`. So the chunks of a stream are
//! repaired on worker threads while the calling thread segments and
//! writes the chunks before them, in order. The items are read and
//! consumed on the calling thread (a locked stdin cannot leave it); only
//! `work` runs on the workers.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::sync::mpsc::sync_channel;
use std::sync::Mutex;

/// Items handed to each worker before their results are consumed: one in
/// its hands and one waiting, so that it never idles.
const IN_FLIGHT_PER_WORKER: usize = 2;

/// Runs `work` on each item on `workers` threads (at least one) and
/// `consume` on each item and its result on this one, in the items' order.
/// An item that is an error stops the run after the items before it are
/// consumed; so does an error from `consume`. At most two items per worker
/// are in flight, so memory stays bounded whatever the input's length. A
/// panic in `work` is raised again on this thread when its item's turn
/// comes: the other workers would otherwise wait for items forever.
pub fn map_ahead<T, R, E>(
    items: impl Iterator<Item = Result<T, E>>,
    workers: usize,
    work: impl Fn(&T) -> R + Sync,
    mut consume: impl FnMut(T, R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Send,
    R: Send,
{
    let workers = workers.max(1);
    let in_flight = workers * IN_FLIGHT_PER_WORKER;
    let (to_workers, inbox) = sync_channel::<(usize, T)>(in_flight);
    let (to_caller, results) = sync_channel::<(usize, T, std::thread::Result<R>)>(in_flight);
    let inbox = Mutex::new(inbox);
    std::thread::scope(|scope| {
        // Owned by this closure, so that leaving it early (an error) hangs
        // up on the workers, who then stop, and the scope can join them.
        let (to_workers, results) = (to_workers, results);
        let (inbox, work) = (&inbox, &work);
        for _ in 0..workers {
            let to_caller = to_caller.clone();
            scope.spawn(move || loop {
                // The lock is held only to take an item, not while working.
                let next = inbox.lock().map(|inbox| inbox.recv());
                let Ok(Ok((seq, item))) = next else { break };
                let result = catch_unwind(AssertUnwindSafe(|| work(&item)));
                if to_caller.send((seq, item, result)).is_err() {
                    break;
                }
            });
        }
        drop(to_caller);
        let mut items = items;
        let (mut sent, mut next) = (0, 0);
        // Results that came back before an earlier item's.
        let mut early = BTreeMap::new();
        let mut failed = None;
        loop {
            while failed.is_none() && sent - next < in_flight {
                match items.next() {
                    Some(Ok(item)) => {
                        to_workers
                            .send((sent, item))
                            .expect("the workers live until their inbox closes");
                        sent += 1;
                    }
                    Some(Err(e)) => failed = Some(e),
                    None => break,
                }
            }
            if next == sent {
                break;
            }
            let (item, result) = loop {
                if let Some(done) = early.remove(&next) {
                    break done;
                }
                let (seq, item, result) = results
                    .recv()
                    .expect("the workers answer every item they take");
                early.insert(seq, (item, result));
            };
            next += 1;
            consume(item, result.unwrap_or_else(|panic| resume_unwind(panic)))?;
        }
        failed.map_or(Ok(()), Err)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_order_and_all() {
        let mut seen = Vec::new();
        let done: Result<(), ()> = map_ahead(
            (0..100).map(Ok),
            3,
            |&n| {
                // Some items take longer, so that results come back out of
                // order from the workers.
                if n % 5 == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(2));
                }
                n * n
            },
            |n, square| {
                seen.push((n, square));
                Ok(())
            },
        );
        assert_eq!(done, Ok(()));
        assert_eq!(seen, (0..100).map(|n| (n, n * n)).collect::<Vec<_>>());
    }

    #[test]
    fn a_panic_in_a_worker_reaches_the_caller() {
        let run = std::panic::catch_unwind(|| {
            map_ahead(
                (0..100).map(Ok::<_, ()>),
                2,
                |&n| {
                    assert_ne!(n, 7, "item 7 fails");
                    n
                },
                |_, _| Ok(()),
            )
        });
        assert!(run.is_err(), "the panic did not reach the caller");
    }

    #[test]
    fn an_error_item_stops_after_the_items_before_it() {
        let mut seen = Vec::new();
        let items = (0..10).map(|n| if n == 5 { Err("bad item") } else { Ok(n) });
        let done = map_ahead(
            items,
            2,
            |&n| n + 1,
            |n, _| {
                seen.push(n);
                Ok(())
            },
        );
        assert_eq!(done, Err("bad item"));
        assert_eq!(seen, [0, 1, 2, 3, 4]);
    }

    #[test]
    fn an_error_from_consume_stops_the_run() {
        let mut seen = Vec::new();
        let done = map_ahead(
            (0..1000).map(Ok),
            2,
            |&n| n,
            |n, _| {
                seen.push(n);
                if n == 3 {
                    Err("consumer failed")
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(done, Err("consumer failed"));
        assert_eq!(seen, [0, 1, 2, 3]);
    }
}
