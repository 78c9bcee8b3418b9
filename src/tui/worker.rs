//! Quote ranking off the drawing thread. The worker takes the newest query (older ones still
//! queued are skipped), scores the index in batches and, between batches, gives up as soon as
//! a newer query arrives. It posts a snapshot of the best hits whenever a frame's worth of time
//! has passed, so the first screenful shows before a large library is fully ranked, and a
//! final one when done. A query that extends the previous one scores only its matches. Hits
//! come without match positions; the panel lights the rows it draws.
//!
//! Each request names the index it is for: a session whose speakers were renamed or merged, or
//! a library that has loaded more sessions, sends its new index with the next query, and the
//! worker never narrows from results of an older index.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::{Duration, Instant};

use podium::search::{self, Query, QuoteIndex, Scope};

use super::Msg;

/// Hits kept for the panel; the count covers every match.
pub const SHOWN: usize = 1000;

/// How the worker paces itself.
pub struct Tuning {
    /// Quotes scored between checks for a newer query.
    pub batch: usize,
    /// How often a partial snapshot may be posted.
    pub snapshot_every: Duration,
    /// Tests single-step the worker: it takes one value before each batch.
    #[cfg(test)]
    pub step: Option<Receiver<()>>,
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning {
            batch: 32_768,
            snapshot_every: Duration::from_millis(30),
            #[cfg(test)]
            step: None,
        }
    }
}

/// One query, with the index to search when it differs from the last one sent.
struct Request {
    generation: u64,
    query: String,
    index: Option<Arc<QuoteIndex>>,
}

pub struct SearchWorker {
    /// Tags this worker's results, so a session's and a library's never mix.
    pub id: u64,
    requests: Sender<Request>,
    latest: Arc<AtomicU64>,
    /// The index the worker has, to send a new one only when it changed.
    sent: Option<Arc<QuoteIndex>>,
}

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

impl SearchWorker {
    pub fn spawn(results: Sender<Msg>) -> std::io::Result<Self> {
        Self::spawn_tuned(results, Tuning::default())
    }

    pub fn spawn_tuned(results: Sender<Msg>, tuning: Tuning) -> std::io::Result<Self> {
        let (requests, inbox) = mpsc::channel::<Request>();
        let latest = Arc::new(AtomicU64::new(0));
        let seen = latest.clone();
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        thread::Builder::new()
            .name("podium-search".into())
            .spawn(move || serve(id, &inbox, &results, &seen, &tuning))?;
        Ok(SearchWorker {
            id,
            requests,
            latest,
            sent: None,
        })
    }

    /// Asks for `query` ranked over `index`; results come back tagged with `generation`.
    pub fn request(&mut self, generation: u64, query: String, index: &Arc<QuoteIndex>) {
        let index = match &self.sent {
            Some(sent) if Arc::ptr_eq(sent, index) => None,
            _ => {
                self.sent = Some(index.clone());
                Some(index.clone())
            }
        };
        self.latest.store(generation, Ordering::SeqCst);
        // A worker that has gone away only means no results; the screen stays usable.
        let _ = self.requests.send(Request {
            generation,
            query,
            index,
        });
    }
}

/// The last completed search, to narrow from.
struct Previous {
    query: Query,
    ids: Vec<u32>,
}

fn serve(
    worker: u64,
    inbox: &Receiver<Request>,
    results: &Sender<Msg>,
    latest: &AtomicU64,
    tuning: &Tuning,
) {
    let mut index = Arc::new(QuoteIndex::default());
    let mut all: Vec<u32> = Vec::new();
    let mut previous: Option<Previous> = None;
    while let Ok(mut request) = inbox.recv() {
        // Skip to the newest query, keeping the newest index any skipped request carried.
        let mut new_index = request.index.take();
        while let Ok(mut newer) = inbox.try_recv() {
            new_index = newer.index.take().or(new_index);
            request = newer;
        }
        if let Some(fresh) = new_index {
            index = fresh;
            all = (0..index.len() as u32).collect();
            previous = None;
        }
        let generation = request.generation;
        // Posts a ranking; false once nobody listens any more.
        let post = |hits, total, done| {
            results
                .send(Msg::Hits {
                    worker,
                    generation,
                    hits,
                    total,
                    done,
                })
                .is_ok()
        };
        let query = Query::new(&request.query);
        let candidates: &[u32] = match &previous {
            Some(p) if query.narrows(&p.query) => &p.ids,
            _ => &all,
        };
        let mut found: Vec<search::Match> = Vec::new();
        let mut last_post = Instant::now();
        let mut cancelled = false;
        for batch in candidates.chunks(tuning.batch.max(1)) {
            #[cfg(test)]
            if let Some(step) = &tuning.step {
                let _ = step.recv();
            }
            if latest.load(Ordering::SeqCst) != generation {
                cancelled = true;
                break;
            }
            found.extend(search::matches(
                &index,
                &query,
                Scope {
                    speaker: None,
                    candidates: Some(batch),
                },
            ));
            if last_post.elapsed() >= tuning.snapshot_every {
                last_post = Instant::now();
                let mut partial = found.clone();
                let hits = search::top_unlit(&index, &query, &mut partial, SHOWN);
                if !post(hits, found.len(), false) {
                    return;
                }
            }
        }
        if cancelled {
            continue;
        }
        let mut ids: Vec<u32> = found.iter().map(|&(_, id)| id).collect();
        ids.sort_unstable();
        let total = found.len();
        let hits = search::top_unlit(&index, &query, &mut found, SHOWN);
        previous = (!query.is_empty()).then_some(Previous { query, ids });
        if !post(hits, total, true) {
            return;
        }
    }
}
