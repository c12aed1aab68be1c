//! A cache for one-off lookups over large user glossaries, in any format.
//!
//! Parsing a 10,000-concept TBX file takes hundreds of milliseconds, and even scanning
//! our own table folds some 90,000 terms, far above what one lookup may cost. So the
//! first lookup over a file reads it in full (validating it as always) and keeps an index
//! of it in the cache folder (see [`super::cache_index`]); later lookups read that index
//! while the file is unchanged.
//!
//! An index is used only when its first line names the file exactly as it is now:
//! canonical path, size, modification and status-change times in nanoseconds, inode and
//! device. Any write to the file changes its status-change time (which, unlike the
//! modification time, no tool can set back). File systems stamp times with a clock that
//! may tick coarsely, so a file changed within the same tick as an earlier write could
//! keep its times; a file is therefore cached only once both its times are `settle` old,
//! and only if nothing about it changed while it was read. The index is written
//! atomically, so a reader sees a whole index or none.

use super::lookup::Matcher;
use super::oneshot::Slots;
use super::{cache_index, Glossary};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Version of the cache file's layout: bump it when the index, the table rows it holds
/// or the first line change, so that older caches are ignored.
const LAYOUT: u32 = 2;

/// Where and how one-off lookups cache the glossaries they parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookupCache {
    dir: PathBuf,
    settle: Duration,
}

impl LookupCache {
    /// How old a file's times must be before it is cached (see the module note).
    pub const SETTLE: Duration = Duration::from_secs(2);

    /// A cache in `dir` (created when first written).
    pub fn in_dir(dir: impl Into<PathBuf>) -> LookupCache {
        LookupCache {
            dir: dir.into(),
            settle: LookupCache::SETTLE,
        }
    }

    /// The same cache, caching files once their times are `settle` old.
    pub fn settling_after(self, settle: Duration) -> LookupCache {
        LookupCache { settle, ..self }
    }

