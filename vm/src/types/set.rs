//! The `set`/`frozenset` table, following CPython's own layout and probing (open
//! addressing, a run of linear probes then perturbed jumps, dummies on delete, the same
//! resize rule) so that iterating or printing a set gives CPython's order.

use crate::object::Value;

/// Linear probes tried before a perturbed jump (CPython's `LINEAR_PROBES`).
const LINEAR_PROBES: usize = 9;
/// CPython's `PERTURB_SHIFT`.
const PERTURB_SHIFT: u32 = 5;
/// Smallest table (CPython's `PySet_MINSIZE`).
const MIN_SIZE: usize = 8;

#[derive(Clone)]
enum Slot {
    Unused,
    Dummy,
    Active { hash: i64, key: Value },
}

/// The storage of a set.
#[derive(Clone)]
pub struct SetTable {
    table: Vec<Slot>,
    /// Active + dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where `pop()` resumes searching.
    finger: usize,
}

impl Default for SetTable {
    fn default() -> SetTable {
        SetTable::new()
    }
}

impl SetTable {
    pub fn new() -> SetTable {
        SetTable {
            table: vec![Slot::Unused; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Table size minus one (CPython's `mask`; the difference-update resize rule uses it).
    pub fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// Finds the slot of a key equal to `key` per `eq` (called only for equal hashes).
    pub fn find<E>(
        &self,
        hash: i64,
        eq: &mut dyn FnMut(&Value) -> Result<bool, E>,
    ) -> Result<Option<usize>, E> {
        let mask = self.mask();
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.table[j] {
                    Slot::Unused => return Ok(None),
                    Slot::Active { hash: h, key } if *h == hash && eq(key)? => {
                        return Ok(Some(j));
                    }
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Adds `key` unless an equal key is present; returns whether it was added.
    pub fn insert<E>(
        &mut self,
        hash: i64,
        key: Value,
        eq: &mut dyn FnMut(&Value) -> Result<bool, E>,
    ) -> Result<bool, E> {
        let mask = self.mask();
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        let mut free_slot: Option<usize> = None;
        let target = 'probe: loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.table[j] {
                    Slot::Unused => break 'probe j,
                    Slot::Active { hash: h, key: k } if *h == hash => {
                        if k.is(&key) || eq(k)? {
                            return Ok(false);
                        }
                    }
                    // CPython 3.13 reuses the *last* dummy seen on the probe path.
                    Slot::Dummy => free_slot = Some(j),
                    Slot::Active { .. } => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        };
        if let Some(slot) = free_slot {
            self.table[slot] = Slot::Active { hash, key };
            self.used += 1;
            return Ok(true);
        }
        self.table[target] = Slot::Active { hash, key };
        self.fill += 1;
        self.used += 1;
        if self.fill * 5 >= mask * 3 {
            let min_used = if self.used > 50000 {
                self.used * 2
            } else {
                self.used * 4
            };
            self.resize(min_used);
        }
        Ok(true)
    }

    /// Rebuilds the table with room for `min_used` keys, dropping dummies.
    pub fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::Unused; size]);
        self.fill = self.used;
        for slot in old {
            if let Slot::Active { hash, key } = slot {
                self.insert_clean(hash, key);
            }
        }
    }

    /// Inserts into a table known to hold no equal key and no dummies.
    fn insert_clean(&mut self, hash: i64, key: Value) {
        let mask = self.mask();
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                if matches!(self.table[j], Slot::Unused) {
                    self.table[j] = Slot::Active { hash, key };
                    return;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Removes the active slot `index`, leaving a dummy; returns its key.
    pub fn remove_slot(&mut self, index: usize) -> Option<Value> {
        match std::mem::replace(&mut self.table[index], Slot::Dummy) {
            Slot::Active { key, .. } => {
                self.used -= 1;
                Some(key)
            }
            other => {
                self.table[index] = other;
                None
            }
        }
    }

    /// Removes and returns an arbitrary key the way `set.pop()` does.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while !matches!(self.table[i], Slot::Active { .. }) {
            i = (i + 1) & mask;
        }
        self.finger = i + 1;
        self.remove_slot(i)
    }

    pub fn clear(&mut self) {
        *self = SetTable::new();
    }

    /// Active keys with their hashes, in table order.
    pub fn entries(&self) -> impl Iterator<Item = (i64, &Value)> {
        self.table.iter().filter_map(|slot| match slot {
            Slot::Active { hash, key } => Some((*hash, key)),
            _ => None,
        })
    }

    /// The active key at or after raw position `pos`, with the position after it.
    pub fn next_entry(&self, mut pos: usize) -> Option<(usize, &Value)> {
        while pos < self.table.len() {
            if let Slot::Active { key, .. } = &self.table[pos] {
                return Some((pos + 1, key));
            }
            pos += 1;
        }
        None
    }

    /// Whether the table holds no dummies and has the given size (CPython copies such
    /// tables slot for slot when merging into an empty set).
    pub fn copy_from_same_layout(&mut self, other: &SetTable) -> bool {
        if self.fill == 0 && self.table.len() == other.table.len() && other.fill == other.used {
            self.table = other.table.clone();
            self.fill = other.fill;
            self.used = other.used;
            true
        } else {
            false
        }
    }

    /// Merge support: CPython grows the target before merging another set into it.
    pub fn reserve_for_merge(&mut self, incoming: usize) {
        if (self.fill + incoming) * 5 >= self.mask() * 3 {
            self.resize((self.used + incoming) * 2);
        }
    }

    /// Inserts keys from a set known to have no duplicates with this (empty) table.
    pub fn merge_clean_from(&mut self, other: &SetTable) {
        for (hash, key) in other.entries() {
            self.insert_clean(hash, key.clone());
            self.fill += 1;
            self.used += 1;
        }
    }

    pub fn fill(&self) -> usize {
        self.fill
    }
}
