//! The results table: per benchmark and interpreter `median ± MAD`, the ratio to the reference
//! (`1.54x faster` / `slower`), an output-equality column, and the geometric means.

use crate::interpreters::Interpreter;
use crate::results::{self, Cell, Verdict};
use crate::stats;

/// Renders the table for `benchmarks` × `interpreters` (`cells[b][i]`), the reference first.
pub fn table(benchmarks: &[String], interpreters: &[Interpreter], cells: &[Vec<Cell>]) -> String {
    let mut header = vec!["benchmark".to_string()];
    for (i, interp) in interpreters.iter().enumerate() {
        header.push(interp.name.clone());
        if i > 0 {
            header.push(format!("{} vs python3", interp.name));
        }
    }
    header.push("output".into());

    let mut rows = Vec::new();
    let mut ratios: Vec<Vec<f64>> = vec![Vec::new(); interpreters.len()];
    for (b, name) in benchmarks.iter().enumerate() {
        let reference = &cells[b][0];
        let mut row = vec![name.clone()];
        let mut marks = Vec::new();
        for (i, cell) in cells[b].iter().enumerate() {
            row.push(timing(cell));
            if i == 0 {
                continue;
            }
            let verdict = results::verdict(reference, cell);
            row.push(match (verdict, results::speedup(reference, cell)) {
                (Verdict::Different, _) => "wrong output".into(),
                (_, Some(s)) => {
                    if verdict == Verdict::Same {
                        ratios[i].push(s);
                    }
                    let significance = if results::overlapping(reference, cell) {
                        " (n.s.)"
                    } else {
                        ""
                    };
                    format!("{}{significance}", ratio(s))
                }
                (_, None) => "-".into(),
            });
            marks.push(match verdict {
                Verdict::Same => format!("{} ✓", interpreters[i].name),
                Verdict::Different => format!("{} ✗", interpreters[i].name),
                Verdict::Unknown => format!("{} ?", interpreters[i].name),
            });
        }
        row.push(marks.join(" "));
        rows.push(row);
    }
    let mut footer = vec!["geometric mean".to_string(), String::new()];
    for interp_ratios in ratios.iter().skip(1) {
        footer.push(String::new());
        footer.push(match stats::geometric_mean(interp_ratios) {
            Some(g) => format!("{} ({} benchmarks)", ratio(g), interp_ratios.len()),
            None => "-".into(),
        });
    }
    footer.push(String::new());
    rows.push(footer);
    render(&header, &rows)
}

/// Failures, one line each, for the lines under the table.
pub fn failures(
    benchmarks: &[String],
    interpreters: &[Interpreter],
    cells: &[Vec<Cell>],
) -> Vec<String> {
    let mut lines = Vec::new();
    for (b, name) in benchmarks.iter().enumerate() {
        for (i, cell) in cells[b].iter().enumerate() {
            if let Some(why) = &cell.failure {
                lines.push(format!("{name} under {}: {why}", interpreters[i].name));
            } else if i > 0 && results::verdict(&cells[b][0], cell) == Verdict::Different {
                lines.push(format!(
                    "{name} under {}: output differs from python3's",
                    interpreters[i].name
                ));
            }
        }
    }
    lines
}

fn timing(cell: &Cell) -> String {
    if let Some(why) = &cell.failure {
        return if why.starts_with("timed out") {
            "timeout".into()
        } else {
            "failed".into()
        };
    }
    match (cell.median(), cell.mad()) {
        (Some(m), Some(d)) => format!("{} ± {}", seconds(m), seconds(d)),
        _ => "-".into(),
    }
}

/// `1.54x faster` / `2.10x slower`, the wording of `pyperf compare_to`.
pub fn ratio(speedup: f64) -> String {
    if speedup >= 1.0 {
        format!("{speedup:.2}x faster")
    } else {
        format!("{:.2}x slower", 1.0 / speedup)
    }
}

fn seconds(s: f64) -> String {
    if s >= 1.0 {
        format!("{s:.2} s")
    } else {
        format!("{:.0} ms", s * 1000.0)
    }
}

fn render(header: &[String], rows: &[Vec<String>]) -> String {
    let columns = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (c, cell) in row.iter().enumerate().take(columns) {
            widths[c] = widths[c].max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(c, cell)| {
                let pad = widths[c].saturating_sub(cell.chars().count());
                format!("{cell}{}", " ".repeat(pad))
            })
            .collect();
        format!("| {} |", padded.join(" | "))
    };
    let mut out = String::new();
    out.push_str(&line(header));
    out.push('\n');
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    out.push_str(&format!("|-{}-|\n", rule.join("-|-")));
    for row in rows {
        out.push_str(&line(row));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_wording_matches_pyperf() {
        assert_eq!(ratio(1.54), "1.54x faster");
        assert_eq!(ratio(0.5), "2.00x slower");
    }

    #[test]
    fn table_has_a_geometric_mean_row() {
        let interpreters = vec![
            Interpreter {
                name: "python3".into(),
                command: vec![],
                version: "3.11".into(),
            },
            Interpreter {
                name: "pyrite".into(),
                command: vec![],
                version: "3.14".into(),
            },
        ];
        let cell = |t: f64| Cell {
            warmups: vec![],
            values: vec![t, t, t],
            stdout: Some("42\n".into()),
            failure: None,
        };
        let cells = vec![vec![cell(2.0), cell(1.0)]];
        let text = table(&["nbody".into()], &interpreters, &cells);
        assert!(text.contains("| nbody "), "{text}");
        assert!(text.contains("2.00x faster (1 benchmarks)"), "{text}");
        assert!(text.contains("pyrite ✓"), "{text}");
    }
}