    /// The user's cache: `$WIREALIGN_CACHE_DIR` (empty: no cache), else
    /// `$XDG_CACHE_HOME/wirealign`, else `~/.cache/wirealign`.
    pub fn from_env() -> Option<LookupCache> {
        let var = |name| std::env::var_os(name).filter(|v| !v.is_empty());
        if let Some(dir) = std::env::var_os("WIREALIGN_CACHE_DIR") {
            return (!dir.is_empty()).then(|| LookupCache::in_dir(dir));
        }
        let base = var("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .or_else(|| var("HOME").map(|home| Path::new(&home).join(".cache")))?;
        Some(LookupCache::in_dir(base.join("wirealign")))
    }

    /// Where the index of `source` goes: one file per source path.
    fn index_path(&self, source: &Path) -> PathBuf {
        let name = source.as_os_str().as_encoded_bytes();
        self.dir.join(format!("glossary-{:016x}.idx", fnv1a(name)))
    }

    /// The cache file for `path` and the first line it must start with, when `path`
    /// can be identified (else there is no caching).
    pub(super) fn entry(&self, path: &Path) -> Option<Entry> {
        let source = std::fs::canonicalize(path).ok()?;
        let stamp = Stamp::of(&source)?;
        Some(Entry {
            index: self.index_path(&source),
            first_line: stamp.line(&source),
            stamp,
            source,
        })
    }

    /// The slots of `entry`'s glossary for `matcher`, from its cached index, when there
    /// is one that stands for the file as it is now. A missing, stale, damaged or
    /// foreign index is only a miss.
    pub(super) fn slots_for_query(
        &self,
        entry: &Entry,
        matcher: &mut Matcher<'_>,
    ) -> Option<Slots> {
        let file = std::fs::File::open(&entry.index).ok()?;
        let mut first_line = vec![0u8; entry.first_line.len() + 1];
        (&file).read_exact(&mut first_line).ok()?;
        if first_line.strip_suffix(b"\n")? != entry.first_line.as_bytes() {
            return None;
        }
        cache_index::slots_for_query(&file, first_line.len() as u64, matcher)
    }

    /// True when a glossary read now from `entry`'s file would be cached: its times
    /// have settled and the cache folder takes files (else a lookup that reads the file
    /// in full to index it would do so every time, for nothing).
    pub(super) fn would_store(&self, entry: &Entry) -> bool {
        entry.stamp.settled(self.settle)
            && std::fs::create_dir_all(&self.dir).is_ok()
            && tempfile::tempfile_in(&self.dir).is_ok()
    }

    /// Writes the index of `glossary`, just read from `entry`'s file, when the file has
    /// settled and did not change while it was read. Best effort: a cache that cannot be
    /// written only means the next lookup reads the file again.
    pub(super) fn store(&self, entry: &Entry, glossary: &Glossary) {
        let unchanged = Stamp::of(&entry.source).as_ref() == Some(&entry.stamp);
        if !unchanged || !entry.stamp.settled(self.settle) {
            return;
        }
        let Some(index) = cache_index::encode(glossary) else {
            return;
        };
        let mut bytes = Vec::with_capacity(entry.first_line.len() + 1 + index.len());
        bytes.extend_from_slice(entry.first_line.as_bytes());
        bytes.push(b'\n');
        bytes.extend_from_slice(&index);
        if std::fs::create_dir_all(&self.dir).is_ok() {
            let _ = crate::fsutil::write_atomic(&entry.index, &bytes);
            self.prune(&entry.index);
        }
    }

    /// Removes the indexes not rewritten for `STALE_AFTER` (their glossary was moved,
    /// deleted or left unchanged that long; at worst its next lookup indexes it again), so
    /// the folder does not grow with every glossary ever looked up. Best effort.
    fn prune(&self, keep: &Path) {
        let Ok(files) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let now = SystemTime::now();
        for file in files.flatten() {
            let path = file.path();
            let name = file.file_name();
            let name = name.to_string_lossy();
            if path == keep || !name.starts_with("glossary-") || !name.ends_with(".idx") {
                continue;
            }
            let modified = file.metadata().and_then(|m| m.modified());
            let stale = modified
                .ok()
                .and_then(|m| now.duration_since(m).ok())
                .is_some_and(|age| age > STALE_AFTER);
            if stale {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
}

/// Age after which an index that was not rewritten is removed.
const STALE_AFTER: Duration = Duration::from_secs(90 * 24 * 60 * 60);

/// The cache entry of one source file, as it is now.
pub(super) struct Entry {
    /// The cache file: the first line, then the index.
    pub(super) index: PathBuf,
    /// What the cache file's first line must be for its index to stand for the file.
    pub(super) first_line: String,
    stamp: Stamp,
    source: PathBuf,
}

/// What identifies a version of a file without reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Duration,
    changed: Duration,
    inode: u64,
    device: u64,
}

impl Stamp {
    #[cfg(unix)]
    fn of(path: &Path) -> Option<Stamp> {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::metadata(path).ok()?;
        let time = |secs: i64, nanos: i64| {
            Some(Duration::new(
                u64::try_from(secs).ok()?,
                u32::try_from(nanos).ok()?,
            ))
        };
        Some(Stamp {
            len: meta.len(),
            modified: time(meta.mtime(), meta.mtime_nsec())?,
            changed: time(meta.ctime(), meta.ctime_nsec())?,
            inode: meta.ino(),
            device: meta.dev(),
        })
    }

    /// Without a status-change time a rewrite that restores the modification time
    /// cannot be told apart: no caching.
    #[cfg(not(unix))]
    fn of(_path: &Path) -> Option<Stamp> {
        None
    }

    fn settled(&self, settle: Duration) -> bool {
        let Ok(now) = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH) else {
            return false;
        };
        self.modified.max(self.changed) + settle <= now
    }

    fn line(&self, source: &Path) -> String {
        format!(
            "wirealign lookup cache {LAYOUT} {}\t{:?}\t{}\t{}.{:09}\t{}.{:09}\t{}\t{}",
            env!("CARGO_PKG_VERSION"),
            source,
            self.len,
            self.modified.as_secs(),
            self.modified.subsec_nanos(),
            self.changed.as_secs(),
            self.changed.subsec_nanos(),
            self.inode,
            self.device
        )
    }
}

/// FNV-1a, for a stable file name per source path (the first line is what is trusted).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::{generated, Format};

    /// Every field of every hit of a one-off lookup with `cache`.
    fn lookup(paths: &[PathBuf], query: &str, cache: &LookupCache) -> crate::Result<String> {
        let glossary = Glossary::with_user_files_for_query(paths, query, Some(cache))?;
        Ok(format!("{:#?}", glossary.lookup(query, 10)))
    }

    fn full(paths: &[PathBuf], query: &str) -> String {
        let glossary = Glossary::with_user_files(paths).unwrap();
        format!("{:#?}", glossary.lookup(query, 10))
    }

    fn cache_in(dir: &Path) -> LookupCache {
        LookupCache::in_dir(dir.join("cache")).settling_after(Duration::ZERO)
    }

    #[test]
    fn cached_lookups_equal_the_full_load() {
        let glossary = generated::glossary(40);
        let queries = generated::queries(&glossary, 30);
        let dir = tempfile::tempdir().unwrap();
        let cache = cache_in(dir.path());
        for (name, format) in [
            ("g.tbx", Format::Tbx),
            ("g.csv", Format::Csv),
            ("g.tbx3", Format::Tbx3),
            ("g.tsv", Format::Table),
            ("g.txt", Format::OmegatTsv),
        ] {
            let path = dir.path().join(name);
            std::fs::write(&path, glossary.to_format(format)).unwrap();
            let paths = [path.clone()];
            let table = cache.entry(&path).unwrap().index;
            for query in &queries {
                // The first lookup parses the file and caches it, the others read the cache.
                assert_eq!(lookup(&paths, query, &cache).unwrap(), full(&paths, query));
                assert!(table.exists(), "{name} was not cached");
            }
        }
    }

    #[test]
    fn a_changed_file_is_read_again_even_with_its_old_size_and_time() {
        let dir = tempfile::tempdir().unwrap();
        let cache = cache_in(dir.path());
        let path = dir.path().join("g.tbx");
        let paths = [path.clone()];
        let before = Glossary::from_concepts(vec![super::super::Concept::new(
            "a",
            "Brigade alpha",
            "Alpha brigade",
        )])
        .unwrap();
        std::fs::write(&path, before.to_format(Format::Tbx)).unwrap();
        let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
        assert!(lookup(&paths, "alpha", &cache)
            .unwrap()
            .contains("Brigade alpha"));
        assert!(cache.entry(&path).unwrap().index.exists());

        // Same size, same modification time, other content: only the status-change
        // time tells, once the clock has moved on.
        std::thread::sleep(Duration::from_millis(50));
        let after = before.to_format(Format::Tbx).replace("alpha", "gamma");
        std::fs::write(&path, after).unwrap();
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(modified).unwrap();
        drop(file);
        assert_eq!(
            std::fs::metadata(&path).unwrap().modified().unwrap(),
            modified
        );
        let found = lookup(&paths, "gamma", &cache).unwrap();
        assert!(found.contains("Brigade gamma"), "{found}");
        assert_eq!(
            lookup(&paths, "alpha", &cache).unwrap(),
            full(&paths, "alpha")
        );

        // A file made malformed is refused, not answered from the cache.
        std::fs::write(&path, "<martif><text><body>\n<termEntry>").unwrap();
        let err = lookup(&paths, "gamma", &cache).unwrap_err().to_string();
        assert!(err.starts_with(&format!("{}:", path.display())), "{err}");
    }

    #[test]
    fn our_own_table_is_cached_too() {
        let dir = tempfile::tempdir().unwrap();
        let cache = cache_in(dir.path());
        let mut concept = super::super::Concept::new("a", "Brigade alpha", "Alpha brigade");
        concept.fr.variants = vec!["alpha|bravo".into(), "back\\slash".into()];
        concept.note = "two\nlines\tand a tab".into();
        let glossary = Glossary::from_concepts(vec![concept]).unwrap();
        let plain = generated::glossary(5);
        for (name, glossary) in [("escaped.tsv", &glossary), ("plain.tsv", &plain)] {
            let path = dir.path().join(name);
            std::fs::write(&path, glossary.to_format(Format::Table)).unwrap();
            let paths = [path.clone()];
            for query in ["alpha", "bravo", "back slash", "alpah"] {
                assert_eq!(lookup(&paths, query, &cache).unwrap(), full(&paths, query));
                assert!(cache.entry(&path).unwrap().index.exists(), "{name}");
            }
        }
    }

    #[test]
    fn cached_files_that_replace_concepts_merge_as_the_full_load_does() {
        use super::super::Concept;
        let dir = tempfile::tempdir().unwrap();
        let cache = cache_in(dir.path());
        let generated = generated::glossary(30);
        let with = |extra: Vec<Concept>| {
            let mut concepts = extra;
            concepts.extend(generated.iter().cloned());
            Glossary::from_concepts(concepts).unwrap()
        };
        // A built-in id, a built-in French term, a French term twice in one file.
        let by_id = with(vec![Concept::new(
            "wagner",
            "groupe Wagner bis",
            "Wagner bis",
        )]);
        let by_french = with(vec![Concept::new(
            "mine",
            "opération Barkhane",
            "Op Barkhane",
        )]);
        let twice = with(vec![
            Concept::new("zz1", "Union sahélienne", "Sahelian union"),
            Concept::new("zz2", "union sahelienne", "Sahel Union"),
        ]);
        let mut files = Vec::new();
        for (name, glossary) in [
            ("id.tsv", &by_id),
            ("fr.csv", &by_french),
            ("twice.tbx", &twice),
        ] {
            let path = dir.path().join(name);
            let format = match name {
                "id.tsv" => Format::Table,
                "fr.csv" => Format::Csv,
                _ => Format::Tbx,
            };
            std::fs::write(&path, glossary.to_format(format)).unwrap();
            files.push(path);
        }
        let mut queries = generated::queries(&generated, 10);
        queries.extend(["wagner", "Wagnr", "barkhane", "union sahelienne"].map(String::from));
        let mut file_sets: Vec<Vec<PathBuf>> = files.iter().map(|f| vec![f.clone()]).collect();
        file_sets.push(files.clone());
        file_sets.push(files.iter().rev().cloned().collect());
        for paths in &file_sets {
            for query in &queries {
                // Once to index the files, once from the index.
                for _ in 0..2 {
                    assert_eq!(
                        lookup(paths, query, &cache).unwrap(),
                        full(paths, query),
                        "{query:?} in {paths:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn indexes_not_rewritten_for_months_are_removed_when_another_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let cache = LookupCache::in_dir(dir.path().join("cache")).settling_after(Duration::ZERO);
        std::fs::create_dir_all(dir.path().join("cache")).unwrap();
        let old = dir.path().join("cache/glossary-0000000000000001.idx");
        let recent = dir.path().join("cache/glossary-0000000000000002.idx");
        let other = dir.path().join("cache/notes.txt");
        for file in [&old, &recent, &other] {
            std::fs::write(file, "x").unwrap();
        }
        let long_ago = SystemTime::now() - STALE_AFTER - Duration::from_secs(60);
        for file in [&old, &other] {
            let handle = std::fs::File::options().write(true).open(file).unwrap();
            handle.set_modified(long_ago).unwrap();
        }
        let path = dir.path().join("g.csv");
        std::fs::write(&path, generated::glossary(5).to_format(Format::Csv)).unwrap();
        std::thread::sleep(Duration::from_millis(20));
        let paths = [path.clone()];
        assert_eq!(lookup(&paths, "ba", &cache).unwrap(), full(&paths, "ba"));
        assert!(cache.entry(&path).unwrap().index.exists());
        assert!(!old.exists());
        assert!(recent.exists() && other.exists());
    }

    #[test]
    fn a_recent_file_is_not_cached() {
        let dir = tempfile::tempdir().unwrap();
        let cache = LookupCache::in_dir(dir.path().join("cache"));
        let path = dir.path().join("g.csv");
        std::fs::write(&path, generated::glossary(5).to_format(Format::Csv)).unwrap();
        let paths = [path.clone()];
        assert_eq!(lookup(&paths, "ba", &cache).unwrap(), full(&paths, "ba"));
        assert!(!cache.entry(&path).unwrap().index.exists());
    }

    #[test]
    fn a_cache_folder_that_cannot_be_written_only_means_no_cache() {
        let dir = tempfile::tempdir().unwrap();
        let not_a_folder = dir.path().join("cache");
        std::fs::write(&not_a_folder, "a file").unwrap();
        let cache = LookupCache::in_dir(&not_a_folder).settling_after(Duration::ZERO);
        assert!(cache.entry(&not_a_folder).is_some());
        for (name, format) in [("g.tsv", Format::Table), ("g.csv", Format::Csv)] {
            let path = dir.path().join(name);
            std::fs::write(&path, generated::glossary(5).to_format(format)).unwrap();
            let entry = cache.entry(&path).unwrap();
            assert!(!cache.would_store(&entry), "{name}");
            let paths = [path.clone()];
            assert_eq!(lookup(&paths, "ba", &cache).unwrap(), full(&paths, "ba"));
        }
    }

    #[test]
    fn a_damaged_or_foreign_cache_file_is_ignored() {
        let glossary = generated::glossary(20);
        let query = &generated::queries(&glossary, 9)[8];
        let dir = tempfile::tempdir().unwrap();
        let cache = cache_in(dir.path());
        let (one, other) = (dir.path().join("one.tbx"), dir.path().join("other.tbx"));
        std::fs::write(&one, glossary.to_format(Format::Tbx)).unwrap();
        std::fs::write(&other, generated::glossary(3).to_format(Format::Tbx)).unwrap();
        let ones = [one.clone()];
        let expected = full(&ones, query);
        let entry = cache.entry(&one).unwrap();
        // A whole index of `one`, to damage, and the index of `other`.
        assert_eq!(lookup(&ones, query, &cache).unwrap(), expected);
        let whole = std::fs::read(&entry.index).unwrap();
        lookup(std::slice::from_ref(&other), query, &cache).unwrap();
        let foreign = std::fs::read(cache.entry(&other).unwrap().index).unwrap();
        let header_at = entry.first_line.len() + 1;
        let mut damaged = vec![
            b"garbage".to_vec(),
            Vec::new(),
            foreign,
            format!("{}\nid\tfr\ten\n", entry.first_line).into_bytes(),
            [whole.as_slice(), b"\0"].concat(),
        ];
        for cut in [header_at, header_at + 30, whole.len() / 2, whole.len() - 1] {
            damaged.push(whole[..cut].to_vec());
        }
        // The magic, each count and the flags, and the first concept's id length.
        for at in [0, 8, 16, 24, 32, 40, 48, 56, cache_index::HEADER_LEN] {
            let mut bytes = whole.clone();
            bytes[header_at + at] ^= 2;
            damaged.push(bytes);
        }
        // Counts far beyond the file, which a reader must not trust to reserve memory.
        for at in [8, 16, 24] {
            let mut bytes = whole.clone();
            bytes[header_at + at..header_at + at + 8].copy_from_slice(&(1u64 << 40).to_le_bytes());
            damaged.push(bytes);
        }
        for bytes in damaged {
            std::fs::write(&entry.index, &bytes).unwrap();
            assert_eq!(lookup(&ones, query, &cache).unwrap(), expected);
            // ... and the index is written afresh.
            assert_eq!(std::fs::read(&entry.index).unwrap(), whole);
            assert_eq!(lookup(&ones, query, &cache).unwrap(), expected);
        }
    }
}
