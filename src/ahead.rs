//! Work one item ahead on a second thread.
//!
//! Segmenting words costs as much as jieba-rs's own cut, and repair costs
//! about as much again; done one after the other they halve the
//! throughput of `zhtidy --words`. With the chunks of a stream repaired on
//! a second core while the first segments and writes the chunk before, the
//! slower of the two sets the pace instead of their sum. The items are
//! read and consumed on the calling thread (a locked stdin cannot leave
//! it), in order; only `work` runs on the other.

use std::sync::mpsc::sync_channel;

/// Items handed to the worker before their results are consumed: one in
/// its hands and one waiting, so that it never idles.
const IN_FLIGHT: usize = 2;

/// Runs `work` on each item on a second thread and `consume` on each item
/// and its result on this one, in the items' order. An item that is an
/// error stops the run after the items before it are consumed; so does an
/// error from `consume`.
pub fn map_ahead<T, R, E>(
    items: impl Iterator<Item = Result<T, E>>,
    work: impl Fn(&T) -> R + Sync,
    mut consume: impl FnMut(T, R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Send,
    R: Send,
{
    std::thread::scope(|scope| {
        let (to_worker, inbox) = sync_channel::<T>(IN_FLIGHT);
        let (to_caller, results) = sync_channel::<(T, R)>(IN_FLIGHT);
        let work = &work;
        scope.spawn(move || {
            for item in inbox {
                let result = work(&item);
                if to_caller.send((item, result)).is_err() {
                    break;
                }
            }
        });
        let mut items = items;
        let mut pending = 0;
        let mut failed = None;
        loop {
            while failed.is_none() && pending < IN_FLIGHT {
                match items.next() {
                    Some(Ok(item)) => {
                        to_worker
                            .send(item)
                            .expect("the worker lives until its inbox closes");
                        pending += 1;
                    }
                    Some(Err(e)) => failed = Some(e),
                    None => break,
                }
            }
            if pending == 0 {
                break;
            }
            let (item, result) = results.recv().expect("the worker does not panic");
            pending -= 1;
            consume(item, result)?;
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
            |&n| n * n,
            |n, square| {
                seen.push((n, square));
                Ok(())
            },
        );
        assert_eq!(done, Ok(()));
        assert_eq!(seen, (0..100).map(|n| (n, n * n)).collect::<Vec<_>>());
    }

    #[test]
    fn an_error_item_stops_after_the_items_before_it() {
        let mut seen = Vec::new();
        let items = (0..10).map(|n| if n == 5 { Err("bad item") } else { Ok(n) });
        let done = map_ahead(
            items,
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
