//! The `dict` table: compact and insertion-ordered. Entries live in a vector in insertion
//! order (deleted ones leave a hole until the next compaction); a `hashbrown::HashTable` maps
//! hashes to entry indices. Key equality is supplied by the caller because Python's `__eq__`
//! may run arbitrary code: the VM compares builtin keys inline and otherwise collects the
//! candidates first and compares them with no borrow of the table held.

use hashbrown::HashTable;

use crate::object::Value;

thread_local! {
    static VERSION_COUNTER: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A version number no dict of this thread has had: a dict's version identifies both the
/// dict and its set of keys, so caches can compare versions without keeping the dict.
fn next_version() -> u64 {
    VERSION_COUNTER.with(|c| {
        let v = c.get() + 1;
        c.set(v);
        v
    })
}

/// The bits hashbrown probes with. Python hashes of small ints are the ints themselves, so
/// their top bits (hashbrown's control tags) are all zero; multiplying by a large odd
/// constant spreads every input bit into the top ones.
#[inline]
fn spread(hash: i64) -> u64 {
    (hash as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// One key/value pair with the key's hash.
#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

/// The storage of a `dict`.
#[derive(Default, Clone)]
pub struct DictTable {
    indices: HashTable<usize>,
    entries: Vec<Option<Entry>>,
    len: usize,
    /// Bumped when a key is added or removed (caches of globals check it).
    version: u64,
}

impl DictTable {
    pub fn new() -> DictTable {
        DictTable::default()
    }

    pub fn with_capacity(n: usize) -> DictTable {
        DictTable {
            indices: HashTable::with_capacity(n),
            entries: Vec::with_capacity(n),
            len: 0,
            version: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn version(&self) -> u64 {
        self.version
    }

    /// Gives the table a version of its own (after cloning another table).
    pub fn renew_version(&mut self) {
        self.version = next_version();
    }

    /// Index of the entry whose key is the exact str `name` (no Python code runs).
    pub fn find_str(&self, hash: i64, name: &str) -> Option<usize> {
        self.find(hash, |k| k.as_str() == Some(name))
    }

    /// Index of the entry whose key satisfies `eq` among those with hash `hash`.
    pub fn find(&self, hash: i64, mut eq: impl FnMut(&Value) -> bool) -> Option<usize> {
        let entries = &self.entries;
        self.indices
            .find(spread(hash), |&i| match &entries[i] {
                Some(e) => e.hash == hash && eq(&e.key),
                None => false,
            })
            .copied()
    }

    /// Keys with hash `hash` (with their entry indices), for comparisons that may run
    /// Python code and so must happen with the table released.
    pub fn candidates(&self, hash: i64) -> Vec<(usize, Value)> {
        let mut out = Vec::new();
        for &i in self.indices.iter_hash(spread(hash)) {
            if let Some(e) = &self.entries[i]
                && e.hash == hash
            {
                out.push((i, e.key.clone()));
            }
        }
        out
    }

    /// The entry at `index`, if it is still live.
    pub fn entry(&self, index: usize) -> Option<&Entry> {
        self.entries.get(index).and_then(Option::as_ref)
    }

    /// Replaces the value of the live entry at `index`; returns the old value.
    pub fn set_value_at(&mut self, index: usize, value: Value) -> Option<Value> {
        match self.entries.get_mut(index) {
            Some(Some(e)) => Some(std::mem::replace(&mut e.value, value)),
            _ => None,
        }
    }

    /// Appends a new key (the caller checked it is absent).
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        let index = self.entries.len();
        self.entries.push(Some(Entry { hash, key, value }));
        let entries = &self.entries;
        self.indices
            .insert_unique(spread(hash), index, |&i| match &entries[i] {
                Some(e) => spread(e.hash),
                None => 0,
            });
        self.len += 1;
        self.version = next_version();
    }

    /// Removes the live entry at `index` and returns it.
    pub fn remove_at(&mut self, index: usize) -> Option<Entry> {
        let hash = self.entries.get(index)?.as_ref()?.hash;
        if let Ok(slot) = self.indices.find_entry(spread(hash), |&i| i == index) {
            slot.remove();
        }
        let entry = self.entries.get_mut(index)?.take();
        self.len -= 1;
        self.version = next_version();
        if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            self.compact();
        }
        entry
    }

    fn compact(&mut self) {
        let old = std::mem::take(&mut self.entries);
        self.indices.clear();
        for entry in old.into_iter().flatten() {
            let index = self.entries.len();
            let hash = entry.hash;
            self.entries.push(Some(entry));
            let entries = &self.entries;
            self.indices
                .insert_unique(spread(hash), index, |&i| match &entries[i] {
                    Some(e) => spread(e.hash),
                    None => 0,
                });
        }
    }

    /// Removes everything.
    pub fn clear(&mut self) {
        self.indices.clear();
        self.entries.clear();
        self.len = 0;
        self.version = next_version();
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().flatten()
    }

    /// The live entry at or after raw position `pos`, with the position after it; used by
    /// iterators, which remember a raw position.
    pub fn next_entry(&self, mut pos: usize) -> Option<(usize, &Entry)> {
        while pos < self.entries.len() {
            if let Some(e) = &self.entries[pos] {
                return Some((pos + 1, e));
            }
            pos += 1;
        }
        None
    }

    /// The last live entry's index (for `popitem`).
    pub fn last_index(&self) -> Option<usize> {
        self.entries.iter().rposition(Option::is_some)
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|e| e.key.clone()).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|e| e.value.clone()).collect()
    }

    pub fn items(&self) -> Vec<(Value, Value)> {
        self.iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect()
    }
}
