//! "Did you mean" suggestions for NameError and AttributeError, with CPython's rule: the
//! candidate with the smallest Levenshtein distance (substitutions cost 2, case-only changes
//! 1, insertions and deletions 2) within the allowed budget.

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
const MAX_CANDIDATES: usize = 750;
const MAX_STRING_SIZE: usize = 40;

fn substitution_cost(a: char, b: char) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// Levenshtein distance with CPython's costs, or `max + 1` past `max`.
fn distance(a: &str, b: &str, max: usize) -> usize {
    if a == b {
        return 0;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max + 1;
    }
    if a.len().abs_diff(b.len()) * MOVE_COST > max {
        return max + 1;
    }
    let mut row: Vec<usize> = (1..=b.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (i, ca) in a.iter().enumerate() {
        let mut distance_diag = i * MOVE_COST;
        result = (i + 1) * MOVE_COST;
        let mut min_in_row = usize::MAX;
        for (j, cb) in b.iter().enumerate() {
            let substitute = distance_diag + substitution_cost(*ca, *cb);
            distance_diag = row[j];
            let insert_delete = result.min(distance_diag) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[j] = result;
            min_in_row = min_in_row.min(result);
        }
        if min_in_row > max {
            return max + 1;
        }
    }
    result
}

/// The best suggestion for `name` among `candidates`, if any is close enough.
pub fn best_match(name: &str, candidates: &[String]) -> Option<String> {
    if candidates.len() > MAX_CANDIDATES {
        return None;
    }
    let mut best: Option<(usize, &String)> = None;
    for c in candidates {
        if c == name {
            continue;
        }
        let max = (name.chars().count() + c.chars().count() + 3) * MOVE_COST / 6;
        let max = match best {
            Some((d, _)) => max.min(d.saturating_sub(1)),
            None => max,
        };
        let d = distance(name, c, max);
        if d > max {
            continue;
        }
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c.clone())
}
