//! Quote ranking off the drawing thread. The worker takes the newest query (older ones still
//! queued are skipped), scores the index in batches and, between batches, gives up as soon as
//! a newer query arrives. It posts a snapshot of the best hits whenever a frame's worth of time
//! has passed, so the first screenful shows before a large library is fully ranked, and a
//! final one when done. A query that extends the previous one scores only its matches. Hits
//! come without match positions; the panel lights the rows it draws.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::{Duration, Instant};

use podium::search::{self, Query, QuoteIndex, Scope};

use super::Msg;

/// Hits kept (with match positions) for the panel; the count covers every match.
pub const SHOWN: usize = 1000;
/// Quotes scored between checks for a newer query.
const BATCH: usize = 32_768;
/// How often a partial snapshot may be posted.
const SNAPSHOT_EVERY: Duration = Duration::from_millis(30);

pub struct SearchWorker {
    /// Tags this worker's results, so a session's and a library's never mix.
    pub id: u64,
    requests: Sender<(u64, String)>,
    latest: Arc<AtomicU64>,
}

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

impl SearchWorker {
    pub fn spawn(index: Arc<QuoteIndex>, results: Sender<Msg>) -> std::io::Result<Self> {
        let (requests, inbox) = mpsc::channel::<(u64, String)>();
        let latest = Arc::new(AtomicU64::new(0));
        let seen = latest.clone();
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        thread::Builder::new()
            .name("podium-search".into())
            .spawn(move || serve(id, &index, &inbox, &results, &seen))?;
        Ok(SearchWorker {
            id,
            requests,
            latest,
        })
    }

    pub fn request(&self, generation: u64, query: String) {
        self.latest.store(generation, Ordering::SeqCst);
        // A worker that has gone away only means no results; the screen stays usable.
        let _ = self.requests.send((generation, query));
    }
}

/// The last completed search, to narrow from.
struct Previous {
    query: Query,
    ids: Vec<u32>,
}

fn serve(
    worker: u64,
    index: &QuoteIndex,
    inbox: &Receiver<(u64, String)>,
    results: &Sender<Msg>,
    latest: &AtomicU64,
) {
    let all: Vec<u32> = (0..index.len() as u32).collect();
    let mut previous: Option<Previous> = None;
    while let Ok(mut request) = inbox.recv() {
        while let Ok(newer) = inbox.try_recv() {
            request = newer;
        }
        let (generation, text) = request;
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
        let query = Query::new(&text);
        let candidates: &[u32] = match &previous {
            Some(p) if query.narrows(&p.query) => &p.ids,
            _ => &all,
        };
        let mut found: Vec<(i64, u32)> = Vec::new();
        let mut last_post = Instant::now();
        let mut cancelled = false;
        for batch in candidates.chunks(BATCH) {
            if latest.load(Ordering::SeqCst) != generation {
                cancelled = true;
                break;
            }
            found.extend(search::matches(
                index,
                &query,
                Scope {
                    speaker: None,
                    candidates: Some(batch),
                },
            ));
            if last_post.elapsed() >= SNAPSHOT_EVERY {
                last_post = Instant::now();
                let mut partial = found.clone();
                let hits = search::top_unlit(index, &query, &mut partial, SHOWN);
                let total = found.len();
                if !post(hits, total, false) {
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
        let hits = search::top_unlit(index, &query, &mut found, SHOWN);
        previous = (!query.is_empty()).then_some(Previous { query, ids });
        if !post(hits, total, true) {
            return;
        }
    }
}
