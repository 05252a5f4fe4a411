//! File objects: the standard streams and files from `open()`. Text files decode UTF-8 and
//! translate newlines on read as CPython's default text mode does; binary files pass bytes.

use std::io::{BufReader, Read, Write};

/// Where a file object's bytes go or come from.
pub enum Stream {
    Stdin(BufReader<std::io::Stdin>),
    Stdout,
    Stderr,
    Reader(BufReader<std::fs::File>),
    Writer(std::io::BufWriter<std::fs::File>),
    Closed,
}

pub struct FileData {
    pub stream: Stream,
    pub name: String,
    pub mode: String,
    pub binary: bool,
    /// Bytes read ahead but not yet consumed (for `readline` over a buffered reader).
    pub pending: Vec<u8>,
    /// Standard streams buffer output here and flush at newlines when line buffered.
    pub out_buffer: Vec<u8>,
    pub line_buffered: bool,
}

impl FileData {
    pub fn new(stream: Stream, name: &str, mode: &str, binary: bool) -> FileData {
        FileData {
            stream,
            name: name.to_string(),
            mode: mode.to_string(),
            binary,
            pending: Vec::new(),
            out_buffer: Vec::new(),
            line_buffered: false,
        }
    }

    pub fn is_closed(&self) -> bool {
        matches!(self.stream, Stream::Closed)
    }

    /// Writes bytes (buffering standard output).
    pub fn write_bytes(&mut self, data: &[u8]) -> std::io::Result<()> {
        match &mut self.stream {
            Stream::Stdout | Stream::Stderr => {
                self.out_buffer.extend_from_slice(data);
                let flush_now =
                    self.line_buffered && data.contains(&b'\n') || self.out_buffer.len() >= 1 << 16;
                if flush_now || matches!(self.stream, Stream::Stderr) {
                    self.flush()?;
                }
                Ok(())
            }
            Stream::Writer(w) => w.write_all(data),
            _ => Err(std::io::Error::other("not writable")),
        }
    }

    pub fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.stream {
            Stream::Stdout => {
                let mut out = std::io::stdout().lock();
                out.write_all(&self.out_buffer)?;
                self.out_buffer.clear();
                out.flush()
            }
            Stream::Stderr => {
                let mut out = std::io::stderr().lock();
                out.write_all(&self.out_buffer)?;
                self.out_buffer.clear();
                out.flush()
            }
            Stream::Writer(w) => w.flush(),
            _ => Ok(()),
        }
    }

    /// Reads everything left.
    pub fn read_all(&mut self) -> std::io::Result<Vec<u8>> {
        let mut out = std::mem::take(&mut self.pending);
        match &mut self.stream {
            Stream::Stdin(r) => {
                r.read_to_end(&mut out)?;
            }
            Stream::Reader(r) => {
                r.read_to_end(&mut out)?;
            }
            _ => return Err(std::io::Error::other("not readable")),
        }
        Ok(out)
    }

    /// Reads one line including its `\n` (empty at end of file).
    pub fn read_line(&mut self) -> std::io::Result<Vec<u8>> {
        use std::io::BufRead;
        let mut out = Vec::new();
        if let Some(pos) = self.pending.iter().position(|b| *b == b'\n') {
            out.extend(self.pending.drain(..=pos));
            return Ok(out);
        }
        out.append(&mut self.pending);
        match &mut self.stream {
            Stream::Stdin(r) => {
                r.read_until(b'\n', &mut out)?;
            }
            Stream::Reader(r) => {
                r.read_until(b'\n', &mut out)?;
            }
            _ => return Err(std::io::Error::other("not readable")),
        }
        Ok(out)
    }
}
