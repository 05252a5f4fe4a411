//! Maps (hidden classes, DESIGN §3): the layout of an instance's own attributes. An
//! instance stores its attribute values inline in a vector and points at a map that says
//! which name lives in which slot; instances that gained the same attributes in the same
//! order share one map, found by following transitions from the empty map. Inline caches
//! and (later) JIT guards compare a map id and read a slot by index, with no dict lookup.
//!
//! Maps live in one arena per interpreter and are never freed (their number is capped);
//! an id is an index into it. The first `hidden` slots of a map hold `__slots__` values:
//! their names are placeholders no attribute lookup can match.
//!
//! An instance leaves map mode (`DICT_MODE`) when its `__dict__` is asked for, when an
//! attribute is deleted, or when a cap is hit; from then on a real dict holds its
//! attributes, so writes through `obj.__dict__` are seen by attribute access.

use crate::object::Value;

/// An index into the map arena.
pub type MapId = u32;

/// The map of an instance with no attributes and no slots.
pub const EMPTY_MAP: MapId = 0;
/// Pseudo map id of an instance whose attributes live in a materialized dict.
pub const DICT_MODE: MapId = u32::MAX;

/// Attributes per map before an instance falls back to a dict.
const MAX_ATTRS: usize = 48;
/// Maps per interpreter before new layouts fall back to dicts.
const MAX_MAPS: usize = 1 << 16;

struct MapNode {
    /// Slot `i` holds the attribute named `names[i]` (interned str values).
    names: Vec<Value>,
    /// Leading `__slots__` slots (placeholder names).
    hidden: usize,
    /// Maps reached by adding one more attribute name.
    transitions: Vec<(Value, MapId)>,
}

/// The arena of maps of one interpreter.
pub struct AttrMaps {
    nodes: Vec<MapNode>,
    /// `slot_roots[n]`: the map of a fresh instance with `n` slots.
    slot_roots: Vec<MapId>,
}

impl Default for AttrMaps {
    fn default() -> Self {
        AttrMaps::new()
    }
}

impl AttrMaps {
    pub fn new() -> AttrMaps {
        AttrMaps {
            nodes: vec![MapNode {
                names: Vec::new(),
                hidden: 0,
                transitions: Vec::new(),
            }],
            slot_roots: vec![EMPTY_MAP],
        }
    }

    /// The names of the slots of `map` (placeholders first for `__slots__`).
    #[inline]
    pub fn names(&self, map: MapId) -> &[Value] {
        match self.nodes.get(map as usize) {
            Some(n) => &n.names,
            None => &[],
        }
    }

    /// How many leading slots are `__slots__` values.
    #[inline]
    pub fn hidden(&self, map: MapId) -> usize {
        self.nodes.get(map as usize).map_or(0, |n| n.hidden)
    }

    /// The slot holding attribute `name` in `map`.
    #[inline]
    pub fn find(&self, map: MapId, name: &str) -> Option<usize> {
        let node = self.nodes.get(map as usize)?;
        node.names[node.hidden..]
            .iter()
            .position(|n| n.as_str() == Some(name))
            .map(|i| i + node.hidden)
    }

    /// The map after adding attribute `name` (an interned str) to `map`, creating it on
    /// first use; `None` when a cap is reached (the instance should use a dict).
    pub fn add(&mut self, map: MapId, name: &Value) -> Option<MapId> {
        let text = name.as_str()?;
        let node = self.nodes.get(map as usize)?;
        if let Some(&(_, next)) = node
            .transitions
            .iter()
            .find(|(n, _)| n.is(name) || n.as_str() == Some(text))
        {
            return Some(next);
        }
        if node.names.len() >= MAX_ATTRS + node.hidden || self.nodes.len() >= MAX_MAPS {
            return None;
        }
        let mut names = node.names.clone();
        names.push(name.clone());
        let hidden = node.hidden;
        let id = self.push(names, hidden)?;
        if let Some(node) = self.nodes.get_mut(map as usize) {
            node.transitions.push((name.clone(), id));
        }
        Some(id)
    }

    /// The map after adding attribute `name` to `map`, if that transition already exists
    /// (a read-only [`AttrMaps::add`], for the trace recorder).
    pub fn transition(&self, map: MapId, name: &Value) -> Option<MapId> {
        let text = name.as_str()?;
        let node = self.nodes.get(map as usize)?;
        node.transitions
            .iter()
            .find(|(n, _)| n.is(name) || n.as_str() == Some(text))
            .map(|&(_, next)| next)
    }

    /// The map of a fresh instance with `n` `__slots__` slots and no other attributes.
    pub fn slots_root(&mut self, n: usize, placeholder: impl Fn(usize) -> Value) -> MapId {
        if let Some(&id) = self.slot_roots.get(n) {
            return id;
        }
        while self.slot_roots.len() <= n {
            let k = self.slot_roots.len();
            let names: Vec<Value> = (0..k).map(&placeholder).collect();
            match self.push(names, k) {
                Some(id) => self.slot_roots.push(id),
                None => return DICT_MODE,
            }
        }
        self.slot_roots.get(n).copied().unwrap_or(DICT_MODE)
    }

    fn push(&mut self, names: Vec<Value>, hidden: usize) -> Option<MapId> {
        let id = MapId::try_from(self.nodes.len()).ok()?;
        if id == DICT_MODE {
            return None;
        }
        self.nodes.push(MapNode {
            names,
            hidden,
            transitions: Vec::new(),
        });
        Some(id)
    }
}

/// The attribute storage of an instance of a user class.
pub struct InstanceAttrs {
    /// Its map, or `DICT_MODE`.
    pub map: MapId,
    /// Slot values (NULL: unset); in dict mode only the `__slots__` values remain.
    pub values: Vec<Value>,
    /// The materialized `__dict__` (NULL in map mode).
    pub dict: Value,
    /// `__del__` already ran (it runs at most once, PEP 442).
    pub finalized: bool,
}

impl InstanceAttrs {
    pub fn new(map: MapId, nslots: usize) -> InstanceAttrs {
        InstanceAttrs {
            map,
            values: vec![Value::NULL; nslots],
            dict: Value::NULL,
            finalized: false,
        }
    }
}
