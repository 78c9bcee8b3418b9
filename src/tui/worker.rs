//! Quote ranking off the drawing thread. The worker takes the newest query (older ones still
//! queued are skipped), ranks, and posts the hits tagged with the query's generation; the app
//! drops results whose generation is no longer current, so typing never waits on a search.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use podium::search::{self, QuoteIndex};

use super::Msg;

pub struct SearchWorker {
    requests: Sender<(u64, String)>,
}

impl SearchWorker {
    pub fn spawn(index: Arc<QuoteIndex>, results: Sender<Msg>) -> std::io::Result<Self> {
        let (requests, inbox) = mpsc::channel::<(u64, String)>();
        thread::Builder::new()
            .name("podium-search".into())
            .spawn(move || serve(&index, &inbox, &results))?;
        Ok(SearchWorker { requests })
    }

    pub fn request(&self, generation: u64, query: String) {
        // A worker that has gone away only means no results; the screen stays usable.
        let _ = self.requests.send((generation, query));
    }
}

fn serve(index: &QuoteIndex, inbox: &Receiver<(u64, String)>, results: &Sender<Msg>) {
    while let Ok(mut request) = inbox.recv() {
        while let Ok(newer) = inbox.try_recv() {
            request = newer;
        }
        let (generation, query) = request;
        let hits = search::rank(index, &query, None);
        if results.send(Msg::Hits { generation, hits }).is_err() {
            return;
        }
    }
}
